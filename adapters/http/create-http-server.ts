import compression from 'compression';
import express, { type Express } from 'express';
import http from 'node:http';
import { Server as SocketServer } from 'socket.io';
import type { Config } from '../../src/config';
import type { Logger } from '../../src/logger';
import { accessLog } from './access-log';

/** The HTTP edge every adapter mounts on: one express app, one HTTP server, one socket.io server. */
export interface HttpEdge {
  app: Express;
  server: http.Server;
  io: SocketServer;
}

/** Options of the HTTP edge. */
export interface HttpEdgeOptions {
  log: Logger;
  /** TRUST_PROXY: which proxies' X-Forwarded-For to believe (a hop count or addresses). */
  trustProxy: Config['TRUST_PROXY'];
  /** Longest a client may take to send a whole request, and its headers (slow-client guard). */
  requestTimeoutMs: number;
  headersTimeoutMs: number;
}

/** Creates the express app with the project's security defaults and a socket.io server on it. */
export function createHttpEdge(options: HttpEdgeOptions): HttpEdge {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy);
  if (options.trustProxy === true) {
    options.log.warn(
      'TRUST_PROXY=true believes every X-Forwarded-For hop, so any client can choose its own address ' +
        'and escape the per-address limits; set the number of proxies in front (e.g. 1) or their addresses',
    );
  }
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
    next();
  });
  app.use(accessLog(options.log));
  // gzip or brotli, as the client accepts, for every answer worth it (the widget bundle above all).
  app.use(compression());
  const server = http.createServer(
    {
      requestTimeout: options.requestTimeoutMs,
      // Node refuses a headers timeout longer than the request timeout.
      headersTimeout: Math.min(options.headersTimeoutMs, options.requestTimeoutMs),
      // Node looks for overdue requests on this interval (30 s by default, too slow for short limits).
      connectionsCheckingInterval: Math.min(5_000, Math.max(250, Math.floor(options.headersTimeoutMs / 4))),
    },
    app,
  );
  const io = new SocketServer(server, {
    // The widget is embedded on other sites; the console namespace checks its origin itself.
    cors: { origin: true, credentials: false },
    maxHttpBufferSize: 1_000_000,
    pingInterval: 20_000,
    pingTimeout: 20_000,
  });
  return { app, server, io };
}
