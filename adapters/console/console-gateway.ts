import type { Namespace, Socket } from 'socket.io';
import type { AgentDirectory } from '../../src/agents/agent-directory';
import type { Engine } from '../../src/engine/engine';
import { AuthError, HandoffError, ValidationError } from '../../src/errors';
import type { Logger } from '../../src/logger';
import type { Agent } from '../../src/model/agent';
import type { Conversation, ProblemBrief } from '../../src/model/conversation';
import type {
  Ack,
  AgentView,
  ConsoleClientEvents,
  ConsoleServerEvents,
} from '../../src/realtime/socket-events';
import { toWire } from '../../src/realtime/wire';
import { readCookie } from '../http/cookies';
import { byUrgency, toAgentView, toDetail, toSummary } from './conversation-views';
import { SESSION_COOKIE } from './session-cookie';
import { transferConversation } from './transfer';

interface SocketData {
  /** Who is signed in, without the password hash: socket data crosses Redis in `fetchSockets`. */
  agent: AgentView;
  token: string;
}
type ConsoleSocket = Socket<ConsoleClientEvents, ConsoleServerEvents, Record<string, never>, SocketData>;
type ConsoleNamespace = Namespace<
  ConsoleClientEvents,
  ConsoleServerEvents,
  Record<string, never>,
  SocketData
>;

/** Every signed-in console socket is in this room. */
const AGENTS_ROOM = 'agents';
/** Signed-in sockets whose agent is not away: they hear of new handoffs and count as available. */
const AVAILABLE_ROOM = 'available';
const agentRoom = (agentId: string): string => `agent:${agentId}`;
const watchRoom = (conversationId: string): string => `watch:${conversationId}`;
const SEVERITIES = ['P0', 'P1', 'P2', 'P3', 'P4', 'P5'] as const;

/** Options of the agent console gateway. */
export interface ConsoleGatewayOptions {
  /** The socket.io namespace to serve (typed here: socket.io's `of()` returns an untyped one). */
  namespace: Namespace;
  engine: Engine;
  directory: AgentDirectory;
  log: Logger;
  /** Extra facts shown above a conversation (tickets, downgraded reports), supplied by services. */
  notesFor?: (conversation: Conversation) => Promise<string[]>;
  /** Resolves a conversation's open tickets, when the agent asks for it on resolve. */
  resolveTickets?: (conversationId: string) => Promise<void>;
  /** Called when an agent changes a report's severity (counting downgrades, requeueing). */
  onReclassify?: (
    conversation: Conversation,
    agent: Agent,
    before: ProblemBrief['severity'],
  ) => Promise<void>;
}

/**
 * The agent side over socket.io: authenticates each connection with the session cookie, keeps
 * every agent's queue live, and turns console actions (claim, reply, resolve) into engine calls.
 */
