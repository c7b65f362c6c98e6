import type { Logger } from '../../src/logger';
import { failedAck, refusal } from './error-boundary';

/**
 * Wraps a socket.io event listener so nothing it throws or rejects can reach the process: when the
 * client asked for an acknowledgement, it is answered from the error (see error-boundary.ts), and
 * unexpected errors are logged. This is the boundary for socket events, the way express's error
 * handler is for HTTP requests.
 */
export function guardListener<A extends unknown[]>(
  log: Logger,
  event: string,
  listener: (...args: A) => unknown,
): (...args: A) => void {
  return (...args: A) => {
    const ack = args.at(-1);
    const fail = (error: unknown): void => {
      const answer = failedAck(error, log, { event });
      if (typeof ack === 'function') (ack as (answer: unknown) => void)(answer);
    };
    try {
      const result = listener(...args);
      if (result instanceof Promise) result.catch(fail);
    } catch (error) {
      fail(error);
    }
  };
}

/**
 * Wraps a socket.io namespace middleware the same way: a throw (or a rejection) refuses the
 * handshake with the error's code; unexpected errors are logged and refused as `internal`.
 */
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
      once(refusal(error, log));
    };
    try {
      const result = middleware(socket, once);
      if (result instanceof Promise) result.catch(fail);
    } catch (error) {
      fail(error);
    }
  };
}
