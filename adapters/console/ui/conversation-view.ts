import type { HandoffTransition } from '../../../src/model/conversation';
import type { ConversationDetail, WireMessage } from '../../../src/realtime/socket-events';
import { el } from '../../web/widget/dom';
import type { CannedResponse } from '../../../src/model/canned-response';
import { renderBrief } from './brief-card';
import { CannedPicker } from './canned-picker';
import { askToEnd } from './end-dialog';
import { channelBadge, channelName, tagBadges } from './queue-view';
import { renderLine } from './transcript-line';
import { renderRatings } from './rating-card';
import { TypingSignal } from '../../../src/realtime/typing-signal';

const SEVERITIES = ['P0', 'P1', 'P2', 'P3', 'P4', 'P5'] as const;
type Severity = (typeof SEVERITIES)[number];

/** What the conversation pane asks the console to do. */
export interface ConversationActions {
  /** Resolves with an error message to show, or undefined once the server accepted the reply. */
  reply(text: string): Promise<string | undefined>;
  /** Adds an internal note (agents only); resolves with an error message or undefined. */
  note(text: string): Promise<string | undefined>;
  /** Takes back a conversation the bot answers again, so a reply can go out; error or undefined. */
  reopen(): Promise<string | undefined>;
  /** Takes a waiting conversation opened from elsewhere (a ticket) without going back to the queue. */
  claim(): void;
  resolve(): void;
  release(): void;
  reclassify(severity: Severity): void;
  /** Ends the conversation for good (abusive customer), after the agent confirmed. */
  end(reason: string | undefined): void;
  typing(on: boolean): void;
  /** Hands the conversation to another agent. */
  transfer(agentId: string): void;
  /** The other agents a conversation can be handed to. */
  colleagues(): { id: string; displayName: string }[];
  /** The team's canned responses, for `/` in the reply box. */
  canned(): CannedResponse[];
}

/**
 * The open conversation: who and where the customer is, the brief, the whole transcript (bot part
 * included) and the reply box. Enter sends, Shift+Enter adds a line.
 */
export class ConversationView {
  readonly element = el('section', 'pane');
  private readonly head = el('div', 'conv-head');
  private readonly scroller = el('div', 'scroller');
  private readonly context = el('div', 'context');
  private readonly transcript = el('div', 'transcript');
  private readonly typingLine = el('div', 'typing');
  private readonly composer = el('div', 'composer');
  private readonly input = el('textarea');
  private readonly lines = new Map<number, HTMLElement>();
  private readonly typing = new TypingSignal((on) => this.actions.typing(on));
  private picker: CannedPicker | undefined;
  /** What the composer writes: a reply the customer gets, or an internal note they never see. */
  private writing: 'reply' | 'note' = 'reply';
  private readonly writeChoice = el('fieldset', 'write-choice');

  constructor(
    private detail: ConversationDetail,
    private readonly agentId: string,
    private readonly actions: ConversationActions,
  ) {
    this.element.setAttribute('aria-label', `Conversation with ${detail.customer}`);
    this.transcript.setAttribute('role', 'log');
    this.transcript.setAttribute('aria-label', 'Transcript');
    this.transcript.setAttribute('aria-live', 'polite');
    this.typingLine.setAttribute('aria-live', 'polite');
    // The brief stays pinned above the transcript: the newest messages scroll, the facts do not.
    this.scroller.append(this.transcript);
    // A long transcript scrolls inside its pane: keyboard users can scroll it too.
    this.scroller.tabIndex = 0;
    this.element.append(this.head, this.context, this.scroller, this.typingLine, this.composer);
    this.buildComposer();
    this.update(detail);
    this.addMessages(detail.messages);
  }

  /** The conversation this pane shows. */
  get id(): string {
    return this.detail.id;
  }

  /** The conversation as shown now (facts updated since it was opened included). */
  get current(): ConversationDetail {
    return this.detail;
  }

  /** The highest sequence number shown (a reconnect asks only for what came after it). */
  get lastSeq(): number {
    return Math.max(0, ...this.lines.keys());
  }

  /** Facts changed (mode, assignment, brief, severity); messages are merged separately. */
  update(detail: Partial<ConversationDetail>, transition?: HandoffTransition): void {
    const facts = { ...detail };
    delete facts.messages;
    if (transition) facts.history = [...this.detail.history, transition];
    this.detail = { ...this.detail, ...facts };
    this.renderHead();
    this.renderContext();
    this.renderComposerState();
  }

