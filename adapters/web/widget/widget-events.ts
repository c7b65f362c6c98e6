import type { ConversationMode } from '../../../src/model/conversation';
import type { Author } from '../../../src/model/message';

/** What `Handoff.on(event, fn)` hands to the site's listeners. */
export interface WidgetEventMap {
  /** A message appeared in the chat (any author: the customer's own, the bot's, an agent's). */
  message: { seq: number; author: Author; text: string; createdAt: number; authorName?: string };
  /** The panel opened. */
  open: Record<string, never>;
  /** The panel closed. */
  close: Record<string, never>;
  /** The conversation's handoff state changed: queued for an agent, assigned, back to the bot. */
  handoff: { mode: ConversationMode; agentName?: string };
  /** The server accepted the connection; `identified` says whether `identify()` was verified. */
  session: { identified: boolean };
}

/** One of the events a site can listen to. */
export type WidgetEventName = keyof WidgetEventMap;

/**
 * The site's listeners, by event. A listener that throws is reported on the console and does not
 * stop the widget or the other listeners.
 */
export class WidgetEvents {
  private readonly listeners = new Map<WidgetEventName, Set<(payload: never) => void>>();

  /** Adds a listener; returns the function that removes it. */
  on<E extends WidgetEventName>(event: E, listener: (payload: WidgetEventMap[E]) => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener);
    this.listeners.set(event, set);
    return () => set.delete(listener);
  }

  /** Calls every listener of the event with its payload. */
  emit<E extends WidgetEventName>(event: E, payload: WidgetEventMap[E]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        (listener as (p: WidgetEventMap[E]) => void)(payload);
      } catch (error) {
        console.error('handoff widget: a listener failed', error);
      }
    }
  }
}
