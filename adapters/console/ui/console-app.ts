import { io, type Socket } from 'socket.io-client';
import type {
  AgentView,
  ConsoleClientEvents,
  ConsoleServerEvents,
  ConversationDetail,
  ConversationSummary,
} from '../../../src/realtime/socket-events';
import { el } from '../../web/widget/dom';
import { HandoffAlerts } from './alerts';
import { signOut } from './console-api';
import { ConversationView } from './conversation-view';
import { renderMine, renderQueue, tickWaitingTimes } from './queue-view';

type ConsoleSocket = Socket<ConsoleServerEvents, ConsoleClientEvents>;
type AckedEvent = 'claim' | 'open' | 'reply' | 'resolve' | 'release' | 'reclassify';
/** The acknowledgement an event's handler answers with. */
type AckOf<E extends AckedEvent> = Parameters<Parameters<ConsoleClientEvents[E]>[1]>[0];

const ACK_TIMEOUT_MS = 10_000;
const SELECTED_KEY = 'handoff-console:selected';

/**
 * The signed-in console: the live queue and the agent's chats on the left, the open conversation
 * on the right. Everything arrives over the `/console` socket (authenticated by the session cookie).
 */
export class ConsoleApp {
  private readonly socket: ConsoleSocket;
  private readonly alerts = new HandoffAlerts();
  private readonly queueList = el('ul', 'list');
  private readonly mineList = el('ul', 'list');
  private readonly queueCount = el('span', 'count', '0');
  private readonly mineCount = el('span', 'count', '0');
  private readonly online = el('span', 'online');
  private readonly pane = el('div', 'content');
  private readonly toast = el('div', 'toast');
  private mine: ConversationSummary[] = [];
  private view: ConversationView | undefined;
  private ticker: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly root: HTMLElement,
    private agent: AgentView,
    private readonly signedOut: (notice?: string) => void,
  ) {
    this.socket = io('/console', { withCredentials: true });
  }

  /** Draws the console and starts listening. */
  start(): void {
    this.root.replaceChildren(this.layout());
    this.showPlaceholder();
    this.listen();
    this.ticker = setInterval(() => tickWaitingTimes(this.queueList, Date.now()), 1000);
  }

  private layout(): HTMLElement {
    const shell = el('div', 'shell');
    const top = el('header', 'topbar');
    const brand = el('div', 'brand');
    brand.append('Handoff', el('span', '', ' console'));
    const who = el('span', 'who', `Signed in as ${this.agent.displayName}`);
    const out = el('button', 'btn ghost small', 'Sign out');
    out.type = 'button';
    out.addEventListener('click', () => void this.signOut());
    top.append(brand, el('div', 'spacer'), this.online, who, out);

    const sidebar = el('nav', 'sidebar');
    sidebar.setAttribute('aria-label', 'Conversations');
    const queueHeading = el('h2', '', 'Waiting ');
    queueHeading.id = 'queue-heading';
    queueHeading.append(this.queueCount);
    this.queueList.setAttribute('aria-labelledby', queueHeading.id);
    const mineHeading = el('h2', '', 'My chats ');
    mineHeading.id = 'mine-heading';
    mineHeading.append(this.mineCount);
    this.mineList.setAttribute('aria-labelledby', mineHeading.id);
    sidebar.append(queueHeading, this.queueList, mineHeading, this.mineList);

    const main = el('div', 'main');
    main.append(sidebar, this.pane);
    this.toast.setAttribute('role', 'alert');
    shell.append(top, main, this.toast);
    // Browsers allow sound and notification prompts only after a gesture: the first click unlocks them.
    shell.addEventListener('click', () => this.alerts.unlock(), { once: true });
    return shell;
  }

  private listen(): void {
    const socket = this.socket;
    socket.on('connect', () => {
      this.setOnline(true);
      // After a dropped connection, fetch only what the open conversation missed.
      if (this.view) void this.open(this.view.id, this.view.lastSeq);
    });
    socket.on('disconnect', () => this.setOnline(false));
    socket.on('connect_error', (error: Error & { data?: { code?: string } }) => {
      if (error.data?.code === 'unauthorized') this.end('Your session has expired; please sign in again.');
      else this.setOnline(false);
    });
    socket.on('hello', ({ agent, agentsOnline }) => {
      this.agent = agent;
      this.showAgentsOnline(agentsOnline);
    });
    socket.on('agentsOnline', ({ count }) => this.showAgentsOnline(count));
    socket.on('queue', ({ items }) => {
      this.queueCount.textContent = String(items.length);
      renderQueue(this.queueList, items, (item, button) => void this.claim(item, button));
      this.alerts.keepOnly(new Set(items.map((item) => item.id)));
    });
    socket.on('mine', ({ items }) => {
      this.mine = items;
      this.mineCount.textContent = String(items.length);
      this.renderMine();
      // An agent's open chat survives a reload: reopen the one that was on screen.
      const remembered = sessionStorage.getItem(SELECTED_KEY);
      if (!this.view && remembered && items.some((item) => item.id === remembered))
        void this.open(remembered);
    });
    socket.on('handoffRequested', (summary) => this.alerts.announce(summary));
    socket.on('handoff', ({ conversation }) => {
      if (this.view?.id === conversation.id) this.view.update(conversation);
    });
    socket.on('message', ({ conversationId, message }) => {
      if (this.view?.id === conversationId) this.view.addMessages([message]);
    });
    socket.on('messageUpdated', ({ conversationId, message }) => {
      if (this.view?.id === conversationId) this.view.updateMessage(message);
    });
    socket.on('conversationUpdated', (detail) => {
      if (this.view?.id === detail.id) {
        this.view.update(detail);
        this.view.addMessages(detail.messages);
      }
    });
    socket.on('typing', ({ conversationId, on }) => {
      if (this.view?.id === conversationId) this.view.showTyping(on);
    });
    socket.on('problem', ({ message }) => this.notify(message, true));
  }

  private async claim(item: ConversationSummary, button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    const result = await this.request('claim', { conversationId: item.id });
    button.disabled = false;
    if (!result.ok) {
      this.notify(`Could not claim ${item.customer}'s chat: ${result.error.message}`, true);
      return;
    }
    this.alerts.clear();
    this.show(result.conversation);
    this.view?.focus();
  }

  private async open(conversationId: string, afterSeq = 0): Promise<void> {
    const result = await this.request('open', { conversationId, afterSeq });
    if (!result.ok) {
      if (this.view?.id === conversationId && afterSeq === 0) this.showPlaceholder();
      this.notify(result.error.message, true);
      return;
    }
    if (afterSeq > 0 && this.view?.id === conversationId) {
      this.view.update(result.conversation);
      this.view.addMessages(result.conversation.messages);
    } else {
      this.show(result.conversation);
    }
  }

  private show(detail: ConversationDetail): void {
    if (this.view && this.view.id !== detail.id) this.socket.emit('close', { conversationId: this.view.id });
    const id = detail.id;
    this.view = new ConversationView(detail, this.agent.id, {
      reply: async (text) => {
        const clientId = crypto.getRandomValues(new Uint32Array(4)).join('-');
        const result = await this.request('reply', { conversationId: id, text, clientId });
        if (result.ok) return undefined;
        this.notify(`Not sent: ${result.error.message}`, true);
        return result.error.message;
      },
      resolve: () => void this.act('resolve', id, 'Resolved; the bot is answering again.'),
      release: () => void this.act('release', id, 'Put back in the queue.'),
      reclassify: (severity) =>
        void this.request('reclassify', { conversationId: id, severity }).then((result) => {
          this.notify(result.ok ? `Severity set to ${severity}.` : result.error.message, !result.ok);
        }),
      typing: (on) => this.socket.emit('typing', { conversationId: id, on }),
    });
    this.pane.replaceChildren(this.view.element);
    sessionStorage.setItem(SELECTED_KEY, id);
    this.renderMine();
  }

  private async act(event: 'resolve' | 'release', conversationId: string, done: string): Promise<void> {
    const result = await this.request(event, { conversationId });
    this.notify(result.ok ? done : result.error.message, !result.ok);
  }

  /** Emits with an acknowledgement; a timeout becomes an ordinary error answer. */
  private async request<E extends AckedEvent>(
    event: E,
    payload: Parameters<ConsoleClientEvents[E]>[0],
  ): Promise<AckOf<E>> {
    // socket.io's typed emitWithAck cannot follow a generic event name; AckOf<E> restores the type.
    const socket = this.socket.timeout(ACK_TIMEOUT_MS) as unknown as {
      emitWithAck(event: string, payload: unknown): Promise<unknown>;
    };
    try {
      return (await socket.emitWithAck(event, payload)) as AckOf<E>;
    } catch {
      return {
        ok: false,
        error: { code: 'timeout', message: 'The server did not answer; check your connection.' },
      } as AckOf<E>;
    }
  }

  private renderMine(): void {
    renderMine(this.mineList, this.mine, this.view?.id, (item) => void this.open(item.id));
  }

  private showPlaceholder(): void {
    this.view = undefined;
    const box = el('div', 'placeholder');
    box.append(
      el('strong', '', 'No conversation open'),
      'Claim a waiting customer or pick one of your chats.',
    );
    this.pane.replaceChildren(box);
  }

  private showAgentsOnline(count: number): void {
    const dot = el('span', 'dot');
    this.online.replaceChildren(dot, `${count} agent${count === 1 ? '' : 's'} online`);
  }

  private setOnline(online: boolean): void {
    if (!online) {
      const dot = el('span', 'dot off');
      this.online.replaceChildren(dot, 'Reconnecting…');
    }
  }

  private toastTimer: ReturnType<typeof setTimeout> | undefined;
  private notify(message: string, error = false): void {
    clearTimeout(this.toastTimer);
    this.toast.className = `toast${error ? ' error' : ''}`;
    this.toast.textContent = message;
    this.toastTimer = setTimeout(() => (this.toast.textContent = ''), error ? 8000 : 4000);
  }

  private async signOut(): Promise<void> {
    await signOut().catch(() => undefined);
    sessionStorage.removeItem(SELECTED_KEY);
    this.end();
  }

  private end(notice?: string): void {
    clearInterval(this.ticker);
    this.socket.removeAllListeners();
    this.socket.disconnect();
    this.signedOut(notice);
  }
}
