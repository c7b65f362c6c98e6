import type { Ticket, TicketEvent } from '../model/ticket';

/** How many events a ticket keeps: the newest ones, so a ticket that bounces for months stays small. */
const MAX_EVENTS = 100;

/** The ticket with one more event in its history (and `updatedAt` moved to it). */
export function withEvent(ticket: Ticket, event: TicketEvent): Ticket {
  return {
    ...ticket,
    updatedAt: Math.max(ticket.updatedAt, event.at),
    events: [...(ticket.events ?? []), event].slice(-MAX_EVENTS),
  };
}
