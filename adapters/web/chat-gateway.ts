import type { Namespace, Socket } from 'socket.io';
import type { Engine } from '../../src/engine/engine';
import type { IncomingMessage } from 'node:http';
import { NotFoundError, RateLimitError, ValidationError } from '../../src/errors';
import type { Logger } from '../../src/logger';
import type { CustomerProfile } from '../../src/model/conversation';
import { seenByCustomer, type Attachment } from '../../src/model/message';
import type { ChatClientEvents, ChatHandshake, ChatServerEvents } from '../../src/realtime/socket-events';
import { toWire } from '../../src/realtime/wire';
import type { ConversationReadModel } from '../../src/store/conversation-read-model';
import { cleanFileName } from '../../src/text/file-name';
import { chatFeedback, chatMessage, parsePayload } from '../http/edge-schemas';
import type { LimitName, Limits } from '../http/limits';
import { guardListener, guardMiddleware } from '../http/socket-guard';
import { claimUploads } from './upload-records';
import { conversationKeyOf, type WebSessions } from './web-session';
import { checkIdentity, verifiedConversationKey } from './customer-identity';

/** What the handshake settles for each socket. */
interface ChatSocketData {
  token: string;
  key: string;
  /** The client's address under TRUST_PROXY, for the per-address limits. */
  address: string;
}
type ChatSocket = Socket<ChatClientEvents, ChatServerEvents, Record<string, never>, ChatSocketData>;
type ChatNamespace = Namespace<ChatClientEvents, ChatServerEvents, Record<string, never>, ChatSocketData>;

const KNOWN_EVENTS = new Set(['message', 'typing', 'feedback']);

/** The room every socket of one widget session joins (several tabs, one conversation). */
export const chatRoom = (conversationKey: string): string => `chat:${conversationKey}`;

/** Options of the customer chat gateway. */
export interface ChatGatewayOptions {
  /** The socket.io namespace to serve (typed here: socket.io's `of()` returns an untyped one). */
  namespace: Namespace;
  engine: Engine;
  /** The widget's conversation and the transcript it replays. */
  conversations: Pick<ConversationReadModel, 'get' | 'onChannel' | 'transcript'>;
  log: Logger;
  /** What the widget shows when it opens, in the customer's language (from their profile). */
  greeting: (profile: CustomerProfile) => string;
  /** A queued or assigned customer with no open widget for this long is marked as having left. */
  abandonAfterMs: number;
  /** The per-session and per-address allowances. */
  limits: Limits;
  /** Widget sessions the server issued. */
  sessions: WebSessions;
  /** The client's address under the TRUST_PROXY rule. */
  clientAddress: (req: IncomingMessage) => string;
  /** Where uploads are kept: a message may attach only its own session's. */
  dataDir: string;
  /** Key of the HMAC a site signs its customers' ids with; without it identities are refused. */
  identitySecret?: string;
}

/**
 * The customer side of the web chat over socket.io: restores the session from the widget's
 * token, replays what the widget missed since its last sequence number, and turns widget events
 * into engine calls. Engine events come back to the customer's sockets through `chatRoom`.
 */
