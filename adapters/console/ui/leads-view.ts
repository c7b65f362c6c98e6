import { el } from '../../web/widget/dom';
import { listLeads, type Lead } from './console-api';
import { channelName } from './queue-view';
import { recordTable } from './record-table';
import { exactTime, relativeTime } from './relative-time';

/** What the leads view asks the console to do. */
export interface LeadsViewActions {
  /** Shows the conversation the enquiry came from. */
  openConversation(conversationId: string): void;
  notify(message: string, error?: boolean): void;
}

const KINDS: Record<string, string> = { 'noc-on-demand': 'NOC-on-Demand' };

/**
 * NOC-on-Demand and enhanced-support enquiries the bot took, newest first: what the customer
 * needs and how to reach them. Every value is customer text and goes in as textContent.
 */
export class LeadsView {
  private readonly table = recordTable({
    id: 'leads',
    title: 'Enhanced support leads',
    columns: ['When', 'Kind', 'Enquiry', 'Contact', 'Customer', 'Conversation'],
    refresh: () => void this.refresh(),
  });
  readonly element = this.table.element;

  constructor(private readonly actions: LeadsViewActions) {}

  /** Puts the view on screen with a fresh list. */
  show(): void {
    void this.refresh();
  }

  /** Fetches the leads again. */
  async refresh(): Promise<void> {
    try {
      this.render(await listLeads());
    } catch (error) {
      this.actions.notify(`Leads: ${error instanceof Error ? error.message : 'request failed'}`, true);
    }
  }

  private render(leads: Lead[]): void {
    this.table.show(
      leads.map((lead) => this.row(lead)),
      'No enquiries yet. They appear here when a customer asks about NOC-on-Demand.',
    );
  }

  private row(lead: Lead): HTMLTableRowElement {
    const row = el('tr');
    const when = el('td', 'when', lead.at ? relativeTime(lead.at) : '');
    if (lead.at) when.title = exactTime(lead.at);
    const enquiry = el('td', 'enquiry');
    enquiry.append(el('div', '', lead.enquiry ?? ''));
    if (lead.firstMessage && lead.firstMessage !== lead.enquiry)
      enquiry.append(el('div', 'muted', `Asked: ${lead.firstMessage}`));
    const action = el('td');
    if (lead.conversationId) {
      const open = el('button', 'btn small', 'Open chat');
      open.type = 'button';
      const id = lead.conversationId;
      open.addEventListener('click', () => this.actions.openConversation(id));
      action.append(open);
    }
    row.append(
      when,
      el('td', '', KINDS[lead.kind ?? ''] ?? lead.kind ?? ''),
      enquiry,
      contactCell(lead),
      el('td', 'customer', customerOf(lead.customer)),
      action,
    );
    return row;
  }
}

/** The email as a mailto link (built from parts, never parsed), the phone, and what was typed. */
function contactCell(lead: Lead): HTMLTableCellElement {
  const cell = el('td', 'contact');
  if (lead.email) {
    const mail = el('a', '', lead.email);
    mail.href = `mailto:${encodeURIComponent(lead.email)}`;
    const line = el('div');
    line.append(mail);
    cell.append(line);
  }
  if (lead.phone) cell.append(el('div', '', lead.phone));
  if (lead.contact && !lead.email && !lead.phone) cell.append(el('div', '', lead.contact));
  else if (lead.contact) cell.append(el('div', 'muted', lead.contact));
  return cell;
}

/** Leads name the customer as `channel:id`. */
function customerOf(key: string | undefined): string {
  if (!key) return '';
  const [channel, ...rest] = key.split(':');
  const id = rest.join(':');
  if (channel === 'web') return `Web visitor ${id.slice(2, 8)}`;
  return channel === 'telegram' || channel === 'sms' ? `${channelName(channel)} ${id}` : key;
}
