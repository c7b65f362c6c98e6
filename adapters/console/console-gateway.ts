import type { IncomingMessage } from 'node:http';
import type { Namespace, Socket } from 'socket.io';
import type { ZodType, ZodTypeDef } from 'zod';
import type { AgentDirectory } from '../../src/agents/agent-directory';
import type { Engine } from '../../src/engine/engine';
import { AuthError, ForbiddenError, NotFoundError, ValidationError } from '../../src/errors';
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
import type { ConversationReadModel } from '../../src/store/conversation-read-model';
import type { AgentStore } from '../../src/store/ports';
import type { AgentPresence } from '../../src/handoff/handoff-service';
import { readCookie } from '../http/cookies';
import {
  agentTyping,
  conversationAction,
  presenceAction,
  resolveAction,
  transferAction,
  noteAction,
  openAction,
  parsePayload,
  reclassifyAction,
  replyAction,
  takeAction,
} from '../http/edge-schemas';
import type { Limits } from '../http/limits';
import { isSameOrigin } from '../http/origin';
import { failedAck } from '../http/error-boundary';
import { guardListener, guardMiddleware } from '../http/socket-guard';
import { byUrgency, toAgentView, toDetail, toSummary } from './conversation-views';
import { AVAILABLE_ROOM } from './agent-presence';
import { SESSION_COOKIE } from './session-cookie';
import { agentRoom, revokeEndedSessions } from './session-revocation';
import { transferConversation } from './transfer';
import { addInternalNote } from './internal-note';
import { reopenConversation } from './reopen';
import { classifyBeforeTaking } from './classify-before-taking';

