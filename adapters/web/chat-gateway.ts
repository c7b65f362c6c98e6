import type { Namespace, Socket } from 'socket.io';
import type { Engine } from '../../src/engine/engine';
import { HandoffError } from '../../src/errors';
import type { Logger } from '../../src/logger';
import type { CustomerProfile } from '../../src/model/conversation';
import type { Attachment } from '../../src/model/message';
import type { ChatClientEvents, ChatHandshake, ChatServerEvents } from '../../src/realtime/socket-events';
import { toWire } from '../../src/realtime/wire';
import { RateLimiter } from '../http/rate-limiter';
import { conversationKeyOf, isSessionToken, newSessionToken } from './web-session';

type ChatSocket = Socket<ChatClientEvents, ChatServerEvents, Record<string, never>, { key: string }>;
type ChatNamespace = Namespace<ChatClientEvents, ChatServerEvents, Record<string, never>, { key: string }>;

const KNOWN_EVENTS = new Set(['message', 'typing', 'feedback']);

/** The room every socket of one widget session joins (several tabs, one conversation). */
export const chatRoom = (conversationKey: string): string => `chat:${conversationKey}`;

/** Options of the customer chat gateway. */
export interface ChatGatewayOptions {
  /** The socket.io namespace to serve (typed here: socket.io's `of()` returns an untyped one). */
  namespace: Namespace;
  engine: Engine;
  log: Logger;
  greeting: string;
  /** A queued or assigned customer with no open widget for this long is marked as having left. */
  abandonAfterMs: number;
}

/**
 * The customer side of the web chat over socket.io: restores the session from the widget's
 * token, replays what the widget missed since its last sequence number, and turns widget events
 * into engine calls. Engine events come back to the customer's sockets through `chatRoom`.
 */
export function attachChatGateway(options: ChatGatewayOptions): void {
  const { engine, log } = options;
  const namespace = options.namespace as ChatNamespace;
  const limiter = new RateLimiter(20, 2);

  forwardEngineEvents(namespace, engine);

  namespace.on('connection', (socket: ChatSocket) => {
    void onConnection(socket).catch((error: unknown) => {
      log.error({ err: error }, 'chat connection failed');
      socket.emit('problem', { code: 'internal', message: 'Could not open the chat; please reload.' });
      socket.disconnect(true);
    });
  });

  async function onConnection(socket: ChatSocket): Promise<void> {
    const handshake = (socket.handshake.auth ?? {}) as ChatHandshake;
    const token = isSessionToken(handshake.token) ? handshake.token : newSessionToken();
    const key = conversationKeyOf(token);
    socket.data.key = key;
    const profile = cleanProfile(handshake.profile);
    registerHandlers(socket, key, profile);
    await socket.join(chatRoom(key));
    const conversation = await engine.store.findConversation('web', key);
    socket.emit('session', {
      token,
      greeting: options.greeting,
      mode: conversation?.mode ?? 'bot',
      ...(conversation && { conversationId: conversation.id }),
    });
    const lastSeq = typeof handshake.lastSeq === 'number' && handshake.lastSeq >= 0 ? handshake.lastSeq : 0;
    const messages = conversation ? await engine.store.getMessages(conversation.id, lastSeq) : [];
    socket.emit('history', {
      messages: messages.map(toWire),
      mode: conversation?.mode ?? 'bot',
      ...(conversation?.assignedAgentName !== undefined && { agentName: conversation.assignedAgentName }),
    });
  }

  function registerHandlers(socket: ChatSocket, key: string, profile: CustomerProfile): void {
    socket.on('message', (payload, ack) => {
      const reply = typeof ack === 'function' ? ack : () => undefined;
      if (!limiter.take(key)) {
        reply({
          ok: false,
          error: { code: 'rate_limited', message: 'Too many messages; please wait a moment.' },
        });
        return;
      }
      const input = parseMessage(payload);
      if ('error' in input) {
        reply({ ok: false, error: { code: 'invalid_input', message: input.error } });
        return;
      }
      engine
        .handleInbound({
          ref: { channel: 'web', conversationKey: key, customerId: key },
          text: input.text,
          externalId: `${key}:${input.clientId}`,
          profile,
          ...(input.attachments.length && { attachments: input.attachments }),
        })
        .then((result) => reply({ ok: true, seq: result.message?.seq ?? 0, duplicate: result.duplicate }))
        .catch((error: unknown) => reply(failure(error, log)));
    });

    socket.on('typing', (on) => {
      void engine.store.findConversation('web', key).then((conversation) => {
        if (conversation) return engine.typing(conversation.id, 'customer', on === true);
        return undefined;
      });
    });

    socket.on('feedback', (payload, ack) => {
      const reply = typeof ack === 'function' ? ack : () => undefined;
      const seq = (payload as { seq?: unknown } | null)?.seq;
      const helpful = (payload as { helpful?: unknown } | null)?.helpful;
      if (typeof seq !== 'number' || typeof helpful !== 'boolean') {
        reply({
          ok: false,
          error: { code: 'invalid_input', message: 'feedback needs { seq: number, helpful: boolean }' },
        });
        return;
      }
      engine.store
        .findConversation('web', key)
        .then(async (conversation) => {
          if (!conversation) throw new HandoffError('not_found', 'No conversation yet');
          await engine.recordFeedback(conversation.id, seq, helpful);
          reply({ ok: true });
        })
        .catch((error: unknown) => reply(failure(error, log)));
    });

    socket.onAny((event: string) => {
      if (!KNOWN_EVENTS.has(event)) {
        socket.emit('problem', { code: 'unknown_event', message: `Unknown event "${event}"` });
      }
    });

    socket.on('disconnect', () => {
      scheduleAbandonCheck(key);
    });
  }

  function scheduleAbandonCheck(key: string): void {
    const timer = setTimeout(() => {
      void (async () => {
        const sockets = await namespace.in(chatRoom(key)).fetchSockets();
        if (sockets.length > 0) return;
        const conversation = await engine.store.findConversation('web', key);
        if (conversation?.mode === 'queued')
          await engine.abandon(conversation.id, 'closed the chat while waiting');
      })().catch((error: unknown) => log.warn({ err: error }, 'abandon check failed'));
    }, options.abandonAfterMs);
    timer.unref();
  }
}

