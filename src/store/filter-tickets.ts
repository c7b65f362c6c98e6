import type { Ticket } from '../model/ticket';
import type { TicketQuery } from './store';

/** Applies a ticket query in memory (ticket counts stay small; both stores share this). */
export function filterTickets(tickets: Ticket[], query: TicketQuery): Ticket[] {
  const text = query.text?.toLowerCase();
  return tickets
    .filter(
      (t) =>
        (!query.customerId || t.customerId === query.customerId) &&
        (!query.channel || t.channel === query.channel) &&
        (!query.status || t.status === query.status) &&
        (!text ||
          t.id.toLowerCase().includes(text) ||
          t.title.toLowerCase().includes(text) ||
          (t.brief.description ?? '').toLowerCase().includes(text)),
    )
    .slice(0, query.limit ?? 200);
}
