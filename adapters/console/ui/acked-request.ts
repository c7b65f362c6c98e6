import type { Socket } from 'socket.io-client';
import type { ConsoleClientEvents, ConsoleServerEvents } from '../../../src/realtime/socket-events';

/** The console events the server answers with an acknowledgement. */
export type AckedEvent =
  | 'claim'
  | 'open'
  | 'reply'
  | 'note'
  | 'reopen'
  | 'resolve'
  | 'release'
  | 'reclassify'
  | 'presence'
  | 'transfer';
/** The acknowledgement an event's handler answers with. */
export type AckOf<E extends AckedEvent> = Parameters<Parameters<ConsoleClientEvents[E]>[1]>[0];

const ACK_TIMEOUT_MS = 10_000;

/** Emits a console event with an acknowledgement; a timeout becomes an ordinary error answer. */
export async function ackedRequest<E extends AckedEvent>(
  socket: Socket<ConsoleServerEvents, ConsoleClientEvents>,
  event: E,
  payload: Parameters<ConsoleClientEvents[E]>[0],
): Promise<AckOf<E>> {
  // socket.io's typed emitWithAck cannot follow a generic event name; AckOf<E> restores the type.
  const timed = socket.timeout(ACK_TIMEOUT_MS) as unknown as {
    emitWithAck(event: string, payload: unknown): Promise<unknown>;
  };
  try {
    return (await timed.emitWithAck(event, payload)) as AckOf<E>;
  } catch {
    return {
      ok: false,
      error: { code: 'timeout', message: 'The server did not answer; check your connection.' },
    } as AckOf<E>;
  }
}
