import express, { type Request, type Response, type Router } from 'express';
import type { AgentDirectory } from '../../src/agents/agent-directory';
import { ValidationError } from '../../src/errors';
import type { ChannelName, ConversationMode } from '../../src/model/conversation';
import type { ConversationSummary } from '../../src/realtime/socket-events';
import type { AgentStore, ConversationSearch, ConversationStore } from '../../src/store/ports';
import { readCookie } from '../http/cookies';
import { toSummary } from './conversation-views';
import { SESSION_COOKIE } from './session-cookie';

/** The Conversations list's status filter, as agents name it, and the modes each covers. */
export const STATUS_MODES: Record<string, ConversationMode[]> = {
  open: ['bot'],
  waiting: ['queued'],
  assigned: ['assigned'],
  resolved: ['resolved'],
  abandoned: ['abandoned'],
};
const CHANNELS: readonly ChannelName[] = ['web', 'telegram', 'sms'];
const DAY_MS = 24 * 60 * 60 * 1000;

/** A row of the Conversations list: the queue row plus when it started and last changed. */
export interface ConversationListItem extends ConversationSummary {
  createdAt: number;
  updatedAt: number;
  /** The agent who has it now or had it last. */
  agentName?: string;
}

/**
 * Every conversation, findable: `GET /conversations` with status, channel, agent, from/to (UTC
 * days, `YYYY-MM-DD`) and `text` (words of the transcript), and `GET /agents` for the agent
 * filter. Both need a signed-in agent.
 */
export function conversationRoutes(options: {
  store: ConversationStore & AgentStore;
  directory: AgentDirectory;
}): Router {
  const { store, directory } = options;
  const router = express.Router();

  router.get('/conversations', async (req: Request, res: Response) => {
    await directory.authenticate(readCookie(req.headers.cookie, SESSION_COOKIE));
    const found = await store.searchConversations(parseSearch(req.query));
    const conversations: ConversationListItem[] = found.map((c) => {
      const agentName = c.assignedAgentName ?? c.history.findLast((t) => t.agentName)?.agentName;
      return {
        ...toSummary(c),
        createdAt: c.createdAt,
        updatedAt: c.updatedAt,
        ...(agentName !== undefined && { agentName }),
      };
    });
    res.json({ conversations });
  });

  router.get('/agents', async (req: Request, res: Response) => {
    await directory.authenticate(readCookie(req.headers.cookie, SESSION_COOKIE));
    const agents = await store.listAgents();
    res.json({
      agents: agents
        .map((a) => ({
          id: a.id,
          displayName: a.displayName,
          username: a.username,
          ...(a.disabledAt !== undefined && { disabled: true }),
        }))
        .sort((a, b) => a.displayName.localeCompare(b.displayName)),
    });
  });

  return router;
}

/** Turns the query string into a store search; unknown values are refused, not ignored. */
function parseSearch(query: Request['query']): ConversationSearch {
  const text = one(query.text)?.trim().slice(0, 200);
  const status = one(query.status);
  const channel = one(query.channel);
  const agent = one(query.agent);
  if (status && !STATUS_MODES[status]) throw new ValidationError(`unknown status "${status}"`);
  if (channel && !CHANNELS.includes(channel as ChannelName))
    throw new ValidationError(`unknown channel "${channel}"`);
  const since = day(one(query.from), 'from');
  const until = day(one(query.to), 'to');
  return {
    ...(text && { text }),
    ...(status && { modes: STATUS_MODES[status] }),
    ...(channel && { channel: channel as ChannelName }),
    ...(agent && { agentId: agent.slice(0, 64) }),
    ...(since !== undefined && { since }),
    // The "to" day is included: the search stops at the end of it.
    ...(until !== undefined && { until: until + DAY_MS }),
    limit: 200,
  };
}

function one(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function day(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const at = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : NaN;
  if (Number.isNaN(at)) throw new ValidationError(`${name} must be a date like 2026-11-30`);
  return at;
}