/** Pushes what the engine records in web conversations to the customer's open widgets. */
function forwardEngineEvents(namespace: ChatNamespace, engine: Engine): void {
  engine.events.on('message', ({ conversation, message }) => {
    if (conversation.ref.channel !== 'web') return;
    namespace.to(chatRoom(conversation.ref.conversationKey)).emit('message', toWire(message));
  });
  engine.events.on('messageUpdated', ({ conversation, message }) => {
    if (conversation.ref.channel !== 'web') return;
    namespace.to(chatRoom(conversation.ref.conversationKey)).emit('messageUpdated', toWire(message));
  });
  engine.events.on('handoff', ({ conversation }) => {
    if (conversation.ref.channel !== 'web') return;
    namespace.to(chatRoom(conversation.ref.conversationKey)).emit('mode', {
      mode: conversation.mode,
      ...(conversation.assignedAgentName !== undefined && { agentName: conversation.assignedAgentName }),
    });
  });
  engine.events.on('typing', ({ conversationId, author, on }) => {
    if (author === 'customer') return;
    void engine.store.getConversation(conversationId).then((conversation) => {
      if (conversation?.ref.channel !== 'web') return;
      namespace.to(chatRoom(conversation.ref.conversationKey)).emit('typing', {
        author,
        on,
        ...(author === 'agent' &&
          conversation.assignedAgentName !== undefined && { name: conversation.assignedAgentName }),
      });
    });
  });
}

function parseMessage(
  payload: unknown,
): { text: string; clientId: string; attachments: Attachment[] } | { error: string } {
  if (typeof payload !== 'object' || payload === null)
    return { error: 'message must be an object { text, clientId }' };
  const { text, clientId, attachments } = payload as Record<string, unknown>;
  if (typeof text !== 'string') return { error: 'text must be a string' };
  if (typeof clientId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(clientId)) {
    return { error: 'clientId must be 1-64 characters: letters, digits, - or _' };
  }
  const files: Attachment[] = [];
  if (attachments !== undefined) {
    if (!Array.isArray(attachments) || attachments.length > 5)
      return { error: 'attachments must be a list of at most 5' };
    for (const item of attachments as unknown[]) {
      const url = (item as { url?: unknown } | null)?.url;
      // Only files uploaded to this server may be attached: no links to elsewhere.
      if (typeof url !== 'string' || !/^\/uploads\/[A-Za-z0-9_-]+(\.[a-z0-9]{1,5})?$/.test(url)) {
        return { error: 'attachments must be files uploaded to this server' };
      }
      const name = (item as { name?: unknown }).name;
      const mimeType = (item as { mimeType?: unknown }).mimeType;
      files.push({
        kind: typeof mimeType === 'string' && mimeType.startsWith('image/') ? 'image' : 'file',
        url,
        ...(typeof name === 'string' && { name: name.slice(0, 200) }),
        ...(typeof mimeType === 'string' && { mimeType: mimeType.slice(0, 100) }),
      });
    }
  }
  return { text, clientId, attachments: files };
}

function cleanProfile(profile: ChatHandshake['profile']): CustomerProfile {
  if (typeof profile !== 'object' || profile === null) return {};
  const result: CustomerProfile = {};
  for (const field of ['displayName', 'email', 'timeZone', 'locale', 'pageUrl'] as const) {
    const value = profile[field];
    if (typeof value === 'string' && value.length > 0 && value.length <= 300) result[field] = value;
  }
  if (result.timeZone && !isTimeZone(result.timeZone)) delete result.timeZone;
  return result;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function failure(error: unknown, log: Logger): { ok: false; error: { code: string; message: string } } {
  if (error instanceof HandoffError)
    return { ok: false, error: { code: error.code, message: error.message } };
  log.error({ err: error }, 'chat request failed');
  return { ok: false, error: { code: 'internal', message: 'Something went wrong; please try again.' } };
}
