import type { EngineEvents } from '../events/engine-events';
import type { Ticket } from '../model/ticket';
import type { Store } from '../store/store';

/**
 * The store as seen by everything that saves tickets, announcing each save as a `ticket` event
 * (created when no ticket had that id, updated otherwise). Tickets are saved from several places
 * (the ticket service, agent notes, e-mail); watching the one write path catches them all.
 * A Proxy keeps every other store method as it is, bound to the real store.
 */
export function announceTicketSaves(store: Store, events: EngineEvents): Store {
  const saveTicket = async (ticket: Ticket): Promise<void> => {
    const previous = await store.getTicket(ticket.id);
    await store.saveTicket(ticket);
    events.emit('ticket', { ticket, ...(previous && { previous }) });
  };
  return new Proxy(store, {
    get(target, property) {
      if (property === 'saveTicket') return saveTicket;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
