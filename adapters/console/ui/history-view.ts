import type { AgentView } from '../../../src/realtime/socket-events';
import { el } from '../../web/widget/dom';
import type { ConversationListItem } from '../conversation-routes';
import { listAgents, searchConversations, type ConversationFilters } from './console-api';
import { channelBadge } from './queue-view';
import { recordTable } from './record-table';
import { exactTime, relativeTime } from './relative-time';

/** What the Conversations list asks the console to do. */
export interface HistoryViewActions {
  /** Shows the conversation, whole transcript and tickets, in the conversation pane. */
  openConversation(conversationId: string): void;
  notify(message: string, error?: boolean): void;
}

const STATUSES: [value: string, label: string][] = [
  ['', 'Any status'],
  ['open', 'Open (with the bot)'],
  ['waiting', 'Waiting'],
  ['assigned', 'Assigned'],
  ['resolved', 'Resolved'],
  ['abandoned', 'Abandoned'],
];
const CHANNELS: [value: string, label: string][] = [
  ['', 'Any channel'],
  ['web', 'Web chat'],
  ['telegram', 'Telegram'],
  ['sms', 'SMS'],
];
const STATE_LABELS: Record<string, string> = {
  bot: 'with the bot',
  queued: 'waiting',
  assigned: 'assigned',
  resolved: 'resolved',
  abandoned: 'abandoned',
};

/**
 * Every conversation, present or past: filters (status, channel, agent, days) and a search over
 * whole transcripts; any row opens the conversation. Customer text goes in as textContent only.
 */
export class HistoryView {
  private readonly search = field('input', 'Search transcripts');
  private readonly status = selectOf('Status', STATUSES);
  private readonly channel = selectOf('Channel', CHANNELS);
  private readonly agent = selectOf('Agent', [['', 'Any agent']]);
  private readonly from = field('input', 'From');
  private readonly to = field('input', 'To');
  private readonly form = el('form', 'history-filters');
  private readonly table = recordTable({
    id: 'history',
    title: 'Conversations',
    columns: ['Last activity', 'Customer', 'State', 'Agent', 'Last message', 'Conversation'],
    controls: [this.form],
    refresh: () => void this.refresh(),
  });
  readonly element = this.table.element;
  private agentsLoaded = false;

  constructor(private readonly actions: HistoryViewActions) {
    this.search.input.type = 'search';
    this.search.input.placeholder = 'words the customer or an agent wrote';
    this.from.input.type = 'date';
    this.to.input.type = 'date';
    const submit = el('button', 'btn primary small', 'Search');
    submit.type = 'submit';
    this.form.setAttribute('aria-label', 'Find conversations');
    this.form.append(
      this.search.label,
      this.status.label,
      this.channel.label,
      this.agent.label,
      this.from.label,
      this.to.label,
      submit,
    );
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.refresh();
    });
    for (const select of [this.status.input, this.channel.input, this.agent.input])
      select.addEventListener('change', () => void this.refresh());
  }

  /** Puts the view on screen with a fresh list. */
  show(): void {
    if (!this.agentsLoaded) void this.loadAgents();
    void this.refresh();
  }

  /** Runs the search with the filters as they are. */
  async refresh(): Promise<void> {
    const filters: ConversationFilters = {
      text: this.search.input.value.trim(),
      status: this.status.input.value,
      channel: this.channel.input.value,
      agent: this.agent.input.value,
      from: this.from.input.value,
      to: this.to.input.value,
    };
    try {
      const found = await searchConversations(filters);
      this.table.show(
        found.map((item) => this.row(item)),
        filters.text ? `No conversation mentions "${filters.text}".` : 'No conversations match.',
      );
    } catch (error) {
      this.actions.notify(
        `Conversations: ${error instanceof Error ? error.message : 'request failed'}`,
        true,
      );
    }
  }

  private async loadAgents(): Promise<void> {
    try {
      const agents: Pick<AgentView, 'id' | 'displayName'>[] = await listAgents();
      this.agent.input.append(...agents.map((a) => new Option(a.displayName, a.id)));
      this.agentsLoaded = true;
    } catch {
      // The agent filter stays at "Any agent"; the list itself still works.
    }
  }

  private row(item: ConversationListItem): HTMLTableRowElement {
    const row = el('tr');
    const when = el('td', 'when', relativeTime(item.updatedAt));
    when.title = exactTime(item.updatedAt);
    const customer = el('td', 'customer');
    customer.append(channelBadge(item.channel), ' ', item.customer);
    const open = el('button', 'btn small', 'Open');
    open.type = 'button';
    open.setAttribute('aria-label', `Open the conversation with ${item.customer}`);
    open.addEventListener('click', () => this.actions.openConversation(item.id));
    const action = el('td');
    action.append(open);
    row.append(
      when,
      customer,
      el('td', '', STATE_LABELS[item.mode] ?? item.mode),
      el('td', '', item.agentName ?? ''),
      el('td', 'enquiry', item.lastCustomerText ?? ''),
      action,
    );
    return row;
  }
}

function field(tag: 'input', name: string): { label: HTMLLabelElement; input: HTMLInputElement } {
  const label = el('label');
  const input = el(tag);
  label.append(name, input);
  return { label, input };
}

function selectOf(
  name: string,
  options: [value: string, label: string][],
): { label: HTMLLabelElement; input: HTMLSelectElement } {
  const label = el('label');
  const input = el('select');
  input.append(...options.map(([value, text]) => new Option(text, value)));
  label.append(name, input);
  return { label, input };
}
