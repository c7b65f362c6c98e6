import express, { type Request, type Response, type Router } from 'express';
import type { AgentDirectory } from '../../src/agents/agent-directory';
import { AuthError } from '../../src/errors';
import type { Store } from '../../src/store/store';
import { DELIVERY_LOG, type WebhookDispatcher } from '../../src/webhooks/webhook-dispatcher';
import { readCookie } from '../http/cookies';
import { SESSION_COOKIE } from './session-cookie';

/** Most delivery attempts the console lists (newest first). */
const LOG_LIMIT = 300;

/**
 * The webhook delivery log for admins: every attempt of every event, newest first, with what the
 * receiver answered; and how many deliveries wait for a retry.
 */
export function webhookRoutes(options: {
  store: Store;
  directory: AgentDirectory;
  dispatcher?: WebhookDispatcher;
}): Router {
  const router = express.Router();
  router.get('/webhooks/deliveries', async (req: Request, res: Response) => {
    const agent = await options.directory.authenticate(readCookie(req.headers.cookie, SESSION_COOKIE));
    if (agent.role !== 'admin') throw new AuthError('Only an admin can see webhook deliveries', 'forbidden');
    const deliveries = await options.store.listRecords(DELIVERY_LOG, LOG_LIMIT);
    res.json({
      configured: options.dispatcher !== undefined,
      pending: (await options.dispatcher?.pending()) ?? 0,
      deliveries: deliveries.reverse(),
    });
  });
  return router;
}
