import type { Agent, AgentSession } from '../model/agent';
import type { CannedResponse } from '../model/canned-response';
import type { ChannelName, Conversation, ConversationMode } from '../model/conversation';
import type { TranscriptMessage } from '../model/message';
import type { Ticket } from '../model/ticket';

/** A message to append; the store assigns `seq` and `conversationId`. */
export type NewMessage = Omit<TranscriptMessage, 'seq' | 'conversationId'>;

/** What `appendMessage` gives back. */
export interface AppendedMessage {
  message: TranscriptMessage;
  conversation: Conversation;
}

/** A conversation to create; the store fills the bookkeeping fields. */
export type NewConversation = Pick<Conversation, 'id' | 'ref' | 'profile'> & Partial<Conversation>;

/** Filters for listing conversations. */
export interface ConversationQuery {
  modes?: ConversationMode[];
  agentId?: string;
  channel?: ChannelName;
  /** Newest first by `updatedAt`; default 200. */
  limit?: number;
}

/** Filters for finding any conversation, present or past (the console's Conversations list). */
export interface ConversationSearch {
  /** Every word must occur somewhere in the transcript: whole words, any case. */
  text?: string;
  modes?: ConversationMode[];
  channel?: ChannelName;
  /** Conversations this agent has held: assigned now, or named in the handoff history. */
  agentId?: string;
  /** Last activity (`updatedAt`) at or after this time. */
  since?: number;
  /** Last activity (`updatedAt`) before this time. */
  until?: number;
  /** Newest first by `updatedAt`; default 100. */
  limit?: number;
}

/** Filters for listing tickets. */
export interface TicketQuery {
  customerId?: string;
  channel?: ChannelName;
  status?: Ticket['status'];
  /** Case-insensitive substring of id, title or description. */
  text?: string;
  limit?: number;
}

/**
 * The store's ports: one small interface per aggregate, so each part of the engine (and each
 * adapter) asks for just the one it uses. `Store` is all of them; both stores implement it.
 */

/** Conversations: reference, profile, handoff state, flow position. */
export interface ConversationStore {
  getConversation(id: string): Promise<Conversation | undefined>;
  findConversation(channel: ChannelName, conversationKey: string): Promise<Conversation | undefined>;
  /** Creates the conversation, or returns the existing one for the same channel and key. */
  createConversation(input: NewConversation): Promise<Conversation>;
  /**
   * Atomically reads, changes and writes a conversation. `change` returns the new value, or
   * `undefined` to leave it untouched (then the call returns `undefined`). It may be called again
   * if another writer got there first, so it must be a pure function of its argument.
   */
  updateConversation(
    id: string,
    change: (current: Conversation) => Conversation | undefined,
  ): Promise<Conversation | undefined>;
  listConversations(query?: ConversationQuery): Promise<Conversation[]>;
  /** Conversations matching every filter given, newest first; `text` searches whole transcripts. */
  searchConversations(query: ConversationSearch): Promise<Conversation[]>;
}

/** Transcripts: the numbered messages of each conversation and their delivery state. */
export interface TranscriptStore {
  /**
   * Appends to the transcript with the next sequence number and bumps the conversation's `lastSeq`;
   * gives the stored message and the conversation as it is right after it (the engine announces both).
   */
  appendMessage(conversationId: string, message: NewMessage): Promise<AppendedMessage>;
  /** Messages with `seq > afterSeq`, oldest first. */
  getMessages(conversationId: string, afterSeq?: number, limit?: number): Promise<TranscriptMessage[]>;
  updateMessage(
    conversationId: string,
    seq: number,
    patch: Partial<Pick<TranscriptMessage, 'delivery' | 'feedback'>>,
  ): Promise<TranscriptMessage | undefined>;
  /**
   * Outbound messages still `pending` since before `before` with no provider id, i.e. never
   * accepted by a provider (oldest first): what an instance that died between storing a message and
   * handing it to the outbox left unsent. A message a provider queued (it has an id) is not listed.
   */
  listPendingDeliveries(before: number, limit?: number): Promise<TranscriptMessage[]>;
  /** The message of a conversation that carries this provider or client id (`externalId`), if any. */
  findMessageByExternalId(conversationId: string, externalId: string): Promise<TranscriptMessage | undefined>;
  /** Finds an outbound message by the provider's id (delivery status callbacks). */
  findMessageByProviderId(providerId: string): Promise<TranscriptMessage | undefined>;
}

/** Short-lived keys that make a thing happen once across instances (webhook retries, sweeps). */
export interface DedupStore {
  /** Records a key for `ttlMs`; resolves true the first time, false while it is remembered. */
  remember(key: string, ttlMs: number): Promise<boolean>;
  /** Whether a key is remembered now; a read only, so a check leaves nothing behind for another to see. */
  isRemembered(key: string): Promise<boolean>;
  /** Forgets a key recorded by `remember` (used when processing failed and a retry must go through). */
  forget(key: string): Promise<void>;
}

/** Agents and their signed-in sessions. */
export interface AgentStore {
  createAgent(agent: Agent): Promise<void>;
  getAgent(id: string): Promise<Agent | undefined>;
  getAgentByUsername(username: string): Promise<Agent | undefined>;
  listAgents(): Promise<Agent[]>;
  updateAgent(agent: Agent): Promise<void>;
  deleteAgent(id: string): Promise<boolean>;

  createSession(session: AgentSession): Promise<void>;
  getSession(tokenHash: string): Promise<AgentSession | undefined>;
  deleteSession(tokenHash: string): Promise<void>;
  deleteSessionsOf(agentId: string): Promise<void>;
}

/** Support tickets. */
export interface TicketStore {
  saveTicket(ticket: Ticket): Promise<void>;
  getTicket(id: string): Promise<Ticket | undefined>;
  listTickets(query?: TicketQuery): Promise<Ticket[]>;
}

/** Append-only logs of what happened (answers, answer feedback, leads, abuse). */
export interface RecordStore {
  /** Appends a record to a named log (answer feedback, leads, audit); newest last. */
  appendRecord(log: string, record: Record<string, unknown>): Promise<void>;
  listRecords(log: string, limit?: number): Promise<Record<string, unknown>[]>;
}

/** The agents' shared canned responses. */
export interface CannedResponseStore {
  /** Creates or replaces a shared canned response (by id). */
  saveCannedResponse(response: CannedResponse): Promise<void>;
  /** Every canned response, by shortcut. */
  listCannedResponses(): Promise<CannedResponse[]>;
  /** Deletes one; false when there was none with that id. */
  deleteCannedResponse(id: string): Promise<boolean>;
}
