import type { ChatWidget } from './chat-widget';
import type { WidgetEventMap, WidgetEventName, WidgetEvents } from './widget-events';
import { cleanSettings, type WidgetIdentity } from './widget-settings';

/** `window.Handoff`: what a site's own script can do with the widget. */
export interface HandoffApi {
  /** Sets colour, title, greeting and position (`{ color, title, greeting, position }`). */
  init(settings: unknown): void;
  open(): void;
  close(): void;
  /** Signs the customer in: `{ id, name, email, hash }`, the hash computed on the site's server. */
  identify(identity: unknown): void;
  /** Listens to `message`, `open`, `close`, `handoff` or `session`; returns the function that stops it. */
  on<E extends WidgetEventName>(event: E, listener: (payload: WidgetEventMap[E]) => void): () => void;
}

/** Builds the API object over one widget; argument mistakes are reported on the console, never thrown. */
export function handoffApi(widget: ChatWidget, events: WidgetEvents): HandoffApi {
  return {
    init: (settings) => widget.configure(cleanSettings(settings)),
    open: () => widget.open(),
    close: () => widget.close(),
    identify: (identity) => {
      const valid = asIdentity(identity);
      if (valid) widget.identify(valid);
      else console.warn('Handoff.identify needs { id: string, hash: string, name?: string, email?: string }');
    },
    on: (event, listener) => {
      if (typeof listener !== 'function') {
        console.warn(`Handoff.on("${String(event)}") needs a function`);
        return () => undefined;
      }
      return events.on(event, listener);
    },
  };
}

function asIdentity(input: unknown): WidgetIdentity | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const { id, name, email, hash } = input as Record<string, unknown>;
  if (typeof id !== 'string' || typeof hash !== 'string' || !id) return undefined;
  return {
    id,
    hash,
    ...(typeof name === 'string' && { name }),
    ...(typeof email === 'string' && { email }),
  };
}
