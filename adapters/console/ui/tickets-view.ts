import type { Ticket } from '../../../src/model/ticket';
import { el } from '../../web/widget/dom';
import { briefRows, factList, type FactRow } from './brief-card';
import { getTicket, listTickets } from './console-api';
import { channelBadge, severityBadge } from './queue-view';
import { exactTime, relativeTime, shortTime } from './relative-time';
import { lifecycleRows, ticketActions } from './ticket-actions';

const STATUSES: readonly Ticket['status'][] = ['open', 'reopened', 'fix-proposed', 'resolved'];
const SEARCH_PAUSE_MS = 250;

/** What the tickets view asks the console to do. */
export interface TicketsViewActions {
  /** Opens the ticket's conversation in the conversation pane (over the socket). */
  openConversation(conversationId: string): void;
  notify(message: string, error?: boolean): void;
}

/**
 * Tickets filed by the report flow: a search box (id, title or description) and a status filter
 * over a list, most recently updated first; picking a ticket shows its brief and opens its
 * conversation below it. All ticket text is set as textContent.
 */
export class TicketsView {
  readonly element = el('div', 'workspace tickets');
  private readonly search = el('input');
  private readonly status = el('select');
  private readonly count = el('p', 'list-count');
  private readonly list = el('ul', 'list ticket-list');
  private readonly detail = el('div', 'detail');
  private readonly card = el('section', 'ticket-card');
  private tickets: Ticket[] = [];
  private selectedId: string | undefined;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  /** Answers to older searches are dropped when a newer one was sent meanwhile. */
  private requestNumber = 0;

  constructor(
    private readonly pane: HTMLElement,
    private readonly actions: TicketsViewActions,
  ) {
    const column = el('div', 'column');
    column.append(this.searchForm(), this.count, this.list);
    this.list.setAttribute('aria-label', 'Tickets');
    this.count.setAttribute('aria-live', 'polite');
    this.element.append(column, this.detail);
  }

  /** Puts the view on screen: the shared conversation pane moves under the ticket card. */
  show(): void {
    this.renderDetail();
    void this.refresh();
  }

  /** Fetches the list again with the current search and filter. */
  async refresh(): Promise<void> {
    const number = ++this.requestNumber;
    const text = this.search.value.trim();
    const status = STATUSES.find((s) => s === this.status.value);
    try {
      const tickets = await listTickets({ ...(text && { text }), ...(status && { status }) });
      if (number !== this.requestNumber) return;
      this.tickets = tickets;
      this.renderList(text || status ? 'No tickets match.' : 'No tickets yet.');
    } catch (error) {
      if (number === this.requestNumber) this.actions.notify(`Tickets: ${messageOf(error)}`, true);
    }
  }

  private searchForm(): HTMLElement {
    const form = el('form', 'ticket-search');
    form.setAttribute('role', 'search');
    this.search.type = 'search';
    this.search.setAttribute('aria-label', 'Search tickets');
    this.search.placeholder = 'Search by id or words of the problem';
    this.search.maxLength = 200;
    this.search.addEventListener('input', () => {
      clearTimeout(this.searchTimer);
      this.searchTimer = setTimeout(() => void this.refresh(), SEARCH_PAUSE_MS);
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(this.searchTimer);
      void this.refresh();
    });
    this.status.setAttribute('aria-label', 'Status');
    this.status.append(new Option('Any status', ''), ...STATUSES.map((s) => new Option(s, s)));
    this.status.addEventListener('change', () => void this.refresh());
    form.append(this.search, this.status);
    return form;
  }

  private renderList(emptyText: string): void {
    const n = this.tickets.length;
    this.count.textContent = n === 0 ? '' : `${n} ticket${n === 1 ? '' : 's'}`;
    if (n === 0) {
      this.list.replaceChildren(el('li', 'empty', emptyText));
      return;
    }
    this.list.replaceChildren(...this.tickets.map((ticket) => this.row(ticket)));
  }

  private row(ticket: Ticket): HTMLElement {
    const selected = ticket.id === this.selectedId;
    const item = el('li', `row openable${selected ? ' selected' : ''}`);
    const open = el('button', 'open');
    open.type = 'button';
    open.setAttribute('aria-current', selected ? 'true' : 'false');
    const line1 = el('div', 'line1');
    line1.append(el('span', 'ticket-id', ticket.id), statusBadge(ticket.status));
    const severity = severityBadge(ticket.brief.severity);
    if (severity) line1.append(severity);
    const updated = el('span', 'when', relativeTime(ticket.updatedAt));
    updated.title = `Updated ${exactTime(ticket.updatedAt)}`;
    line1.append(channelBadge(ticket.channel), el('span', 'spacer'), updated);
    open.append(line1, el('div', 'title-line', ticket.title), el('div', 'last', customerOf(ticket)));
    open.addEventListener('click', () => void this.select(ticket));
    item.append(open);
    return item;
  }

  private async select(ticket: Ticket): Promise<void> {
    this.selectedId = ticket.id;
    this.renderList('');
    this.renderCard(ticket);
    this.renderDetail();
    this.actions.openConversation(ticket.conversationId);
    try {
      // The list may be a minute old; the card shows the ticket as it is now.
      const fresh = await getTicket(ticket.id);
      if (this.selectedId === fresh.id) this.renderCard(fresh);
    } catch (error) {
      this.actions.notify(`Ticket ${ticket.id}: ${messageOf(error)}`, true);
    }
  }

  private renderDetail(): void {
    if (!this.selectedId) {
      const box = el('div', 'placeholder');
      box.append(
        el('strong', '', 'No ticket selected'),
        'Search for a ticket and pick it to read its brief and its conversation.',
      );
      this.detail.replaceChildren(box);
      return;
    }
    this.detail.replaceChildren(this.card, this.pane);
  }

  private renderCard(ticket: Ticket): void {
    this.card.setAttribute('aria-label', `Ticket ${ticket.id}`);
    const heading = el('h2');
    heading.append(el('span', 'ticket-id', ticket.id), el('span', 'ticket-title', ticket.title));
    const badges = el('div', 'badges');
    badges.append(statusBadge(ticket.status), channelBadge(ticket.channel));
    const severity = severityBadge(ticket.brief.severity);
    if (severity) badges.append(severity);
    // Status, severity and channel are the badges above; the rows carry the rest.
    const rows: FactRow[] = [
      ['Customer', customerOf(ticket)],
      ['Reopened', reopened(ticket.reopenedCount)],
      ...briefRows(ticket.brief).filter(([term]) => term !== 'Ticket'),
      ['Filed', `${shortTime(ticket.createdAt)}, updated ${relativeTime(ticket.updatedAt)}`],
      ...lifecycleRows(ticket),
    ];
    const actions = ticketActions(ticket, {
      changed: (updated) => {
        if (this.selectedId === updated.id) this.renderCard(updated);
        void this.refresh();
      },
      notify: (message, error) => this.actions.notify(message, error),
    });
    this.card.replaceChildren(heading, badges, factList(rows), actions);
  }
}

function statusBadge(status: Ticket['status']): HTMLElement {
  return el('span', `status status-${status}`, status);
}

function reopened(count: number): string {
  if (count === 0) return 'never';
  return count === 1 ? 'once' : `${count} times`;
}

/** How a ticket names its customer before the conversation is open (the store keeps only the id). */
function customerOf(ticket: Ticket): string {
  if (ticket.channel === 'web') return `Web visitor ${ticket.customerId.slice(2, 8)}`;
  if (ticket.channel === 'telegram') return `Telegram user ${ticket.customerId}`;
  return ticket.customerId;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : 'request failed';
}
