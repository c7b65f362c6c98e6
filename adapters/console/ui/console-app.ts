import { io, type Socket } from 'socket.io-client';
import type {
  AgentView,
  ConsoleClientEvents,
  ConsoleServerEvents,
  ConversationDetail,
  ConversationSummary,
} from '../../../src/realtime/socket-events';
import { el } from '../../web/widget/dom';
import { ackedRequest, type AckedEvent, type AckOf } from './acked-request';
import { HandoffAlerts } from './alerts';
import { ConsoleApiError, currentAgent, endConversation, listAgents, signOut } from './console-api';
import { ConversationView } from './conversation-view';
import { LeadsView } from './leads-view';
import { WebhooksView } from './webhooks-view';
import { DocsGapsView } from './docs-gaps-view';
import { HistoryView } from './history-view';
import { CannedView } from './canned-view';
import type { CannedResponse } from '../../../src/model/canned-response';
import { renderMine, renderQueue, tickWaitingTimes } from './queue-view';
import { PresenceControl } from './presence-control';
import { resolveConversation } from './resolve-dialog';
import { askToClassify } from './classify-dialog';
import { TicketsView } from './tickets-view';
import { Toast } from './toast';
import { renderViewTabs, tabId, viewsFor, type ViewName } from './view-tabs';
import { ReportsView } from './reports-view';
import { AgentsView } from './agents-view';

type ConsoleSocket = Socket<ConsoleServerEvents, ConsoleClientEvents>;

const SELECTED_KEY = 'handoff-console:selected';
const PANEL_ID = 'console-view';