interface SocketData {
  /** Who is signed in, without the password hash: socket data crosses Redis in `fetchSockets`. */
  agent: AgentView;
  token: string;
  /** When the session ends: the socket is closed then (see session-revocation.ts). */
  expiresAt: number;
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
const watchRoom = (conversationId: string): string => `watch:${conversationId}`;
const SEVERITIES = ['P0', 'P1', 'P2', 'P3', 'P4', 'P5'] as const;
const CATEGORIES = ['platform', 'operational'] as const;

/** Any socket seen loosely: the typed overloads of `on` do not take one generic listener. */
interface LooseSocket {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
}

/** Options of the agent console gateway. */
export interface ConsoleGatewayOptions {
  /** The socket.io namespace to serve (typed here: socket.io's `of()` returns an untyped one). */
  namespace: Namespace;
  engine: Engine;
  /** How many agents are available (`consolePresence` over this namespace; the engine has it too). */
  presence: AgentPresence;
  /** The queue, each agent's own conversations and their transcripts. */
  conversations: ConversationReadModel;
  /** Who a conversation may be transferred to. */
  agents: Pick<AgentStore, 'getAgent'>;
  directory: AgentDirectory;
  log: Logger;
  /** Extra facts shown above a conversation (tickets, downgraded reports), supplied by services. */
  notesFor?: (conversation: Conversation) => Promise<string[]>;
  /** The edge's allowances (agent typing) and how a client's address is read. */
  limits: Limits;
  clientAddress: (req: IncomingMessage) => string;
  /** The support policy's severity and category names a reclassification may use. */
  classification?: { severities: readonly string[]; categories: readonly string[] };
  /** Runs after every resolve (asking the customer for a rating). */
  afterResolve?: (conversation: Conversation, agent: Agent) => Promise<unknown>;
  /** Resolves a conversation's open tickets, when the agent asks for it on resolve. */
  resolveTickets?: (conversationId: string) => Promise<void>;
  /** Called when an agent changes a report's severity (counting downgrades, requeueing). */
  onReclassify?: (
    conversation: Conversation,
    agent: Agent,
    before: ProblemBrief['severity'],
  ) => Promise<void>;
  /**
   * Whether an agent must set the category and severity of a conversation that has none before
   * claiming or reopening it (the policy: every conversation an agent takes is classified). On
   * unless turned off.
   */
  classifyBeforeTaking?: boolean;
}

/**
 * The agent side over socket.io: authenticates each connection with the session cookie, keeps
 * every agent's queue live, and turns console actions (claim, reply, resolve) into engine calls.
 */
export function attachConsoleGateway(options: ConsoleGatewayOptions): void {
  const { engine, conversations, directory, log } = options;
  const namespace = options.namespace as ConsoleNamespace;
  const reclassify = reclassifyAction(
    options.classification?.severities ?? SEVERITIES,
    options.classification?.categories ?? CATEGORIES,
  );
  const take = takeAction(
    options.classification?.severities ?? SEVERITIES,
    options.classification?.categories ?? CATEGORIES,
  );
  /** Applies the agent's classification, or refuses to let an unclassified conversation be taken. */
  const classify = async (agent: Agent, payload: { conversationId: string } & Record<string, unknown>) => {
    const severity = SEVERITIES.find((level) => level === payload.severity);
    const category = CATEGORIES.find((name) => name === payload.category);
    const given = { ...(severity && { severity }), ...(category && { category }) };
    if (options.classifyBeforeTaking === false && !severity) return;
    await classifyBeforeTaking(
      engine,
      (id) => conversations.get(id),
      agent,
      payload.conversationId,
      given,
      options.onReclassify,
    );
  };

  namespace.use(
    guardMiddleware(log, async (socket: ConsoleSocket, next) => {
      // The console is same-origin only: a page elsewhere (or a sandboxed one, `Origin: null`)
      // must not drive an agent's session.
      if (!isSameOrigin(socket.handshake.headers.origin, socket.handshake.headers.host)) {
        throw new ForbiddenError('Cross-origin console connections are refused');
      }
      const token =
        readCookie(socket.handshake.headers.cookie, SESSION_COOKIE) ??
        (typeof socket.handshake.auth?.token === 'string' ? socket.handshake.auth.token : undefined);
      const { agent, expiresAt } = await directory.session(token).catch(() => {
        throw new AuthError();
      });
      socket.data.agent = toAgentView(agent);
      socket.data.token = token ?? '';
      socket.data.expiresAt = expiresAt;
      next();
    }),
  );

  const agentsOnline = options.presence;

  const revocation = revokeEndedSessions({ namespace: options.namespace, directory, log });
  namespace.on('connection', (socket: ConsoleSocket) => {
    registerHandlers(socket);
    void (async () => {
      await Promise.all([socket.join([AGENTS_ROOM, AVAILABLE_ROOM]), revocation.track(socket)]);
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
    const waiting = await conversations.queue();
    return waiting.sort(byUrgency).map(toSummary);
  }

  async function mineItems(agentId: string) {
    const mine = await conversations.assignedTo(agentId);
    return mine.map(toSummary);
  }

  async function detailOf(conversation: Conversation, afterSeq = 0) {
    const messages = await conversations.transcript(conversation.id, afterSeq, 5000);
    const notes = options.notesFor ? await options.notesFor(conversation).catch(() => []) : [];
    const ratings = await conversations.ratings(conversation.id, 20);
    return toDetail(conversation, messages, notes, ratings);
  }

  /** Runs one console action for a still-valid session and answers its acknowledgement. */
  function action<P, T extends object>(
    socket: ConsoleSocket,
    schema: ZodType<P, ZodTypeDef, unknown>,
    run: (agent: Agent, payload: P) => Promise<T>,
  ): (payload: unknown, ack: unknown) => void {
    return (payload, ack) => {
      const reply = typeof ack === 'function' ? (ack as (result: Ack<T>) => void) : () => undefined;
      directory
        .authenticate(socket.data.token)
        .then(async (agent) => reply({ ok: true, ...(await run(agent, parsePayload(schema, payload))) }))
        .catch((error: unknown) => {
          reply(failedAck(error, log, { event: 'console action' }));
          // A session that ended while the console was open closes its socket.
          if (error instanceof AuthError) socket.disconnect(true);
        });
    };
  }

  function registerHandlers(socket: ConsoleSocket): void {
    const on = (event: string, listener: (payload: unknown, ack: unknown) => unknown): void => {
      (socket as unknown as LooseSocket).on(event, guardListener(log, event, listener));
    };
    on(
      'claim',
      action(socket, take, async (agent, payload) => {
        const current = await conversations.get(payload.conversationId);
        // Only a claim that can win is asked for a classification (a second claimer hears "already claimed").
        if (current?.mode === 'queued') await classify(agent, payload);
        const conversation = await engine.handoff.claim(payload.conversationId, agent);
        await socket.join(watchRoom(conversation.id));
        return { conversation: await detailOf(conversation) };
      }),
    );
    on(
      'open',
      action(socket, openAction, async (_agent, { conversationId, afterSeq }) => {
        const conversation = await conversations.get(conversationId);
        if (!conversation) throw new NotFoundError('Conversation');
        await socket.join(watchRoom(conversation.id));
        return { conversation: await detailOf(conversation, afterSeq ?? 0) };
      }),
    );
    on('close', (payload) => {
      const parsed = conversationAction.safeParse(payload);
      return parsed.success ? socket.leave(watchRoom(parsed.data.conversationId)) : undefined;
    });
    on(
      'reply',
      action(socket, replyAction, async (agent, { conversationId, text, clientId }) => {
        const { message, duplicate } = await engine.agentReply(conversationId, agent, text, {
          ...(clientId && { clientId }),
        });
        return { seq: message.seq, duplicate };
      }),
    );
    on(
      'note',
      action(socket, noteAction, async (agent, { conversationId, text, clientId }) => {
        const { message, duplicate } = await addInternalNote(
          engine,
          conversations,
          agent,
          conversationId,
          text,
          clientId,
        );
        return { seq: message.seq, duplicate };
      }),
    );
    on(
      'reopen',
      action(socket, take, async (agent, payload) => {
        const current = await conversations.get(payload.conversationId);
        const reopens = current && current.mode !== 'queued' && current.mode !== 'assigned';
        if (reopens && !current.unreachable) await classify(agent, payload);
        const conversation = await reopenConversation(engine, conversations, agent, payload.conversationId);
        await socket.join(watchRoom(conversation.id));
        return { conversation: await detailOf(conversation) };
      }),
    );
    on(
      'resolve',
      action(socket, resolveAction, async (agent, { conversationId, resolveTickets }) => {
        const conversation = await engine.handoff.resolve(conversationId, agent);
        const ticketsResolved = resolveTickets === true && options.resolveTickets !== undefined;
        if (ticketsResolved) await options.resolveTickets?.(conversation.id);
        // The resolve is done whatever happens next: a failed follow-up is logged, not reported as failed.
        await options.afterResolve?.(conversation, agent).catch((error: unknown) => {
          log.warn({ err: error, conversationId: conversation.id }, 'after-resolve step failed');
        });
        return { ticketsResolved };
      }),
    );
    on(
      'release',
      action(socket, conversationAction, async (agent, { conversationId }) => {
        await engine.handoff.release(conversationId, agent);
        return {};
      }),
    );
    on(
      'reclassify',
      action(socket, reclassify, async (agent, payload) => {
        const severity = SEVERITIES.find((level) => level === payload.severity);
        if (!severity) throw new ValidationError(`severity must be one of ${SEVERITIES.join(', ')}`);
        const category = CATEGORIES.find((name) => name === payload.category);
        const { conversation: updated, before } = await engine.handoff.reclassify(payload.conversationId, {
          severity,
          ...(category && { category }),
        });
        await options.onReclassify?.(updated, agent, before);
        return {};
      }),
    );
    on(
      'transfer',
      action(socket, transferAction, async (agent, payload) => {
        const { conversation, to } = await transferConversation(
          engine,
          options.agents,
          conversations,
          agent,
          payload.conversationId,
          payload.agentId,
        );
        namespace
          .to(agentRoom(to.id))
          .emit('transferred', { conversation: toSummary(conversation), from: agent.displayName });
        return { to: to.displayName };
      }),
    );
    on(
      'presence',
      action(socket, presenceAction, async (_agent, { status }) => {
        if (status === 'away') await socket.leave(AVAILABLE_ROOM);
        else await socket.join(AVAILABLE_ROOM);
        namespace.to(AGENTS_ROOM).emit('agentsOnline', { count: await agentsOnline() });
        return { status };
      }),
    );
    // Typing over the allowance is dropped silently: it is a hint, not a message.
    on('typing', async (payload) => {
      const parsed = agentTyping.safeParse(payload);
      if (!parsed.success) return;
      const [bySession, byAddress] = await Promise.all([
        options.limits.take('typingPerSession', `agent:${socket.data.agent.id}`),
        options.limits.take('typingPerAddress', options.clientAddress(socket.request)),
      ]);
      if (bySession && byAddress)
        await engine.delivery.typing(parsed.data.conversationId, 'agent', parsed.data.on === true);
    });
    socket.onAny((event: string) => {
      if (
        ![
          'claim',
          'open',
          'close',
          'reply',
          'note',
          'reopen',
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
}
