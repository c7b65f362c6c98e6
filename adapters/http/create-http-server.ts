import compression from 'compression';
import express, { type ErrorRequestHandler, type Express } from 'express';
import http from 'node:http';
import { Server as SocketServer } from 'socket.io';
import { HandoffError } from '../../src/errors';
import type { Logger } from '../../src/logger';
import { accessLog } from './access-log';

/** The HTTP edge every adapter mounts on: one express app, one HTTP server, one socket.io server. */
export interface HttpEdge {
  app: Express;
  server: http.Server;
  io: SocketServer;
}

/** Creates the express app with the project's security defaults and a socket.io server on it. */
export function createHttpEdge(options: { log: Logger; trustProxy: boolean }): HttpEdge {
  const app = express();
  app.disable('x-powered-by');
  if (options.trustProxy) app.set('trust proxy', true);
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
    next();
  });
  app.use(accessLog(options.log));
  // gzip or brotli, as the client accepts, for every answer worth it (the widget bundle above all).
  app.use(compression());
  const server = http.createServer(app);
  const io = new SocketServer(server, {
    // The widget is embedded on other sites; the console namespace checks its origin itself.
    cors: { origin: true, credentials: false },
    maxHttpBufferSize: 1_000_000,
    pingInterval: 20_000,
    pingTimeout: 20_000,
  });
  return { app, server, io };
}

/** The last middleware: every error becomes a JSON answer with a stable code, never a stack trace. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const status = statusOf(error);
    if (status >= 500) log.error({ err: error, path: req.path }, 'request failed');
    const body =
      error instanceof HandoffError
        ? { error: { code: error.code, message: error.message } }
        : status === 413
          ? { error: { code: 'too_large', message: 'Request body is too large' } }
          : status === 400
            ? { error: { code: 'bad_request', message: 'Malformed request body' } }
            : { error: { code: 'internal', message: 'Something went wrong' } };
    if (!res.headersSent) res.status(status).json(body);
  };
}

function statusOf(error: unknown): number {
  if (error instanceof HandoffError) {
    switch (error.code) {
      case 'unauthorized':
      case 'bad_credentials':
        return 401;
      case 'forbidden':
        return 403;
      case 'not_found':
        return 404;
      case 'rate_limited':
        return 429;
      case 'conflict':
      case 'already_claimed':
      case 'not_assigned':
      case 'invalid_transition':
        return 409;
      default:
        return 400;
    }
  }
  const status = (error as { status?: unknown; statusCode?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}
