import express, { type Request, type Response, type Router } from 'express';
import type { AgentDirectory } from '../../src/agents/agent-directory';
import type { Engine } from '../../src/engine/engine';
import { NotFoundError, ValidationError } from '../../src/errors';
import type { Agent } from '../../src/model/agent';
import type { Ticket } from '../../src/model/ticket';
import type { RecordStore, TicketStore } from '../../src/store/ports';
import { readCookie } from '../http/cookies';
import { SESSION_COOKIE } from './session-cookie';

const STATUSES: readonly Ticket['status'][] = ['open', 'resolved', 'reopened', 'fix-proposed'];

/**
 * Console routes for what the support flows record: ticket search, enhanced-support leads, and
 * ending a conversation (an abusive customer). Every route needs a signed-in agent.
 */
export function ticketRoutes(options: {
  engine: Engine;
  /** The tickets and the leads log it lists. */
  store: Pick<TicketStore, 'listTickets' | 'getTicket'> & Pick<RecordStore, 'listRecords'>;
  directory: AgentDirectory;
}): Router {
  const { engine, store, directory } = options;
  const router = express.Router();
  const signedIn = (req: Request): Promise<Agent> =>
    directory.authenticate(readCookie(req.headers.cookie, SESSION_COOKIE));

  router.get('/tickets', async (req: Request, res: Response) => {
    await signedIn(req);
    const text = typeof req.query.text === 'string' ? req.query.text.slice(0, 200) : undefined;
    const status = STATUSES.find((s) => s === req.query.status);
    const tickets = await store.listTickets({
      ...(text && { text }),
      ...(status && { status }),
      limit: 200,
    });
    res.json({ tickets: tickets.sort((a, b) => b.updatedAt - a.updatedAt) });
  });

  router.get('/tickets/:id', async (req: Request, res: Response) => {
    await signedIn(req);
    const ticket = await store.getTicket(String(req.params.id).toUpperCase());
    if (!ticket) throw new NotFoundError('Ticket');
    res.json({ ticket });
  });

  router.get('/leads', async (req: Request, res: Response) => {
    await signedIn(req);
    const leads = await store.listRecords('leads', 500);
    res.json({ leads: [...leads].reverse() });
  });

  router.post(
    '/conversations/:id/end',
    express.json({ limit: '4kb' }),
    async (req: Request, res: Response) => {
      const agent = await signedIn(req);
      const reason = (req.body as { reason?: unknown } | undefined)?.reason;
      if (reason !== undefined && (typeof reason !== 'string' || reason.length > 300)) {
        throw new ValidationError('reason must be a string of at most 300 characters');
      }
      const conversation = await engine.handoff.end(String(req.params.id), agent, reason);
      res.json({ ok: true, mode: conversation.mode });
    },
  );

  return router;
}