export function attachChatGateway(options: ChatGatewayOptions): void {
  const { engine, conversations, log } = options;
  const namespace = options.namespace as ChatNamespace;
  const { limits, sessions } = options;

  forwardEngineEvents(namespace, engine, conversations);

  // A token the server did not issue opens a new session, and new sessions are limited per address.
  namespace.use(
    guardMiddleware(log, async (socket: ChatSocket, next) => {
      const offered = (socket.handshake.auth as ChatHandshake | undefined)?.token;
      socket.data.address = options.clientAddress(socket.request);
      if (await sessions.isIssued(offered)) {
        socket.data.token = offered as string;
      } else if (await limits.take('newChatsPerAddress', socket.data.address)) {
        socket.data.token = await sessions.issue();
      } else {
        throw new RateLimitError('Too many new chats from this address; please wait a minute.');
      }
      socket.data.key = conversationKeyOf(socket.data.token);
      next();
    }),
  );

  namespace.on('connection', (socket: ChatSocket) => {
    void onConnection(socket).catch((error: unknown) => {
      log.error({ err: error }, 'chat connection failed');
      socket.emit('problem', { code: 'internal', message: 'Could not open the chat; please reload.' });
      socket.disconnect(true);
    });
  });

  async function onConnection(socket: ChatSocket): Promise<void> {
    const handshake = (socket.handshake.auth ?? {}) as ChatHandshake;
    const { token } = socket.data;
    const { key, profile, identified } = whoIsConnecting(socket, handshake, token);
    socket.data.key = key;
    registerHandlers(socket, key, profile);
    await socket.join(chatRoom(key));
    const conversation = await conversations.onChannel('web', key);
    socket.emit('session', {
      token,
      greeting: options.greeting(profile),
      mode: conversation?.mode ?? 'bot',
      identified,
      ...(conversation && { conversationId: conversation.id }),
    });
    const lastSeq = typeof handshake.lastSeq === 'number' && handshake.lastSeq >= 0 ? handshake.lastSeq : 0;
    const messages = conversation ? await conversations.transcript(conversation.id, lastSeq) : [];
    socket.emit('history', {
      // Internal notes stay with the team: never replayed to the customer.
      messages: messages.filter(seenByCustomer).map(toWire),
      mode: conversation?.mode ?? 'bot',
      ...(conversation?.assignedAgentName !== undefined && { agentName: conversation.assignedAgentName }),
    });
  }

  /**
   * A verified customer's conversation is keyed by their id (the same on every device) and named
   * as the site says; anyone else is keyed by the widget's token. A refused identity is told to
   * the widget, and the customer stays anonymous: no name or e-mail from that handshake is kept.
   */
  function whoIsConnecting(
    socket: ChatSocket,
    handshake: ChatHandshake,
    token: string,
  ): { key: string; profile: CustomerProfile; identified: boolean } {
    const check = checkIdentity(handshake.identity, options.identitySecret);
    const profile = cleanProfile(handshake.profile);
    if (check.kind === 'verified') {
      const { name, email } = check.customer;
      delete profile.displayName;
      delete profile.email;
      return {
        key: verifiedConversationKey(check.customer.id),
        profile: { ...profile, ...(name && { displayName: name }), ...(email && { email }) },
        identified: true,
      };
    }
    if (check.kind === 'rejected') {
      log.warn({ reason: check.reason }, 'widget identity refused');
      socket.emit('problem', {
        code: 'identity_rejected',
        message: `Your sign-in could not be verified (${check.reason}); you are chatting anonymously.`,
      });
      delete profile.displayName;
      delete profile.email;
    }
    return { key: conversationKeyOf(token), profile, identified: false };
  }

  function registerHandlers(socket: ChatSocket, key: string, profile: CustomerProfile): void {
    /** Takes one from the session's and the address's allowance under both names. */
    const allowed = async (perSession: LimitName, perAddress: LimitName): Promise<boolean> => {
      const [bySession, byAddress] = await Promise.all([
        limits.take(perSession, key),
        limits.take(perAddress, socket.data.address),
      ]);
      return bySession && byAddress;
    };

    socket.on(
      'message',
      guardListener(log, 'message', async (payload: unknown, ack?: unknown) => {
        const input = parsePayload(chatMessage, payload);
        if (!(await allowed('messagesPerSession', 'messagesPerAddress')))
          throw new RateLimitError('Too many messages; please wait a moment.');
        const attachments = (input.attachments ?? []).map(toAttachment);
        if (
          !(await claimUploads(
            options.dataDir,
            attachments.map((file) => file.url),
            key,
          ))
        )
          throw new ValidationError('attachments must be files uploaded in this chat');
        const result = await engine.handleInbound({
          ref: { channel: 'web', conversationKey: key, customerId: key },
          text: input.text,
          externalId: `${key}:${input.clientId}`,
          profile,
          ...(attachments.length && { attachments }),
        });
        answer(ack, { ok: true, seq: result.message?.seq ?? 0, duplicate: result.duplicate });
      }),
    );

    // Typing over the allowance is dropped silently: it is a hint, not a message.
    socket.on(
      'typing',
      guardListener(log, 'typing', async (on: unknown) => {
        if (!(await allowed('typingPerSession', 'typingPerAddress'))) return;
        const conversation = await conversations.onChannel('web', key);
        if (conversation) await engine.delivery.typing(conversation.id, 'customer', on === true);
      }),
    );

    socket.on(
      'feedback',
      guardListener(log, 'feedback', async (payload: unknown, ack?: unknown) => {
        const { seq, helpful } = parsePayload(chatFeedback, payload);
        if (!(await allowed('feedbackPerSession', 'feedbackPerAddress')))
          throw new RateLimitError('Too many answers; please wait a moment.');
        const conversation = await conversations.onChannel('web', key);
        if (!conversation) throw new NotFoundError('Conversation', 'No conversation yet');
        await engine.analytics.recordFeedback(conversation.id, seq, helpful);
        answer(ack, { ok: true });
      }),
    );

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
        const conversation = await conversations.onChannel('web', key);
        if (conversation) await engine.handoff.customerLeft(conversation.id);
      })().catch((error: unknown) => log.warn({ err: error }, 'abandon check failed'));
    }, options.abandonAfterMs);
    timer.unref();
  }
}

/** Pushes what the engine records in web conversations to the customer's open widgets. */
function forwardEngineEvents(
  namespace: ChatNamespace,
  engine: Engine,
  conversations: Pick<ConversationReadModel, 'get'>,
): void {
  engine.events.on('message', ({ conversation, message }) => {
    if (conversation.ref.channel !== 'web' || !seenByCustomer(message)) return;
    namespace.to(chatRoom(conversation.ref.conversationKey)).emit('message', toWire(message));
  });
  engine.events.on('messageUpdated', ({ conversation, message }) => {
    if (conversation.ref.channel !== 'web' || !seenByCustomer(message)) return;
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
    void conversations.get(conversationId).then((conversation) => {
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

/** An attachment as the engine stores it, from what the widget sent (already checked). */
function toAttachment(item: {
  url: string;
  name?: string | undefined;
  mimeType?: string | undefined;
}): Attachment {
  return {
    kind: item.mimeType?.startsWith('image/') ? 'image' : 'file',
    url: item.url,
    // The widget names the file itself: cleaned like an upload's name (no direction overrides).
    ...(cleanFileName(item.name, 200) && { name: cleanFileName(item.name, 200) }),
    ...(item.mimeType !== undefined && { mimeType: item.mimeType.slice(0, 100) }),
  };
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

/** Answers a client's acknowledgement, when it asked for one (failures answer in socket-guard.ts). */
function answer<T extends { ok: true }>(ack: unknown, value: T): void {
  if (typeof ack === 'function') (ack as (answer: unknown) => void)(value);
}
