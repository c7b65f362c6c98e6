import express, { type Request, type Response, type Router } from 'express';
import type { Engine } from '../../../src/engine/engine';
import { HandoffError, NotFoundError } from '../../../src/errors';
import type { ApiScope, ApiToken, ApiTokens } from '../../../src/integrations/api-tokens';
import { publicConversation, publicMessage, publicTicket } from '../../../src/integrations/public-records';
import type { AgentStore, ConversationStore, TicketStore, TranscriptStore } from '../../../src/store/ports';
import type { TicketService } from '../../../src/tickets/ticket-service';
import type { Limits } from '../limits';
import {
  AgentMessageBody,
  ConversationListQuery,
  NewTicketBody,
  parseRequest,
  TicketListQuery,
} from './api-schemas';
import { openApiDocument } from './openapi-document';
import { classifyBeforeTaking } from '../../console/classify-before-taking';

/** Most transcript messages one read returns. */
const TRANSCRIPT_LIMIT = 1000;

/** What the API reads: conversations, transcripts, tickets, and the agent a claim is made for. */
export type ApiStore = Pick<ConversationStore, 'listConversations' | 'getConversation'> &
  Pick<TranscriptStore, 'getMessages'> &
  Pick<AgentStore, 'getAgentByUsername'> &
  Pick<TicketStore, 'listTickets' | 'getTicket'>;

/** What the REST API is built on. */
export interface ApiRouteOptions {
  engine: Engine;
  store: ApiStore;
  tokens: ApiTokens;
  tickets: TicketService;
  limits: Limits;
  /** The server's public address, named in the OpenAPI document's `servers`. */
  publicUrl?: string;
  /** Whether a claim needs a classification when the conversation has none (on unless off). */
  classifyBeforeTaking?: boolean;
}

/**
 * The REST API for the operator's systems (`/api/v1`): every route needs a live token with its
 * scope and counts against the token's per-minute allowance; requests are validated with the zod
 * schemas the OpenAPI document (`/api/v1/openapi.json`, public) is generated from.
 */
export function apiRoutes(options: ApiRouteOptions): Router {
  const { engine, store, tokens, tickets, limits } = options;
  const router = express.Router();
  const document = openApiDocument(options.publicUrl);

  /** The request's token, if live, scoped and within its allowance. */
  const authorize = async (req: Request, res: Response, scope: ApiScope): Promise<ApiToken> => {
    const header = req.headers.authorization;
    const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const token = await tokens.authorize(bearer, scope);
    if (!(await limits.take('apiRequestsPerToken', token.id))) {
      res.setHeader('Retry-After', '60');
      throw new HandoffError('rate_limited', 'Too many requests with this token; wait a minute and retry');
    }
    return token;
  };

  router.get('/openapi.json', (_req, res) => {
    res.json(document);
  });

  router.get('/conversations', async (req, res) => {
    await authorize(req, res, 'conversations:read');
    const query = parseRequest(ConversationListQuery, req.query);
    const conversations = await store.listConversations({
      ...(query.mode && { modes: query.mode }),
      ...(query.channel && { channel: query.channel }),
      limit: query.limit,
    });
    res.json({ conversations: conversations.map(publicConversation) });
  });

  router.get('/conversations/:id', async (req, res) => {
    await authorize(req, res, 'conversations:read');
    const conversation = await store.getConversation(String(req.params.id));
    if (!conversation) throw new NotFoundError('Conversation');
    const messages = await store.getMessages(conversation.id, 0, TRANSCRIPT_LIMIT);
    res.json({ conversation: publicConversation(conversation), messages: messages.map(publicMessage) });
  });

  router.post('/conversations/:id/messages', express.json({ limit: '16kb' }), async (req, res) => {
    await authorize(req, res, 'messages:write');
    const body = parseRequest(AgentMessageBody, req.body);
    const id = String(req.params.id);
    const agent = await store.getAgentByUsername(body.agent.trim().toLowerCase());
    if (!agent) throw new NotFoundError(`Agent ${body.agent}`);
    const conversation = await store.getConversation(id);
    if (!conversation) throw new NotFoundError('Conversation');
    if (body.claim && conversation.mode === 'queued') {
      // As in the console: a conversation nobody classified is taken only with the agent's classification.
      if (options.classifyBeforeTaking !== false || body.severity)
        await classifyBeforeTaking(
          engine,
          (conversationId) => store.getConversation(conversationId),
          agent,
          id,
          {
            ...(body.severity && { severity: body.severity }),
            ...(body.category && { category: body.category }),
          },
        );
      await engine.handoff.claim(id, agent);
    }
    const key = req.headers['idempotency-key'];
    const clientId = typeof key === 'string' && key.length > 0 ? `api:${key.slice(0, 100)}` : undefined;
    const { message, duplicate } = await engine.agentReply(id, agent, body.text, {
      ...(clientId && { clientId }),
    });
    res.status(duplicate ? 200 : 201).json({ message: publicMessage(message) });
  });

  router.get('/tickets', async (req, res) => {
    await authorize(req, res, 'tickets:read');
    const query = parseRequest(TicketListQuery, req.query);
    const found = await store.listTickets({
      ...(query.status && { status: query.status }),
      ...(query.text && { text: query.text }),
      ...(query.customerId && { customerId: query.customerId }),
      limit: query.limit,
    });
    res.json({ tickets: found.sort((a, b) => b.updatedAt - a.updatedAt).map(publicTicket) });
  });

  router.get('/tickets/:id', async (req, res) => {
    await authorize(req, res, 'tickets:read');
    const ticket = await store.getTicket(String(req.params.id).toUpperCase());
    if (!ticket) throw new NotFoundError('Ticket');
    res.json({ ticket: publicTicket(ticket) });
  });

  router.post('/tickets', express.json({ limit: '16kb' }), async (req, res) => {
    await authorize(req, res, 'tickets:write');
    const body = parseRequest(NewTicketBody, req.body);
    const conversation = await store.getConversation(body.conversationId);
    if (!conversation) throw new NotFoundError('Conversation');
    const ticket = await tickets.create(
      conversation,
      {
        description: body.description,
        ...(body.severity && { severity: body.severity }),
        ...(body.category && { category: body.category }),
        ...(body.callIds && { callIds: body.callIds }),
      },
      body.title,
    );
    res.status(201).json({ ticket: publicTicket(ticket) });
  });

  return router;
}
