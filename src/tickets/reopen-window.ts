import type { Ticket } from '../model/ticket';

const DAY_MS = 24 * 3600 * 1000;

/**
 * Whether a problem reported again at `now` reopens this ticket: the ticket is still open, or it
 * closed less than `windowDays` ago. After that the report gets a new ticket linked to this one.
 */
export function reopensTicket(ticket: Ticket, now: number, windowDays: number): boolean {
  if (ticket.status !== 'resolved') return true;
  const closedAt = ticket.closedAt ?? ticket.updatedAt;
  return now - closedAt <= windowDays * DAY_MS;
}
