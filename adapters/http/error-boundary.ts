import type { ErrorRequestHandler, RequestHandler } from 'express';
import { HandoffError, NotFoundError } from '../../src/errors';
import type { Logger } from '../../src/logger';

/** The body of an answer that failed; the same shape over HTTP and in socket acknowledgements. */
export interface ErrorBody {
  error: { code: string; message: string };
}

/** What a client is told about an error nobody threw on purpose: nothing it could use. */
const INTERNAL: ErrorBody = { error: { code: 'internal', message: 'Something went wrong' } };

/**
 * The one mapping from an error to the wire, as HTTP status and body: a `HandoffError` says both
 * itself; body-parser's own errors keep their status with a stable code; anything else is a 500
 * that shows no detail. `internal` tells the caller to log it.
 */
export function wireError(error: unknown): { status: number; body: ErrorBody; internal: boolean } {
  if (error instanceof HandoffError) return { status: error.status, body: error.toBody(), internal: false };
  const status = (error as { status?: unknown } | null)?.status;
  if (status === 413)
    return {
      status,
      body: { error: { code: 'too_large', message: 'Request body is too large' } },
      internal: false,
    };
  if (status === 400)
    return {
      status,
      body: { error: { code: 'bad_request', message: 'Malformed request body' } },
      internal: false,
    };
  const known = typeof status === 'number' && status > 400 && status < 600 ? status : 500;
  return { status: known, body: INTERNAL, internal: known >= 500 };
}

/** The last express middleware: every error becomes a JSON answer with a stable code, never a stack trace. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const { status, body } = wireError(error);
    if (status >= 500) log.error({ err: error, path: req.path }, 'request failed');
    if (!res.headersSent) res.status(status).json(body);
  };
}

/** After every route: a path nobody serves is a 404 in the same shape as every other error. */
export function notFoundHandler(): RequestHandler {
  return (_req, _res, next) => {
    next(new NotFoundError('Page', 'No such page'));
  };
}

/** The acknowledgement a socket event answers with when it failed; unexpected errors are logged. */
export function failedAck(
  error: unknown,
  log: Logger,
  fields: Record<string, unknown> = {},
): { ok: false } & ErrorBody {
  if (error instanceof HandoffError) return error.toAck();
  log.error({ err: error, ...fields }, 'socket event failed');
  return { ok: false, ...INTERNAL };
}

/**
 * The error a socket.io middleware refuses a handshake with: the client reads `data.code` (and
 * the message) from its `connect_error`. Unexpected errors are logged and refused as `internal`.
 */
export function refusal(error: unknown, log: Logger): Error & { data: { code: string } } {
  if (error instanceof HandoffError)
    return Object.assign(new Error(error.message), { data: { code: error.code } });
  log.error({ err: error }, 'socket handshake failed');
  return Object.assign(new Error('Could not open the connection'), { data: { code: 'internal' } });
}
