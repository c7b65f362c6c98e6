import { textsFor } from '../../src/i18n/translate';
import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import type { AgentDirectory } from '../../src/agents/agent-directory';
import type { Engine } from '../../src/engine/engine';
import type { ConversationStore, TicketStore } from '../../src/store/ports';
import { NotFoundError } from '../../src/errors';
import type { Agent } from '../../src/model/agent';
import type { SupportPolicy } from '../../src/policy/policy-schema';
import { escalateTicket } from '../../src/tickets/escalation';
import type { FixConfirmation } from '../../src/tickets/fix-confirmation';
import { confirmOutage, endOutage, outageReporters } from '../../src/tickets/outages';
import { mergeWaitingOutageReports, type OutageDesk } from '../../src/tickets/outage-merge';
import type { TicketService } from '../../src/tickets/ticket-service';
import { readCookie } from '../http/cookies';
import { parsePayload } from '../http/edge-schemas';
import { SESSION_COOKIE } from './session-cookie';

const fixProposed = z.object({ note: z.string().trim().max(500).optional() }).strict();
const outageChange = z.object({ confirmed: z.boolean() }).strict();
const broadcast = z.object({ text: z.string().trim().min(1).max(1000) }).strict();
const escalation = z
  .object({
    reason: z.string().trim().min(1, 'say why it is escalated').max(500),
    line: z.union([z.literal(2), z.literal(3)]).optional(),
  })
  .strict();

/** Options of the ticket lifecycle routes. */
export interface LifecycleRoutesOptions {
  directory: AgentDirectory;
  engine: Engine;
  /** The tickets it changes, and the reporters' conversations it writes to. */
  store: TicketStore & Pick<ConversationStore, 'getConversation'>;
  fixConfirmation: FixConfirmation;
  policy: SupportPolicy;
  /** Links the outage reports that were waiting when an agent confirms an outage. */
  tickets: TicketService;
  /** Moves the waiting outage reports' conversations when they join a confirmed outage. */
  outageDesk: OutageDesk;
  clock?: () => number;
}

/**
 * Console routes for the ticket lifecycle: propose a fix (the customer is asked to confirm it),
 * escalate to the next support line, confirm or end an outage, and message everyone who reported
 * an outage at once. Every route needs a signed-in agent.
 */
export function lifecycleRoutes(options: LifecycleRoutesOptions): Router {
  const { directory, engine, store, fixConfirmation, policy, tickets, outageDesk } = options;
  const now = options.clock ?? Date.now;
  const router = express.Router();
  const json = express.json({ limit: '8kb' });
  const signedIn = (req: Request): Promise<Agent> =>
    directory.authenticate(readCookie(req.headers.cookie, SESSION_COOKIE));
  const ticketIdOf = (req: Request): string => String(req.params.id).toUpperCase();

  router.post('/tickets/:id/fix-proposed', json, async (req: Request, res: Response) => {
    const agent = await signedIn(req);
    const { note } = parsePayload(fixProposed, req.body ?? {});
    const ticket = await fixConfirmation.propose(ticketIdOf(req), agent, note || undefined);
    res.json({ ticket });
  });

  router.post('/tickets/:id/escalate', json, async (req: Request, res: Response) => {
    const agent = await signedIn(req);
    const { reason, line } = parsePayload(escalation, req.body ?? {});
    const { ticket, customerNotice } = await escalateTicket(store, policy, {
      ticketId: ticketIdOf(req),
      agent,
      reason,
      ...(line && { toLine: line }),
      at: now(),
    });
    const conversation = await store.getConversation(ticket.conversationId);
    if (conversation) await engine.say(conversation, customerNotice);
    res.json({ ticket, told: customerNotice });
  });

  router.post('/tickets/:id/outage', json, async (req: Request, res: Response) => {
    const agent = await signedIn(req);
    const { confirmed } = parsePayload(outageChange, req.body ?? {});
    const ticket = confirmed
      ? await confirmOutage(store, ticketIdOf(req), {
          confirmedAt: now(),
          source: 'agent',
          by: agent.displayName,
        })
      : await endOutage(store, ticketIdOf(req), agent.displayName, now());
    // Outage reports queued while nothing was confirmed join it now, and their customers are told.
    const merged = confirmed
      ? await mergeWaitingOutageReports(outageDesk, ticket, {
          policy,
          tickets,
          at: now(),
          by: agent.displayName,
        })
      : [];
    const current = (await store.getTicket(ticket.id)) ?? ticket;
    res.json({ ticket: current, reporters: outageReporters(current), merged });
  });

  router.get('/tickets/:id/reporters', async (req: Request, res: Response) => {
    await signedIn(req);
    const ticket = await store.getTicket(ticketIdOf(req));
    if (!ticket) throw new NotFoundError('Ticket');
    res.json({ reporters: outageReporters(ticket) });
  });

  router.post('/tickets/:id/broadcast', json, async (req: Request, res: Response) => {
    const agent = await signedIn(req);
    const { text } = parsePayload(broadcast, req.body ?? {});
    const ticket = await store.getTicket(ticketIdOf(req));
    if (!ticket) throw new NotFoundError('Ticket');
    let sent = 0;
    for (const reporter of outageReporters(ticket)) {
      const conversation = await store.getConversation(reporter.conversationId);
      if (!conversation) continue;
      const update = { ticketId: ticket.id, agent: agent.displayName, text };
      await engine.say(conversation, textsFor(conversation)('routing.ticketUpdate', update));
      sent += 1;
    }
    res.json({ sent });
  });

  return router;
}