export function attachConsoleGateway(options: ConsoleGatewayOptions): {
  agentsOnline: () => Promise<number>;
} {
  const { engine, directory, log } = options;
  const namespace = options.namespace as ConsoleNamespace;

  namespace.use((socket, next) => {
    const origin = socket.handshake.headers.origin;
    const host = socket.handshake.headers.host;
    // The console is same-origin only: a page elsewhere must not drive an agent's session.
    if (origin && host && new URL(origin).host !== host) {
      next(
        Object.assign(new Error('Cross-origin console connections are refused'), {
          data: { code: 'forbidden' },
        }),
      );
      return;
    }
    const token =
      readCookie(socket.handshake.headers.cookie, SESSION_COOKIE) ??
      (typeof socket.handshake.auth?.token === 'string' ? socket.handshake.auth.token : undefined);
    directory
      .authenticate(token)
      .then((agent) => {
        socket.data.agent = toAgentView(agent);
        socket.data.token = token ?? '';
        next();
      })
      .catch(() => next(Object.assign(new AuthError(), { data: { code: 'unauthorized' } })));
  });

  const agentsOnline = async (): Promise<number> => {
    const sockets = await namespace.in(AVAILABLE_ROOM).fetchSockets();
    return new Set(sockets.map((s) => s.data.agent?.id)).size;
  };

  namespace.on('connection', (socket: ConsoleSocket) => {
    registerHandlers(socket);
    void (async () => {
      await socket.join([AGENTS_ROOM, AVAILABLE_ROOM, agentRoom(socket.data.agent.id)]);
      const count = await agentsOnline();
      socket.emit('hello', { agent: socket.data.agent, agentsOnline: count });
      socket.emit('queue', { items: await queueItems() });
      socket.emit('mine', { items: await mineItems(socket.data.agent.id) });
      namespace.to(AGENTS_ROOM).emit('agentsOnline', { count });
    })().catch((error: unknown) => log.error({ err: error }, 'console connection failed'));
    socket.on('disconnect', () => {
      void agentsOnline()
        .then((count) => namespace.to(AGENTS_ROOM).emit('agentsOnline', { count }))
        .catch(() => undefined);
    });
  });

  forwardEngineEvents();

  async function queueItems() {
    const waiting = await engine.store.listConversations({ modes: ['queued'], limit: 500 });
    return waiting.sort(byUrgency).map(toSummary);
  }

  async function mineItems(agentId: string) {
    const mine = await engine.store.listConversations({ modes: ['assigned'], agentId, limit: 200 });
    return mine.map(toSummary);
  }

  async function detailOf(conversation: Conversation, afterSeq = 0) {
    const messages = await engine.store.getMessages(conversation.id, afterSeq, 5000);
    const notes = options.notesFor ? await options.notesFor(conversation).catch(() => []) : [];
    return toDetail(conversation, messages, notes);
  }

  /** Runs one console action for a still-valid session and answers its acknowledgement. */
  function action<P, T extends object>(
    socket: ConsoleSocket,
    run: (agent: Agent, payload: P) => Promise<T>,
  ): (payload: P, ack: (result: Ack<T>) => void) => void {
    return (payload, ack) => {
      const reply = typeof ack === 'function' ? ack : () => undefined;
      directory
        .authenticate(socket.data.token)
        .then(async (agent) => {
          if (typeof payload !== 'object' || payload === null)
            throw new ValidationError('Payload must be an object');
          reply({ ok: true, ...(await run(agent, payload)) });
        })
        .catch((error: unknown) => {
          if (error instanceof AuthError) {
            reply({ ok: false, error: { code: error.code, message: error.message } });
            socket.disconnect(true);
            return;
          }
          if (error instanceof HandoffError) {
            reply({ ok: false, error: { code: error.code, message: error.message } });
            return;
          }
          log.error({ err: error }, 'console action failed');
          reply({ ok: false, error: { code: 'internal', message: 'Something went wrong' } });
        });
    };
  }

  function registerHandlers(socket: ConsoleSocket): void {
    socket.on(
      'claim',
      action(socket, async (agent, { conversationId }: { conversationId: string }) => {
        const conversation = await engine.claim(requireId(conversationId), agent);
        await socket.join(watchRoom(conversation.id));
        return { conversation: await detailOf(conversation) };
      }),
    );
    socket.on(
      'open',
      action(
        socket,
        async (_agent, { conversationId, afterSeq }: { conversationId: string; afterSeq?: number }) => {
          const conversation = await engine.store.getConversation(requireId(conversationId));
          if (!conversation) throw new HandoffError('not_found', 'Conversation not found');
          await socket.join(watchRoom(conversation.id));
          return { conversation: await detailOf(conversation, typeof afterSeq === 'number' ? afterSeq : 0) };
        },
      ),
    );
    socket.on('close', (payload) => {
      const id = (payload as { conversationId?: unknown } | null)?.conversationId;
      if (typeof id === 'string') void socket.leave(watchRoom(id));
    });
    socket.on(
      'reply',
      action(socket, async (agent, payload: { conversationId: string; text: string; clientId: string }) => {
        const id = requireId(payload.conversationId);
        const clientId = typeof payload.clientId === 'string' ? payload.clientId.slice(0, 64) : undefined;
        const { message, duplicate } = await engine.agentReply(id, agent, payload.text, {
          ...(clientId && { clientId }),
        });
        return { seq: message.seq, duplicate };
      }),
    );
    socket.on(
      'resolve',
      action(socket, async (agent, payload: { conversationId: string; resolveTickets?: boolean }) => {
        const conversation = await engine.resolve(requireId(payload.conversationId), agent);
        const ticketsResolved = payload.resolveTickets === true && options.resolveTickets !== undefined;
        if (ticketsResolved) await options.resolveTickets?.(conversation.id);
        return { ticketsResolved };
      }),
    );
    socket.on(
      'release',
      action(socket, async (agent, { conversationId }: { conversationId: string }) => {
        await engine.release(requireId(conversationId), agent);
        return {};
      }),
    );
    socket.on(
      'reclassify',
      action(
        socket,
        async (
          agent,
          payload: { conversationId: string; severity: string; category?: ProblemBrief['category'] },
        ) => {
          const severity = SEVERITIES.find((s) => s === payload.severity);
          if (!severity) throw new ValidationError('severity must be one of P0-P5');
          const before = (await engine.store.getConversation(requireId(payload.conversationId)))?.brief
            ?.severity;
          const updated = await engine.updateConversation(payload.conversationId, (c) => {
            c.brief = { ...c.brief, severity, ...(payload.category && { category: payload.category }) };
            c.priority = SEVERITIES.indexOf(severity);
            return c;
          });
          await options.onReclassify?.(updated, agent, before);
          return {};
        },
      ),
    );
    socket.on(
      'transfer',
      action(socket, async (agent, payload: { conversationId: string; agentId: string }) => {
        const { conversation, to } = await transferConversation(
          engine,
          engine.store,
          agent,
          requireId(payload.conversationId),
          requireId(payload.agentId),
        );
        namespace
          .to(agentRoom(to.id))
          .emit('transferred', { conversation: toSummary(conversation), from: agent.displayName });
        return { to: to.displayName };
      }),
    );
    socket.on(
      'presence',
      action(socket, async (_agent, { status }: { status: 'online' | 'away' }) => {
        if (status !== 'online' && status !== 'away')
          throw new ValidationError('status must be online or away');
        if (status === 'away') await socket.leave(AVAILABLE_ROOM);
        else await socket.join(AVAILABLE_ROOM);
        namespace.to(AGENTS_ROOM).emit('agentsOnline', { count: await agentsOnline() });
        return { status };
      }),
    );
    socket.on('typing', (payload) => {
      const id = (payload as { conversationId?: unknown } | null)?.conversationId;
      if (typeof id === 'string') void engine.typing(id, 'agent', (payload as { on?: unknown }).on === true);
    });
    socket.onAny((event: string) => {
      if (
        ![
          'claim',
          'open',
          'close',
          'reply',
          'resolve',
          'release',
          'reclassify',
          'typing',
          'presence',
          'transfer',
        ].includes(event)
      ) {
        socket.emit('problem', { code: 'unknown_event', message: `Unknown event "${event}"` });
      }
    });
  }

  let queueTimer: NodeJS.Timeout | undefined;
  /** Coalesces bursts of changes into one queue broadcast. */
  function broadcastQueue(): void {
    if (queueTimer) return;
    queueTimer = setTimeout(() => {
      queueTimer = undefined;
      void queueItems()
        .then((items) => namespace.to(AGENTS_ROOM).emit('queue', { items }))
        .catch((error: unknown) => log.warn({ err: error }, 'queue broadcast failed'));
    }, 20);
  }

  function forwardEngineEvents(): void {
    engine.events.on('message', ({ conversation, message }) => {
      namespace
        .to(watchRoom(conversation.id))
        .emit('message', { conversationId: conversation.id, message: toWire(message) });
      if (conversation.mode === 'queued' && message.author === 'customer') broadcastQueue();
    });
    engine.events.on('messageUpdated', ({ conversation, message }) => {
      namespace
        .to(watchRoom(conversation.id))
        .emit('messageUpdated', { conversationId: conversation.id, message: toWire(message) });
    });
    engine.events.on('handoff', ({ conversation, transition }) => {
      const summary = toSummary(conversation);
      namespace.to(AGENTS_ROOM).emit('handoff', { conversation: summary, transition });
      if (transition.to === 'queued') namespace.to(AVAILABLE_ROOM).emit('handoffRequested', summary);
      broadcastQueue();
      for (const agentId of new Set([transition.agentId, conversation.assignedAgentId])) {
        if (agentId) {
          void mineItems(agentId).then((items) => namespace.to(agentRoom(agentId)).emit('mine', { items }));
        }
      }
    });
    engine.events.on('conversation', ({ conversation }) => {
      // The facts only: messages arrive as their own events, and notes are read when a chat is
      // opened, so a change costs no store reads (it happens on every answer).
      namespace.to(watchRoom(conversation.id)).emit('conversationUpdated', toDetail(conversation, []));
      if (conversation.mode === 'queued') broadcastQueue();
    });
    engine.events.on('typing', ({ conversationId, author, on }) => {
      if (author === 'customer')
        namespace.to(watchRoom(conversationId)).emit('typing', { conversationId, on });
    });
  }

  return { agentsOnline };
}

function requireId(id: unknown): string {
  if (typeof id !== 'string' || id.length === 0 || id.length > 64)
    throw new ValidationError('conversationId is required');
  return id;
}
