import type { EngineEvents } from '../events/engine-events';
import type { Ticket } from '../model/ticket';
import type { SatisfactionStore } from './satisfaction-store';
import type { Store } from './store';

/**
 * The store as seen by everything that saves tickets, announcing each save as a `ticket` event
 * (created when no ticket had that id, updated otherwise), and each saved satisfaction rating as a
 * `rating` event. Tickets are saved from several places
 * (the ticket service, agent notes, e-mail); watching the one write path catches them all.
 * A Proxy keeps every other store method as it is, bound to the real store.
 */
export function announceSaves(store: Store, events: EngineEvents): Store {
  const saveTicket = async (ticket: Ticket): Promise<void> => {
    const previous = await store.getTicket(ticket.id);
    await store.saveTicket(ticket);
    events.emit('ticket', { ticket, ...(previous && { previous }) });
  };
  const ratings: SatisfactionStore = {
    get: (id) => store.ratings.get(id),
    list: (query) => store.ratings.list(query),
    save: async (rating) => {
      await store.ratings.save(rating);
      events.emit('rating', { rating });
    },
  };
  return new Proxy(store, {
    get(target, property) {
      if (property === 'saveTicket') return saveTicket;
      if (property === 'ratings') return ratings;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
