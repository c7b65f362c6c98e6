import type { ConversationMode } from '../../../src/model/conversation';
import type { WireMessage } from '../../../src/realtime/socket-events';
import { ChatConnection, type ChatListener, type PendingMessage } from './chat-connection';
import { button, el, ICONS, svgIcon } from './dom';
import { renderMessage, renderPending, type MessageActions } from './message-view';
import { SessionStorage } from './session-storage';
import { fetchOwnUpload, uploadFile } from './upload';
import { WIDGET_CSS } from './widget-styles';
import type { WidgetEvents } from './widget-events';
import type { WidgetIdentity, WidgetSettings } from './widget-settings';
import { TypingSignal } from '../../../src/realtime/typing-signal';

const TYPING_SHOWN_MS = 8000;
const ACCEPTED_FILES =
  'image/png,image/jpeg,image/gif,image/webp,application/pdf,text/plain,video/mp4,video/webm,video/quicktime';

/**
 * The chat button and panel, drawn in a shadow root on the host page. Keyboard: Enter sends,
 * Shift+Enter starts a new line, Escape closes the panel and gives focus back to the button.
 */
export class ChatWidget implements ChatListener {
  private readonly connection: ChatConnection;
  private readonly storage: SessionStorage;
  private readonly launcher: HTMLButtonElement;
  private readonly badge = el('span', 'badge');
  private readonly panel = el('section', 'panel');
  private readonly root = el('div', 'root');
  private readonly heading = el('h2', '', 'Support');
  private serverGreeting = '';
  private settings: WidgetSettings = {};
  private readonly subtitle = el('div', 'sub');
  private readonly statusDot = el('span', 'dot off');
  private readonly banner = el('div', 'banner');
  private readonly log = el('div', 'log');
  private readonly greeting = el('div', 'msg msg--bot greeting');
  private readonly transcript = el('div', 'transcript-lines');
  private readonly pendingList = el('div', 'pending-list');
  private readonly quick = el('div', 'quick');
  private readonly typingLine = el('div', 'typing');
  private readonly note = el('div', 'note');
  private readonly input = el('textarea');
  private readonly fileInput = el('input');
  private readonly lines = new Map<number, HTMLElement>();
  private latest: WireMessage | undefined;
  private unread = 0;
  private readonly typingSignal = new TypingSignal((on) => this.connection.typing(on));
  private typingShownTimer: ReturnType<typeof setTimeout> | undefined;
  private currentMode: ConversationMode = 'bot';
  private agentName: string | undefined;

  constructor(
    private readonly server: string,
    private readonly events: WidgetEvents,
  ) {
    this.storage = new SessionStorage(server);
    this.connection = new ChatConnection(server, this.storage, this, () => ({
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      locale: navigator.language,
      pageUrl: window.location.href.slice(0, 300),
    }));
    this.launcher = button('Open chat', 'launcher', () => this.open(), ICONS.chat);
    this.launcher.setAttribute('aria-expanded', 'false');
    this.badge.hidden = true;
    this.badge.id = 'handoff-chat-unread';
    this.launcher.setAttribute('aria-describedby', this.badge.id);
    this.launcher.append(this.badge);
  }

  /** Draws the widget at the end of the page's body. */
  mount(): void {
    const host = document.createElement('div');
    host.id = 'handoff-chat';
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = WIDGET_CSS;
    this.root.append(this.buildPanel(), this.launcher);
    shadow.append(style, this.root);
    document.body.append(host);
    // A returning visitor may have an agent's reply waiting: reconnect at once.
    if (this.connection.hasSession) this.connection.connect();
  }

  /** Applies a site's colour, title, greeting and corner; settings left out keep their value. */
  configure(settings: WidgetSettings): void {
    this.settings = { ...this.settings, ...settings };
    const { color, title, position } = this.settings;
    if (color) {
      this.root.style.setProperty('--accent', color);
      this.root.style.setProperty('--accent-dark', `color-mix(in srgb, ${color} 82%, black)`);
    }
    this.heading.textContent = title ?? 'Support';
    this.root.classList.toggle('left', position === 'left');
    this.showGreeting();
  }

  /** Signs the customer in as the site names them (verified by the server). */
  identify(identity: WidgetIdentity): void {
    this.connection.identify(identity);
  }

  /** Opens the panel and puts the cursor in the message box. */
  open(): void {
    const wasClosed = this.panel.hidden;
    this.panel.hidden = false;
    this.launcher.hidden = true;
    this.launcher.setAttribute('aria-expanded', 'true');
    this.markRead();
    this.connection.connect();
    this.input.focus();
    this.scrollToEnd();
    if (wasClosed) this.events.emit('open', {});
  }

  /** Closes the panel and gives focus back to the chat button. */
  close(): void {
    const wasOpen = !this.panel.hidden;
    this.panel.hidden = true;
    this.launcher.hidden = false;
    this.launcher.setAttribute('aria-expanded', 'false');
    this.launcher.focus();
    if (wasOpen) this.events.emit('close', {});
  }

