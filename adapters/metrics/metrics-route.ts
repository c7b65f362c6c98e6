import { createHash, timingSafeEqual } from 'node:crypto';
import express, { type Router } from 'express';
import type { Registry } from 'prom-client';
import { AuthError } from '../../src/errors';

/**
 * `GET /metrics` in the Prometheus text format. With a token, a scrape must send
 * `Authorization: Bearer <token>` (compared in constant time); without one the route is open,
 * for a deployment that keeps the port on a private network.
 */
export function metricsRoute(registry: Registry, token: string | undefined): Router {
  const router = express.Router();
  const expected = token === undefined ? undefined : digest(token);
  router.get('/metrics', async (req, res, next) => {
    if (expected) {
      const presented = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1];
      if (!presented || !timingSafeEqual(digest(presented), expected)) {
        res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
        next(new AuthError('A metrics token is required'));
        return;
      }
    }
    try {
      const body = await registry.metrics();
      res.setHeader('Cache-Control', 'no-store');
      res.type(registry.contentType).send(body);
    } catch (error) {
      next(error);
    }
  });
  return router;
}

/** Hashing first gives both sides the same length, which timingSafeEqual needs. */
function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
