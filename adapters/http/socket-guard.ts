import type { Logger } from '../../src/logger';

/** What a socket.io event or middleware answers when its handler failed unexpectedly. */
const INTERNAL = { ok: false, error: { code: 'internal', message: 'Something went wrong' } } as const;

/**
 * Wraps a socket.io event listener so nothing it throws or rejects can reach the process: the error
 * is logged and, when the client asked for an acknowledgement, answered as `internal`. This is the
 * boundary for socket events, the way express's error handler is for HTTP requests.
 */
export function guardListener<A extends unknown[]>(
  log: Logger,
  event: string,
  listener: (...args: A) => unknown,
): (...args: A) => void {
  return (...args: A) => {
    const ack = args.at(-1);
    const fail = (error: unknown): void => {
      log.error({ err: error, event }, 'socket event failed');
      if (typeof ack === 'function') (ack as (answer: unknown) => void)(INTERNAL);
    };
    try {
      const result = listener(...args);
      if (result instanceof Promise) result.catch(fail);
    } catch (error) {
      fail(error);
    }
  };
}

/** Wraps a socket.io namespace middleware the same way: a throw refuses the handshake, logged. */
export function guardMiddleware<S>(
  log: Logger,
  middleware: (socket: S, next: (error?: Error) => void) => unknown,
): (socket: S, next: (error?: Error) => void) => void {
  return (socket, next) => {
    let called = false;
    const once = (error?: Error): void => {
      if (called) return;
      called = true;
      next(error);
    };
    const fail = (error: unknown): void => {
      log.error({ err: error }, 'socket handshake failed');
      once(Object.assign(new Error('Could not open the connection'), { data: { code: 'internal' } }));
    };
    try {
      const result = middleware(socket, once);
      if (result instanceof Promise) result.catch(fail);
    } catch (error) {
      fail(error);
    }
  };
}