  private buildPanel(): HTMLElement {
    this.panel.id = 'handoff-chat-panel';
    this.panel.hidden = true;
    this.panel.setAttribute('role', 'dialog');
    this.panel.setAttribute('aria-label', 'Support chat');
    this.launcher.setAttribute('aria-controls', this.panel.id);
    this.panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        this.close();
      }
    });

    const header = el('header');
    const who = el('div', 'who');
    who.append(this.heading, this.subtitle);
    this.subtitle.prepend(this.statusDot);
    this.subtitle.append('Connecting…');
    header.append(
      who,
      button('Close chat', 'icon', () => this.close(), ICONS.close),
    );

    this.banner.hidden = true;
    this.banner.setAttribute('role', 'status');
    this.log.setAttribute('role', 'log');
    this.log.setAttribute('aria-live', 'polite');
    this.log.setAttribute('aria-label', 'Conversation');
    this.log.tabIndex = 0;
    this.greeting.hidden = true;
    this.log.append(this.greeting, this.transcript, this.pendingList);
    this.typingLine.setAttribute('aria-live', 'polite');
    this.note.setAttribute('role', 'alert');

    this.panel.append(
      header,
      this.banner,
      this.log,
      this.typingLine,
      this.quick,
      this.note,
      this.buildComposer(),
    );
    return this.panel;
  }

  private buildComposer(): HTMLFormElement {
    const form = el('form', 'composer');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.sendTyped();
    });
    this.fileInput.type = 'file';
    this.fileInput.accept = ACCEPTED_FILES;
    this.fileInput.hidden = true;
    this.fileInput.addEventListener('change', () => void this.attachChosenFile());
    const attach = button('Attach a file', 'icon', () => this.fileInput.click(), ICONS.attach);

    this.input.rows = 1;
    this.input.placeholder = 'Type a message…';
    this.input.setAttribute('aria-label', 'Message');
    this.input.maxLength = 4000;
    this.input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.sendTyped();
      }
    });
    this.input.addEventListener('input', () => {
      this.autoGrow();
      this.typingSignal.keystroke();
    });

    const send = el('button', 'send');
    send.type = 'submit';
    send.setAttribute('aria-label', 'Send');
    send.append(svgIcon(ICONS.send));
    form.append(attach, this.fileInput, this.input, send);
    return form;
  }

  private sendTyped(): void {
    const text = this.input.value.trim();
    if (!text) return;
    this.connection.send(text);
    this.input.value = '';
    this.autoGrow();
    this.typingSignal.stop();
    this.quick.replaceChildren();
  }

  private async attachChosenFile(): Promise<void> {
    const file = this.fileInput.files?.[0];
    this.fileInput.value = '';
    if (!file) return;
    const token = this.connection.token;
    if (!token) {
      this.note.textContent = 'Still connecting; try again in a moment.';
      return;
    }
    this.note.textContent = '';
    try {
      const attachment = await uploadFile(this.server, token, file);
      const text = this.input.value.trim() || `Attached ${attachment.name ?? 'a file'}`;
      this.input.value = '';
      this.connection.send(text, [attachment]);
    } catch (error) {
      this.note.textContent = error instanceof Error ? error.message : 'The upload failed.';
    }
  }

  private autoGrow(): void {
    this.input.style.height = 'auto';
    this.input.style.height = `${Math.min(this.input.scrollHeight + 2, 120)}px`;
  }

  // ------------------------------------------------------------ ChatListener

  session(info: { greeting: string; mode: ConversationMode; identified: boolean }): void {
    this.serverGreeting = info.greeting;
    this.showGreeting();
    this.currentMode = info.mode;
    this.events.emit('session', { identified: info.identified });
  }

  reset(): void {
    this.lines.clear();
    this.latest = undefined;
    this.transcript.replaceChildren();
    this.quick.replaceChildren();
    this.note.textContent = '';
  }

  messages(messages: WireMessage[]): void {
    const nearEnd = this.log.scrollHeight - this.log.scrollTop - this.log.clientHeight < 80;
    for (const message of messages) {
      const line = renderMessage(message, this.actions);
      const after = [...this.lines.keys()].filter((seq) => seq > message.seq).sort((a, b) => a - b)[0];
      const before = after === undefined ? null : (this.lines.get(after) ?? null);
      this.transcript.insertBefore(line, before);
      this.lines.set(message.seq, line);
      if (!this.latest || message.seq > this.latest.seq) this.latest = message;
      // Only what came after the customer last had the panel open is new (a reload replays it all).
      const unseen = this.panel.hidden && message.seq > this.storage.lastReadSeq;
      if (message.author !== 'customer' && unseen) this.unread += 1;
      if (message.author === 'agent' || message.author === 'bot') this.hideTyping();
      this.events.emit('message', {
        seq: message.seq,
        author: message.author,
        text: message.text,
        createdAt: message.createdAt,
        ...(message.authorName !== undefined && { authorName: message.authorName }),
      });
    }
    this.showQuickReplies();
    if (!this.panel.hidden) this.markRead();
    this.showBadge();
    if (nearEnd || messages.some((m) => m.author === 'customer')) this.scrollToEnd();
  }

  messageUpdated(message: WireMessage): void {
    const line = this.lines.get(message.seq);
    if (!line) return;
    const fresh = renderMessage(message, this.actions);
    line.replaceWith(fresh);
    this.lines.set(message.seq, fresh);
  }

  typing(payload: { author: 'agent' | 'bot'; name?: string; on: boolean }): void {
    clearTimeout(this.typingShownTimer);
    if (!payload.on) {
      this.hideTyping();
      return;
    }
    this.typingLine.textContent =
      payload.author === 'bot' ? 'The bot is typing…' : `${payload.name ?? 'The agent'} is typing…`;
    this.typingShownTimer = setTimeout(() => this.hideTyping(), TYPING_SHOWN_MS);
  }

  mode(payload: { mode: ConversationMode; agentName?: string }): void {
    if (payload.mode !== this.currentMode) {
      this.events.emit('handoff', {
        mode: payload.mode,
        ...(payload.agentName !== undefined && { agentName: payload.agentName }),
      });
    }
    this.currentMode = payload.mode;
    if (payload.agentName) this.agentName = payload.agentName;
    this.banner.classList.toggle('assigned', payload.mode === 'assigned');
    if (payload.mode === 'queued') {
      this.banner.textContent = 'Waiting for an agent. You can keep adding details here.';
      this.banner.hidden = false;
    } else if (payload.mode === 'assigned') {
      this.banner.textContent = `You are chatting with ${this.agentName ?? 'an agent'}.`;
      this.banner.hidden = false;
    } else {
      this.banner.hidden = true;
    }
    this.showStatus(true);
  }

  pending(items: PendingMessage[]): void {
    this.pendingList.replaceChildren(
      ...items.map((item) =>
        renderPending(item.text, item.error, () => this.connection.dismiss(item.clientId)),
      ),
    );
    this.scrollToEnd();
  }

  status(status: 'connecting' | 'online' | 'offline'): void {
    if (status === 'online') return; // shown once the mode is known
    this.showStatus(false, status === 'connecting' ? 'Connecting…' : 'Reconnecting…');
  }

  problem(message: string): void {
    this.note.textContent = message;
  }

  // ------------------------------------------------------------ helpers

  private readonly actions: MessageActions = {
    feedback: (seq, helpful) => this.connection.feedback(seq, helpful),
    openAttachment: (url) => fetchOwnUpload(this.server, this.connection.token ?? '', url),
  };

  private showStatus(online: boolean, offlineText = 'Offline'): void {
    this.statusDot.classList.toggle('off', !online);
    // Green means someone answers now: the bot, or the agent who took the chat; not the queue.
    this.statusDot.classList.toggle('waiting', online && this.currentMode === 'queued');
    const text = !online
      ? offlineText
      : this.currentMode === 'assigned'
        ? `${this.agentName ?? 'An agent'} · Support team`
        : this.currentMode === 'queued'
          ? 'Waiting for an agent'
          : 'Support bot · We reply in seconds';
    this.subtitle.replaceChildren(this.statusDot, text);
  }

  /** Quick replies belong to the newest message only; anything newer makes them stale. */
  private showQuickReplies(): void {
    const replies = this.latest?.author === 'bot' ? (this.latest.quickReplies ?? []) : [];
    this.quick.replaceChildren(
      ...replies.map((reply) =>
        button(reply.label, 'chip', () => {
          this.quick.replaceChildren();
          this.connection.send(reply.value);
        }),
      ),
    );
  }

  /** The site's greeting when it set one, else the server's, once the server has sent it. */
  private showGreeting(): void {
    const text = this.settings.greeting ?? this.serverGreeting;
    if (!text) return;
    this.greeting.replaceChildren(el('div', 'author', 'Support bot'), el('div', 'bubble', text));
    this.greeting.hidden = false;
  }

  private hideTyping(): void {
    clearTimeout(this.typingShownTimer);
    this.typingLine.textContent = '';
  }

  /** The panel is open: everything shown so far is read, now and on the next visit. */
  private markRead(): void {
    this.unread = 0;
    if (this.latest) this.storage.lastReadSeq = this.latest.seq;
  }

  private showBadge(): void {
    this.badge.hidden = this.unread === 0;
    this.badge.textContent = String(this.unread);
    // The name stays "Open chat"; the count is a description, read after it.
    this.badge.setAttribute('aria-label', `${this.unread} new`);
  }

  private scrollToEnd(): void {
    requestAnimationFrame(() => (this.log.scrollTop = this.log.scrollHeight));
  }
}