  /** Adds messages not shown yet, in sequence order (a message is never shown twice). */
  addMessages(messages: WireMessage[]): void {
    const nearEnd = this.scroller.scrollHeight - this.scroller.scrollTop - this.scroller.clientHeight < 120;
    for (const message of [...messages].sort((a, b) => a.seq - b.seq)) {
      if (this.lines.has(message.seq)) continue;
      const line = renderLine(message, this.detail.customer);
      const after = [...this.lines.keys()].filter((seq) => seq > message.seq).sort((a, b) => a - b)[0];
      this.transcript.insertBefore(line, after === undefined ? null : (this.lines.get(after) ?? null));
      this.lines.set(message.seq, line);
      if (message.author === 'customer') this.showTyping(false);
    }
    if (nearEnd || messages.length > 3) this.scrollToEnd();
  }

  /** A message changed (delivery failed, feedback given). */
  updateMessage(message: WireMessage): void {
    const line = this.lines.get(message.seq);
    if (!line) return;
    const fresh = renderLine(message, this.detail.customer);
    line.replaceWith(fresh);
    this.lines.set(message.seq, fresh);
  }

  /** Shows or hides "customer is typing". */
  showTyping(on: boolean): void {
    this.typingLine.textContent = on ? `${this.detail.customer} is typing…` : '';
  }

  /** The list of colleagues arrived or changed: the transfer control follows it. */
  colleaguesChanged(): void {
    this.renderHead();
  }

  /** Puts the cursor in the reply box. */
  focus(): void {
    if (!this.input.disabled) this.input.focus();
  }

  private get mineToAnswer(): boolean {
    return this.detail.mode === 'assigned' && this.detail.assignedAgentId === this.agentId;
  }

  /** A conversation the bot answers again, which a reply would reopen on the customer's channel. */
  private get reopenable(): boolean {
    const { mode, unreachable } = this.detail;
    return (mode === 'resolved' || mode === 'abandoned' || mode === 'bot') && unreachable === undefined;
  }

  private renderHead(): void {
    const d = this.detail;
    const title = el('div', 'title');
    const h2 = el('h2');
    h2.append(
      channelBadge(d.channel),
      el('span', '', d.customer),
      el('span', `state ${d.mode}`, stateLabel(d)),
      ...tagBadges(d.tags),
    );
    const facts = [
      channelName(d.channel),
      d.profile.email,
      d.profile.phone,
      d.profile.handle && `@${d.profile.handle.replace(/^@/, '')}`,
      d.profile.timeZone && `time zone ${d.profile.timeZone}`,
      d.profile.locale,
      d.profile.pageUrl && `on ${d.profile.pageUrl}`,
      `id ${d.customerId}`,
    ].filter((fact): fact is string => Boolean(fact));
    title.append(h2, el('div', 'facts', facts.join(' · ')));

    const severity = el('select');
    severity.append(new Option('not set', '', true, !d.brief?.severity));
    for (const level of SEVERITIES)
      severity.append(new Option(level, level, false, d.brief?.severity === level));
    severity.addEventListener('change', () => {
      const chosen = SEVERITIES.find((level) => level === severity.value);
      if (chosen) this.actions.reclassify(chosen);
    });
    const severityLabel = el('label');
    severityLabel.append('Severity', severity);

    const release = actionButton('Release', 'btn', () => this.actions.release());
    release.title = 'Put the conversation back in the queue';
    const resolve = actionButton('Resolve', 'btn good', () => this.actions.resolve());
    resolve.title = 'Done: the bot answers again and the customer is told';
    release.disabled = resolve.disabled = !this.mineToAnswer;
    const end = actionButton('End conversation', 'btn danger', () => {
      void askToEnd(d.customer, d.tags?.includes('abusive') === true).then((answer) => {
        if (answer.confirmed) this.actions.end(answer.reason);
      });
    });
    end.title = 'For abuse or threats: the customer is told the team ended the conversation';
    end.disabled = !canEnd(d, this.agentId);
    const buttons: HTMLElement[] = [severityLabel, release, resolve, end];
    const colleagues = this.actions.colleagues().filter((a) => a.id !== this.agentId);
    if (this.mineToAnswer && colleagues.length > 0) buttons.splice(3, 0, this.transferControl(colleagues));
    if (d.mode === 'queued') {
      const claim = actionButton('Claim', 'btn primary', () => this.actions.claim());
      claim.title = 'Take this conversation and answer the customer';
      buttons.splice(1, 2, claim);
    }
    this.head.replaceChildren(title, ...buttons);
  }

  /** A choice of agent and a Transfer button; the choice must be made before it does anything. */
  private transferControl(colleagues: { id: string; displayName: string }[]): HTMLElement {
    const select = el('select');
    select.append(new Option('Transfer to…', ''), ...colleagues.map((a) => new Option(a.displayName, a.id)));
    select.setAttribute('aria-label', 'Transfer to agent');
    const go = actionButton('Transfer', 'btn', () => {
      if (select.value) this.actions.transfer(select.value);
    });
    const box = el('span', 'transfer');
    box.append(select, go);
    return box;
  }

