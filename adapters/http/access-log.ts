import type { RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import type { SerializedRequest, SerializedResponse } from 'pino-std-serializers';
import type { Logger } from '../../src/logger';

/** Probes a load balancer sends every few seconds: logging them would drown the real requests. */
const QUIET_PATHS = new Set(['/healthz', '/readyz']);

/**
 * One log line per HTTP request: method, path, status, time and client address. Only that: no
 * headers (cookies, authorization), no query string (a token passed in a URL stays out of logs),
 * no body. socket.io's own requests do not pass through express and are not logged here.
 */
export function accessLog(log: Logger): RequestHandler {
  return pinoHttp({
    logger: log.child({ component: 'http' }),
    quietReqLogger: true,
    autoLogging: { ignore: (req) => QUIET_PATHS.has(pathOf(req.url ?? '')) },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: (req, res) => `${req.method ?? ''} ${pathOf(req.url ?? '')} ${res.statusCode}`,
    customErrorMessage: (req, res) => `${req.method ?? ''} ${pathOf(req.url ?? '')} ${res.statusCode}`,
    serializers: {
      req: (req: SerializedRequest) => ({
        id: req.id,
        method: req.method,
        path: pathOf(req.url),
        remoteAddress: req.remoteAddress,
      }),
      res: (res: SerializedResponse) => ({ statusCode: res.statusCode }),
    },
  });
}

/** The URL without its query string. */
function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}