/**
 * The signed-in console: the live queue and the agent's chats on the left, the open conversation
 * on the right; tabs switch to ticket search and to enhanced-support leads. Conversations arrive
 * over the `/console` socket (authenticated by the session cookie), tickets and leads over HTTP.
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
  private readonly toast = new Toast();
  private readonly main = el('div', 'main');
  private readonly sidebar = el('nav', 'sidebar');
  private readonly tabs: ReturnType<typeof renderViewTabs>;
  private readonly tickets = new TicketsView(this.pane, {
    openConversation: (id) => void this.open(id),
    notify: (message, error) => this.notify(message, error),
  });
  private readonly leads = new LeadsView({
    openConversation: (id) => {
      this.showView('conversations');
      void this.open(id);
    },
    notify: (message, error) => this.notify(message, error),
  });
  private readonly webhooks = new WebhooksView((message, error) => this.notify(message, error));
  private readonly history = new HistoryView({
    openConversation: (id) => {
      this.showView('conversations');
      void this.open(id);
    },
    notify: (message, error) => this.notify(message, error),
  });
  private cannedResponses: CannedResponse[] = [];
  private colleagues: { id: string; displayName: string }[] = [];
  private readonly canned = new CannedView({
    changed: (responses) => (this.cannedResponses = responses),
    notify: (message, error) => this.notify(message, error),
  });
  private readonly docsGaps = new DocsGapsView({
    openConversation: (id) => {
      this.showView('conversations');
      void this.open(id);
    },
    notify: (message, error) => this.notify(message, error),
  });
  private readonly reports = new ReportsView({ notify: (message, error) => this.notify(message, error) });
  private readonly accounts = new AgentsView({
    notify: (message, error) => this.notify(message, error),
    selfId: () => this.agent.id,
  });
  private currentView: ViewName = 'conversations';
  private readonly presence = new PresenceControl(
    async (status) => {
      const result = await this.request('presence', { status });
      return result.ok ? undefined : result.error.message;
    },
    (message, error) => this.notify(message, error),
  );
  private ticketsRefresh: ReturnType<typeof setTimeout> | undefined;
  private mine: ConversationSummary[] = [];
  private view: ConversationView | undefined;
  private ticker: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly root: HTMLElement,
    private agent: AgentView,
    private readonly signedOut: (notice?: string) => void,
  ) {
    this.socket = io('/console', { withCredentials: true });
    this.tabs = renderViewTabs(PANEL_ID, (view) => this.showView(view), viewsFor(agent.role));
  }

  /** Draws the console and starts listening. */
  start(): void {
    this.root.replaceChildren(this.layout());
    this.showView('conversations');
    this.showPlaceholder();
    this.listen();
    void this.canned.refresh();
    // The list may arrive after a conversation is open (a reload with one remembered): its head
    // is drawn again so the transfer control appears.
    void listAgents()
      .then((agents) => {
        this.colleagues = agents.filter((agent) => !agent.disabled);
        this.view?.colleaguesChanged();
      })
      .catch(() => undefined);
    this.ticker = setInterval(() => tickWaitingTimes(this.queueList, Date.now()), 1000);
  }

  private layout(): HTMLElement {
    const shell = el('div', 'shell');
    const top = el('header', 'topbar');
    const brand = el('h1', 'brand');
    brand.append('Handoff', el('span', '', ' console'));
    const who = el('span', 'who', `Signed in as ${this.agent.displayName}`);
    const out = el('button', 'btn ghost small', 'Sign out');
    out.type = 'button';
    out.addEventListener('click', () => void this.signOut());
    top.append(brand, this.tabs.element, el('div', 'spacer'), this.online, this.presence.element, who, out);

    const sidebar = this.sidebar;
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

    const main = this.main;
    main.id = PANEL_ID;
    main.setAttribute('role', 'tabpanel');
    // The landmark holds the tab panel: a <main> given role=tabpanel would stop being a landmark.
    const landmark = el('main');
    landmark.append(main);
    shell.append(top, landmark, this.toast.element);
    // Browsers allow sound and notification prompts only after a gesture: the first click unlocks them.
    shell.addEventListener('click', () => this.alerts.unlock(), { once: true });
    return shell;
  }

  /** Switches the main area; the conversation pane keeps its open conversation across views. */
  private showView(view: ViewName): void {
    this.currentView = view;
    this.tabs.select(view);
    this.main.setAttribute('aria-labelledby', tabId(view));
    this.main.className = view === 'conversations' ? 'main' : 'main single';
    if (view === 'conversations') this.main.replaceChildren(this.sidebar, this.pane);
    if (view === 'history') {
      this.main.replaceChildren(this.history.element);
      this.history.show();
    }
    if (view === 'canned') {
      this.main.replaceChildren(this.canned.element);
      this.canned.show();
    }
    if (view === 'tickets') {
      this.main.replaceChildren(this.tickets.element);
      this.tickets.show();
    }
    if (view === 'leads') {
      this.main.replaceChildren(this.leads.element);
      this.leads.show();
    }
    if (view === 'docs-gaps') {
      this.main.replaceChildren(this.docsGaps.element);
      this.docsGaps.show();
    }
    if (view === 'webhooks') {
      this.main.replaceChildren(this.webhooks.element);
      this.webhooks.show();
    }
    if (view === 'reports') {
      this.main.replaceChildren(this.reports.element);
      this.reports.show();
    }
    if (view === 'agents') {
      this.main.replaceChildren(this.accounts.element);
      this.accounts.show();
    }
  }

  /** New reports usually come with a handoff: the ticket list follows while it is on screen. */
  private refreshTicketsSoon(): void {
    if (this.currentView !== 'tickets' || this.ticketsRefresh) return;
    this.ticketsRefresh = setTimeout(() => {
      this.ticketsRefresh = undefined;
      void this.tickets.refresh();
    }, 500);
  }

  private listen(): void {
    const socket = this.socket;
    socket.on('connect', () => {
      this.setOnline(true);
      this.presence.reconnected();
      // After a dropped connection, fetch only what the open conversation missed.
      if (this.view) void this.open(this.view.id, this.view.lastSeq);
    });
    socket.on('disconnect', (reason) => {
      this.setOnline(false);
      // The server closed it: the session may have ended (signed out elsewhere, disabled, reset).
      if (reason === 'io server disconnect') void this.checkSession();
    });
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
    socket.on('transferred', ({ conversation, from }) => {
      this.notify(`${from} handed you the chat with ${conversation.customer}.`);
      void this.open(conversation.id);
    });
    socket.on('handoff', ({ conversation, transition }) => {
      if (this.view?.id === conversation.id) this.view.update(conversation, transition);
      this.refreshTicketsSoon();
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
    await this.claimById(item.id, `${item.customer}'s chat`, item);
    button.disabled = false;
  }

  /**
   * Claims a conversation from the queue or the one on screen (opened from a ticket). One the
   * customer never classified is taken with the agent's category and severity (the server insists).
   */
  private async claimById(
    conversationId: string,
    what = 'the chat',
    known?: Pick<ConversationSummary, 'customer' | 'suggested'>,
  ): Promise<void> {
    const result = await this.takeClassified('claim', conversationId, known);
    if (!result) return;
    if (!result.ok) {
      this.notify(`Could not claim ${what}: ${result.error.message}`, true);
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
      note: async (text) => {
        const clientId = crypto.getRandomValues(new Uint32Array(4)).join('-');
        const result = await this.request('note', { conversationId: id, text, clientId });
        if (result.ok) return undefined;
        this.notify(`Note not added: ${result.error.message}`, true);
        return result.error.message;
      },
      reopen: async () => {
        const result = await this.takeClassified(
          'reopen',
          id,
          this.view?.id === id ? this.view.current : detail,
        );
        if (!result) return 'Not classified: nothing was sent.';
        if (!result.ok) {
          this.notify(`Could not reopen: ${result.error.message}`, true);
          return result.error.message;
        }
        if (this.view?.id === id) this.view.update(result.conversation);
        return undefined;
      },
      claim: () => void this.claimById(id, 'the chat', this.view?.id === id ? this.view.current : detail),
      resolve: () =>
        void resolveConversation(
          this.view?.id === id ? this.view.current : detail,
          (resolveTickets) => this.request('resolve', { conversationId: id, resolveTickets }),
          (message, error) => this.notify(message, error),
        ),
      release: () => void this.act('release', id, 'Put back in the queue.'),
      reclassify: (severity) =>
        void this.request('reclassify', { conversationId: id, severity }).then((result) => {
          this.notify(result.ok ? `Severity set to ${severity}.` : result.error.message, !result.ok);
        }),
      end: (reason) => void this.endConversation(id, reason),
      typing: (on) => this.socket.emit('typing', { conversationId: id, on }),
      canned: () => this.cannedResponses,
      colleagues: () => this.colleagues,
      transfer: (agentId) =>
        void this.request('transfer', { conversationId: id, agentId }).then((result) => {
          this.notify(result.ok ? `Transferred to ${result.to}.` : result.error.message, !result.ok);
        }),
    });
    this.pane.replaceChildren(this.view.element);
    sessionStorage.setItem(SELECTED_KEY, id);
    this.renderMine();
  }

  /** Resolves the conversation; its tickets are resolved too only when the agent says so. */
  private async act(event: 'release', conversationId: string, done: string): Promise<void> {
    const result = await this.request(event, { conversationId });
    this.notify(result.ok ? done : result.error.message, !result.ok);
  }

  private async endConversation(conversationId: string, reason: string | undefined): Promise<void> {
    try {
      await endConversation(conversationId, reason);
      this.notify('Conversation ended; the customer was told.');
    } catch (error) {
      if (error instanceof ConsoleApiError && error.code === 'unauthorized')
        this.end('Your session has expired; please sign in again.');
      else this.notify(`Not ended: ${error instanceof Error ? error.message : 'request failed'}`, true);
    }
  }

  /**
   * Claims or reopens; when the server answers that the conversation must be classified first, asks
   * the agent (prefilled with the bot's suggestion) and tries once more with their answer.
   * Undefined when the agent cancels.
   */
  private async takeClassified(
    event: 'claim' | 'reopen',
    conversationId: string,
    known?: Pick<ConversationSummary, 'customer' | 'suggested'>,
  ): Promise<AckOf<'claim'> | undefined> {
    const first = await this.request(event, { conversationId });
    if (first.ok || first.error.code !== 'classification_required') return first;
    const answer = await askToClassify(known?.customer ?? 'The customer', known?.suggested);
    if (!answer) return undefined;
    return this.request(event, { conversationId, ...answer });
  }

  private request<E extends AckedEvent>(
    event: E,
    payload: Parameters<ConsoleClientEvents[E]>[0],
  ): Promise<AckOf<E>> {
    return ackedRequest(this.socket, event, payload);
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

  /** After the server closed the connection: back to sign-in if the session ended, else reconnect. */
  private async checkSession(): Promise<void> {
    if (await currentAgent()) this.socket.connect();
    else this.end('Your session has ended; please sign in again.');
  }

  private notify(message: string, error = false): void {
    this.toast.show(message, error);
  }

  private async signOut(): Promise<void> {
    await signOut().catch(() => undefined);
    sessionStorage.removeItem(SELECTED_KEY);
    this.end();
  }

  private end(notice?: string): void {
    clearInterval(this.ticker);
    clearTimeout(this.ticketsRefresh);
    this.toast.dispose();
    this.socket.removeAllListeners();
    this.socket.disconnect();
    this.signedOut(notice);
  }
}
