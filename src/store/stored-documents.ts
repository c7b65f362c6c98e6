import { z, type ZodType, type ZodTypeDef } from 'zod';
import { HandoffError } from '../errors';
import type { Agent, AgentSession } from '../model/agent';
import type { CannedResponse } from '../model/canned-response';
import type { Conversation } from '../model/conversation';
import type { TranscriptMessage } from '../model/message';
import type { Ticket } from '../model/ticket';
import type { QueuedEntry } from '../delivery/outbox-store';

/**
 * What every store checks when it reads a stored JSON document back: the fields the engine keys
 * on, with their types, one level deep. The document itself is returned as parsed, so fields the
 * check does not name pass through untouched (older and newer versions stay readable), and names
 * such as modes, channels and statuses are checked as text, so a value a newer release adds never
 * makes a document unreadable. Shallow on purpose: it runs on every read (measured: about 7-12 µs
 * more than JSON.parse for a conversation, 1 µs for a message, on the busy 2-core machine).
 */
const object = z.custom<Record<string, unknown>>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  'an object',
);

const conversationShape = z.object({
  id: z.string(),
  ref: z.object({ channel: z.string(), conversationKey: z.string(), customerId: z.string() }),
  mode: z.string(),
  history: z.array(z.unknown()),
  profile: object,
});

const messageShape = z.object({
  conversationId: z.string(),
  seq: z.number(),
  author: z.string(),
  text: z.string(),
  createdAt: z.number(),
});

const agentShape = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  passwordHash: z.string(),
  role: z.string(),
});

const sessionShape = z.object({ tokenHash: z.string(), agentId: z.string(), expiresAt: z.number() });

const ticketShape = z.object({
  id: z.string(),
  conversationId: z.string(),
  status: z.string(),
  brief: object,
  updatedAt: z.number(),
});

const cannedShape = z.object({ id: z.string(), shortcut: z.string(), text: z.string() });

const recordShape = object;

const queuedShape = z.object({ key: z.string(), attempts: z.number(), nextAt: z.number() });

/** A stored document that cannot be read back: the store's data is damaged or not ours. */
export class CorruptDocumentError extends HandoffError {
  constructor(what: string, cause: unknown) {
    super('corrupt_document', `A stored ${what} could not be read`, { status: 500, cause });
  }
}

/** Checks a document's shape; what passes is the model type it was written as. */
function checker<T>(what: string, shape: ZodType<unknown, ZodTypeDef, unknown>): (value: unknown) => T {
  return (value) => {
    const checked = shape.safeParse(value);
    if (!checked.success) throw new CorruptDocumentError(what, checked.error);
    // The shape checked the fields the engine relies on; the document is as the model wrote it.
    return value as T;
  };
}

/** Parses stored JSON text and checks its shape. */
function reader<T>(what: string, shape: ZodType<unknown, ZodTypeDef, unknown>): (text: string) => T {
  const check = checker<T>(what, shape);
  return (text) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new CorruptDocumentError(what, error);
    }
    return check(parsed);
  };
}

/** Checks a conversation assembled from stored parts (the Redis store keeps counters beside it). */
export const checkConversation = checker<Conversation>('conversation', conversationShape);
/** Reads a stored conversation document. */
export const readConversation = reader<Conversation>('conversation', conversationShape);
/** Reads a stored transcript message. */
export const readMessage = reader<TranscriptMessage>('message', messageShape);
/** Reads a stored agent. */
export const readAgent = reader<Agent>('agent', agentShape);
/** Reads a stored console session. */
export const readSession = reader<AgentSession>('session', sessionShape);
/** Reads a stored ticket. */
export const readTicket = reader<Ticket>('ticket', ticketShape);
/** Reads a stored canned response. */
export const readCannedResponse = reader<CannedResponse>('canned response', cannedShape);
/** Reads one entry of a record log. */
export const readRecord = reader<Record<string, unknown>>('record', recordShape);
/** Reads a stored outbox entry (of any outbox: channel messages, outgoing webhooks). */
export function readQueuedEntry<E extends QueuedEntry>(text: string): E {
  return readQueued(text) as E;
}
const readQueued = reader<QueuedEntry>('outbox entry', queuedShape);