  private renderContext(): void {
    const parts: HTMLElement[] = [];
    if (this.detail.brief && Object.keys(this.detail.brief).length > 0)
      parts.push(renderBrief(this.detail.brief));
    if (this.detail.notes?.length) {
      const notes = el('ul', 'notes');
      for (const note of this.detail.notes) notes.append(el('li', '', note));
      parts.push(notes);
    }
    if (this.detail.ratings?.length) parts.push(renderRatings(this.detail.ratings));
    if (this.detail.unreachable) {
      parts.push(el('p', 'notes', `The customer can no longer be reached: ${this.detail.unreachable}`));
    }
    this.context.replaceChildren(...parts);
  }

  private buildComposer(): void {
    this.input.rows = 2;
    this.writeChoice.append(el('legend', '', 'Write'));
    for (const [value, label] of [
      ['reply', 'Reply to customer'],
      ['note', 'Internal note'],
    ] as const) {
      const option = el('label');
      const radio = el('input');
      radio.type = 'radio';
      radio.name = `write-${this.detail.id}`;
      radio.value = value;
      radio.checked = value === this.writing;
      radio.addEventListener('change', () => {
        this.writing = value;
        this.renderComposerState();
      });
      option.append(radio, label);
      this.writeChoice.append(option);
    }
    this.input.maxLength = 4000;
    this.picker = new CannedPicker(this.input, () => this.actions.canned());
    this.input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        void this.send();
      }
    });
    this.input.addEventListener('input', () => {
      // The customer sees "typing" only for what they will receive.
      if (this.writing === 'reply' && this.mineToAnswer) this.typing.keystroke();
    });
  }

  private renderComposerState(): void {
    const note = this.writing === 'note';
    const open = note || this.mineToAnswer || this.reopenable;
    this.input.disabled = !open;
    this.input.setAttribute('aria-label', note ? 'Internal note' : 'Reply');
    this.input.placeholder = note ? 'Internal note: only agents see this…' : 'Write a reply…';
    this.composer.classList.toggle('noting', note);
    const send = actionButton(note ? 'Add note' : 'Send', 'btn primary', () => void this.send());
    send.disabled = !open;
    const box = el('div', 'box');
    box.append(this.input, send);
    const hint = note
      ? el('div', 'hint', 'Only agents see notes: they are never sent to the customer.')
      : this.mineToAnswer
        ? el('div', 'hint', 'Enter sends · Shift+Enter adds a line · / inserts a canned response')
        : this.reopenable
          ? el(
              'div',
              'hint',
              `${closedHint(this.detail)} Sending reopens it as yours on ${channelName(this.detail.channel)}.`,
            )
          : el('div', 'hint closed', closedHint(this.detail));
    this.composer.replaceChildren(...(this.picker ? [this.picker.element] : []), this.writeChoice, box, hint);
  }

  private async send(): Promise<void> {
    const text = this.input.value.trim();
    const note = this.writing === 'note';
    if (!text || !(note || this.mineToAnswer || this.reopenable)) return;
    this.input.value = '';
    if (!note) this.typing.stop();
    let error: string | undefined;
    if (note) error = await this.actions.note(text);
    else {
      if (!this.mineToAnswer) error = await this.actions.reopen();
      if (!error) error = await this.actions.reply(text);
    }
    if (error && !this.input.value) this.input.value = text;
    this.input.focus();
  }

  private scrollToEnd(): void {
    requestAnimationFrame(() => (this.scroller.scrollTop = this.scroller.scrollHeight));
  }
}

function actionButton(label: string, className: string, onClick: () => void): HTMLButtonElement {
  const button = el('button', className, label);
  button.type = 'button';
  button.addEventListener('click', onClick);
  return button;
}

function stateLabel(d: ConversationDetail): string {
  switch (d.mode) {
    case 'assigned':
      return `with ${d.assignedAgentName ?? 'an agent'}`;
    case 'queued':
      return 'waiting';
    case 'resolved':
      return 'resolved';
    case 'abandoned':
      return 'customer left';
    case 'bot':
      return 'with the bot';
  }
}

/** Ending is for live conversations; one another agent holds is theirs to end. */
function canEnd(d: ConversationDetail, agentId: string): boolean {
  if (d.mode === 'assigned') return d.assignedAgentId === agentId;
  return d.mode === 'queued' || d.mode === 'bot';
}

function closedHint(d: ConversationDetail): string {
  if (d.mode === 'assigned') return `${d.assignedAgentName ?? 'Another agent'} has this conversation.`;
  if (d.mode === 'queued') return 'Claim the conversation to reply.';
  const last = d.history.at(-1);
  if (d.mode === 'resolved' && last?.event === 'end')
    return `Ended by ${last.agentName ?? 'an agent'}: if the customer writes again, the bot answers.`;
  if (d.mode === 'resolved') return 'Resolved: the bot is answering this customer again.';
  if (d.mode === 'abandoned') return 'The customer left before anyone replied.';
  return 'The bot is answering this customer.';
}
