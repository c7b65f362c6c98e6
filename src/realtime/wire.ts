import type { TranscriptMessage } from '../model/message';
import type { WireMessage } from './socket-events';

/** A transcript message as clients may see it: the provider's id stays on the server. */
export function toWire(message: TranscriptMessage): WireMessage {
  const { externalId: _externalId, ...wire } = message;
  return wire;
}
