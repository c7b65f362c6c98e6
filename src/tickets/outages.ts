import { ConflictError, NotFoundError } from '../errors';
import type { ChannelName } from '../model/conversation';
import type { ConfirmedOutage, Ticket } from '../model/ticket';
import type { TicketStore } from '../store/ports';
import { withEvent } from './ticket-history';

/** A customer whose report is on an outage ticket: the one who filed it, or one who joined. */
export interface OutageReporter {
  conversationId: string;
  channel?: ChannelName;
  customerId?: string;
}

/**
 * Marks a ticket's outage confirmed (by an agent, or because the status page shows an incident):
 * from then on further outage reports join this ticket instead of each being queued.
 */
export async function confirmOutage(
  store: TicketStore,
  ticketId: string,
  outage: Omit<ConfirmedOutage, 'endedAt'>,
): Promise<Ticket> {
  const ticket = await store.getTicket(ticketId);
  if (!ticket) throw new NotFoundError('Ticket');
  if (ticket.status === 'resolved') throw new ConflictError('The ticket is closed');
  const updated: Ticket = {
    ...withEvent(ticket, {
      at: outage.confirmedAt,
      event: 'outage-confirmed',
      agentName: outage.by,
      note: outage.source === 'status-page' ? 'shown on the status page' : 'confirmed by an agent',
    }),
    outage,
  };
  await store.saveTicket(updated);
  return updated;
}

/** Ends a confirmed outage: later outage reports are queued one by one again. */
export async function endOutage(
  store: TicketStore,
  ticketId: string,
  by: string,
  at: number,
): Promise<Ticket> {
  const ticket = await store.getTicket(ticketId);
  if (!ticket) throw new NotFoundError('Ticket');
  if (!ticket.outage || ticket.outage.endedAt !== undefined) {
    throw new ConflictError('No confirmed outage on this ticket');
  }
  const updated: Ticket = {
    ...withEvent(ticket, { at, event: 'outage-ended', agentName: by }),
    outage: { ...ticket.outage, endedAt: at },
  };
  await store.saveTicket(updated);
  return updated;
}

/** The open outage ticket the status page's incident of this name confirmed, if any. */
export async function incidentOutage(store: TicketStore, incident: string): Promise<Ticket | undefined> {
  const tickets = await store.listTickets({ limit: 1000 });
  return tickets.find(
    (t) =>
      t.status !== 'resolved' &&
      t.outage?.source === 'status-page' &&
      t.outage.by === incident &&
      t.outage.endedAt === undefined,
  );
}

/** Everyone on an outage ticket: its own customer first, then each who joined, once each. */
export function outageReporters(ticket: Ticket): OutageReporter[] {
  const joined = Array.isArray(ticket.brief.linkedReports) ? (ticket.brief.linkedReports as unknown[]) : [];
  const all: OutageReporter[] = [
    { conversationId: ticket.conversationId, channel: ticket.channel, customerId: ticket.customerId },
    ...joined.filter(isReporter),
  ];
  const seen = new Set<string>();
  return all.filter((r) => !seen.has(r.conversationId) && seen.add(r.conversationId));
}

function isReporter(value: unknown): value is OutageReporter {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { conversationId?: unknown }).conversationId === 'string'
  );
}
