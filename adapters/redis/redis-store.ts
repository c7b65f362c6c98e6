import { ConflictError } from '../../src/errors';
import type { Agent, AgentSession } from '../../src/model/agent';
import type { CannedResponse } from '../../src/model/canned-response';
import { byShortcut } from '../../src/store/canned-order';
import type { ChannelName, Conversation } from '../../src/model/conversation';
import type { TranscriptMessage } from '../../src/model/message';
import type { Ticket } from '../../src/model/ticket';
import { filterTickets } from '../../src/store/filter-tickets';
import { newConversation } from '../../src/store/new-conversation';
import type { RedisClient } from './redis-connection';
import { RedisConversationSearch } from './redis-conversation-search';
import { RedisSatisfactionStore } from './redis-satisfaction-store';
import {
  APPEND_MESSAGE,
  CREATE_CONVERSATION,
  SAVE_AGENT,
  UPDATE_CONVERSATION,
  UPDATE_MESSAGE,
} from './redis-scripts';
import type {
  AppendedMessage,
  ConversationQuery,
  ConversationSearch,
  NewConversation,
  NewMessage,
  Store,
  TicketQuery,
} from '../../src/store/store';
import {
  checkConversation,
  readAgent,
  readCannedResponse,
  readMessage,
  readRecord,
  readSession,
  readTicket,
} from '../../src/store/stored-documents';

/** The conversation fields kept as their own hash fields rather than inside `doc`. */
type Bookkeeping = Pick<Conversation, (typeof BOOKKEEPING_FIELDS)[number]>;

const BOOKKEEPING_FIELDS = ['lastSeq', 'updatedAt', 'lastMessageAt', 'lastCustomerText'] as const;

/** Options of the Redis store. */
export interface RedisStoreOptions {
  client: RedisClient;
  /** Every key starts with it, so several deployments (or tests) share one Redis. */
  prefix: string;
  now?: () => number;
  /** Close the client in `close()` (true when the store made it for itself). */
  ownsClient?: boolean;
}

/**
 * The shared store for several instances: the same contract as the embedded SQLite store, kept
 * in one Redis. Multi-key steps run as Lua scripts (atomic in Redis); `updateConversation` is a
 * compare-and-set on a version field, retried while another instance wins, so a claim made on
 * two instances at once has exactly one winner.
 */
export class RedisStore implements Store {
  private readonly client: RedisClient;
  private readonly p: string;
  private readonly now: () => number;
  private readonly search: RedisConversationSearch;
  readonly ratings: RedisSatisfactionStore;

  constructor(private readonly options: RedisStoreOptions) {
    this.client = options.client;
    this.p = options.prefix;
    this.now = options.now ?? Date.now;
    this.ratings = new RedisSatisfactionStore(this.client, (kind, id) => this.key(kind, id));
    this.search = new RedisConversationSearch(
      this.client,
      (kind, id) => this.key(kind, id),
      (id) => this.getConversation(id),
    );
  }

  async getConversation(id: string): Promise<Conversation | undefined> {
    const fields = await this.client.hGetAll(this.key('conv', id));
    return fields.doc === undefined ? undefined : assemble(fields);
  }

  async findConversation(channel: ChannelName, conversationKey: string): Promise<Conversation | undefined> {
    const id = await this.client.get(this.key('convkey', `${channel}:${conversationKey}`));
    return id === null ? undefined : this.getConversation(id);
  }

  async createConversation(input: NewConversation): Promise<Conversation> {
    const conversation = newConversation(input, this.now());
    const stored = (await CREATE_CONVERSATION.run(this.client, [
      this.p,
      conversation.id,
      conversation.ref.channel,
      conversation.ref.conversationKey,
      JSON.stringify(withoutBookkeeping(conversation)),
      conversation.mode,
      conversation.assignedAgentId ?? '',
      conversation.updatedAt,
      conversation.lastSeq,
      conversation.lastMessageAt ?? '',
      conversation.lastCustomerText === undefined ? '0' : '1',
      conversation.lastCustomerText ?? '',
    ])) as string;
    if (stored === conversation.id) return conversation;
    const existing = await this.getConversation(stored);
    if (!existing) throw new Error(`conversation ${stored} is indexed but missing`);
    return existing;
  }

  async updateConversation(
    id: string,
    change: (current: Conversation) => Conversation | undefined,
  ): Promise<Conversation | undefined> {
    for (;;) {
      const fields = await this.client.hGetAll(this.key('conv', id));
      if (fields.doc === undefined || fields.version === undefined) return undefined;
      const next = change(assemble(fields));
      if (!next) return undefined;
      const reply = (await UPDATE_CONVERSATION.run(this.client, [
        this.p,
        id,
        fields.version,
        JSON.stringify(withoutBookkeeping(next)),
        next.mode,
        next.assignedAgentId ?? '',
        this.now(),
      ])) as [number, (string | null)[]?];
      if (reply[0] === -1) return undefined;
      if (reply[0] === 0) continue; // another writer got there first: read again and re-apply
      const [updatedAt, lastSeq, lastMessageAt, lastCustomerText] = reply[1] ?? [];
      return {
        ...next,
        ...bookkeeping({ updatedAt, lastSeq, lastMessageAt, lastCustomerText }),
      };
    }
  }

  async listConversations(query: ConversationQuery = {}): Promise<Conversation[]> {
    const limit = query.limit ?? 200;
    const indexes = query.agentId
      ? [this.key('convs', `agent:${query.agentId}`)]
      : query.modes?.length
        ? query.modes.map((mode) => this.key('convs', `mode:${mode}`))
        : [this.key('convs', query.channel ? `channel:${query.channel}` : 'all')];
    // An index answers the query alone when it is one set and no other filter applies.
    const exact = indexes.length === 1 && !(query.agentId && (query.modes?.length || query.channel));
    const stop = exact && !(query.modes?.length && query.channel) ? limit - 1 : -1;
    const ids = new Set(
      (await Promise.all(indexes.map((k) => this.client.zRange(k, 0, stop, { REV: true })))).flat(),
    );
    const conversations = await Promise.all([...ids].map((id) => this.getConversation(id)));
    return conversations
      .filter((c): c is Conversation => c !== undefined)
      .filter(
        (c) =>
          (!query.modes?.length || query.modes.includes(c.mode)) &&
          (!query.agentId || c.assignedAgentId === query.agentId) &&
          (!query.channel || c.ref.channel === query.channel),
      )
      .sort((a, b) => b.updatedAt - a.updatedAt)
      .slice(0, limit);
  }

  async searchConversations(query: ConversationSearch): Promise<Conversation[]> {
    return this.search.search(query);
  }

  async appendMessage(conversationId: string, message: NewMessage): Promise<AppendedMessage> {
    // Drop a stray `seq` so the script's own number is the only one in the JSON.
    const body: Record<string, unknown> = { ...message };
    delete body.seq;
    const json = JSON.stringify({ ...body, conversationId });
    const seq = (await APPEND_MESSAGE.run(this.client, [
      this.p,
      conversationId,
      json,
      message.createdAt,
      message.author === 'customer' ? '1' : '0',
      message.text.slice(0, 200),
      message.delivery?.providerId ?? '',
      this.now(),
      isUnsent(message.delivery) ? message.delivery.at : '',
      message.externalId ?? '',
    ])) as number | null;
    if (seq === null) throw new Error(`conversation ${conversationId} does not exist`);
    // The word index is written alongside the read that follows: no extra round trip per message.
    const [conversation] = await Promise.all([
      this.getConversation(conversationId),
      this.search.index(conversationId, message.text),
    ]);
    if (!conversation) throw new Error(`conversation ${conversationId} does not exist`);
    return { message: { ...message, conversationId, seq }, conversation };
  }

  async getMessages(conversationId: string, afterSeq = 0, limit = 1000): Promise<TranscriptMessage[]> {
    const lastSeq = Number((await this.client.hGet(this.key('conv', conversationId), 'lastSeq')) ?? 0);
    const last = Math.min(lastSeq, afterSeq + limit);
    if (last <= afterSeq) return [];
    const seqs = Array.from({ length: last - afterSeq }, (_, i) => String(afterSeq + 1 + i));
    return messagesOf(await this.client.hmGet(this.key('msgs', conversationId), seqs));
  }

  async updateMessage(
    conversationId: string,
    seq: number,
    patch: Partial<Pick<TranscriptMessage, 'delivery' | 'feedback'>>,
  ): Promise<TranscriptMessage | undefined> {
    for (;;) {
      const current = await this.client.hGet(this.key('msgs', conversationId), String(seq));
      if (current === null) return undefined;
      const next: TranscriptMessage = { ...readMessage(current), ...patch };
      const written = await UPDATE_MESSAGE.run(this.client, [
        this.p,
        conversationId,
        seq,
        current,
        JSON.stringify(next),
        next.delivery?.providerId ?? '',
        isUnsent(next.delivery) ? '1' : '0',
      ]);
      if (written === 1) return next;
    }
  }

  async listPendingDeliveries(before: number, limit = 100): Promise<TranscriptMessage[]> {
    const members = await this.client.zRangeByScore(this.key('pending'), '-inf', `(${before}`, {
      LIMIT: { offset: 0, count: limit },
    });
    // Sent together: node-redis pipelines commands issued in the same tick.
    const docs = await Promise.all(
      members.map((member) => {
        const split = member.lastIndexOf(' ');
        return this.client.hGet(this.key('msgs', member.slice(0, split)), member.slice(split + 1));
      }),
    );
    return messagesOf(docs);
  }

  async findMessageByExternalId(
    conversationId: string,
    externalId: string,
  ): Promise<TranscriptMessage | undefined> {
    const seq = await this.client.hGet(this.key('external', conversationId), externalId);
    if (seq === null) return undefined;
    const doc = await this.client.hGet(this.key('msgs', conversationId), seq);
    return doc === null ? undefined : readMessage(doc);
  }

  async findMessageByProviderId(providerId: string): Promise<TranscriptMessage | undefined> {
    const where = await this.client.get(this.key('provider', providerId));
    if (where === null) return undefined;
    const split = where.lastIndexOf(' ');
    const doc = await this.client.hGet(this.key('msgs', where.slice(0, split)), where.slice(split + 1));
    return doc === null ? undefined : readMessage(doc);
  }

  async remember(key: string, ttlMs: number): Promise<boolean> {
    const reply = await this.client.set(this.key('dedup', key), '1', {
      condition: 'NX',
      expiration: { type: 'PX', value: Math.max(1, Math.ceil(ttlMs)) },
    });
    return reply === 'OK';
  }

  async isRemembered(key: string): Promise<boolean> {
    return (await this.client.exists(this.key('dedup', key))) === 1;
  }

  async forget(key: string): Promise<void> {
    await this.client.del(this.key('dedup', key));
  }

  async createAgent(agent: Agent): Promise<void> {
    try {
      await SAVE_AGENT.run(this.client, [this.p, agent.id, agent.username, JSON.stringify(agent), 'create']);
    } catch (error) {
      // Two instances adding the same agent at once (first start): the loser sees a conflict.
      if (error instanceof Error && /already/.test(error.message)) {
        throw new ConflictError(`Agent ${agent.username} already exists`);
      }
      throw error;
    }
  }

  async getAgent(id: string): Promise<Agent | undefined> {
    const doc = await this.client.hGet(this.key('agents'), id);
    return doc === null ? undefined : readAgent(doc);
  }

  async getAgentByUsername(username: string): Promise<Agent | undefined> {
    const id = await this.client.hGet(this.key('agent-names'), username);
    return id === null ? undefined : this.getAgent(id);
  }

  async listAgents(): Promise<Agent[]> {
    const docs = await this.client.hVals(this.key('agents'));
    return docs
      .map((doc) => readAgent(doc))
      .sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0));
  }

  async updateAgent(agent: Agent): Promise<void> {
    try {
      await SAVE_AGENT.run(this.client, [this.p, agent.id, agent.username, JSON.stringify(agent), 'update']);
    } catch (error) {
      if (error instanceof Error && /already/.test(error.message)) {
        throw new ConflictError(`Agent ${agent.username} already exists`);
      }
      throw error;
    }
  }

  async deleteAgent(id: string): Promise<boolean> {
    const username = await this.client.hGet(this.key('agent-name-of'), id);
    const removed = (await this.client.hDel(this.key('agents'), id)) === 1;
    if (username !== null) {
      await this.client.hDel(this.key('agent-names'), username);
      await this.client.hDel(this.key('agent-name-of'), id);
    }
    await this.deleteSessionsOf(id);
    return removed;
  }

  async createSession(session: AgentSession): Promise<void> {
    const ttl = session.expiresAt - this.now();
    if (ttl <= 0) return; // already expired: getSession would not return it anyway
    await this.client.set(this.key('session', session.tokenHash), JSON.stringify(session), {
      expiration: { type: 'PX', value: Math.ceil(ttl) },
    });
    await this.client.sAdd(this.key('agent-sessions', session.agentId), session.tokenHash);
  }

  async getSession(tokenHash: string): Promise<AgentSession | undefined> {
    const doc = await this.client.get(this.key('session', tokenHash));
    if (doc === null) return undefined;
    const session = readSession(doc);
    return session.expiresAt > this.now() ? session : undefined;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.client.del(this.key('session', tokenHash));
  }

  async deleteSessionsOf(agentId: string): Promise<void> {
    const setKey = this.key('agent-sessions', agentId);
    const hashes = await this.client.sMembers(setKey);
    if (hashes.length) await this.client.del(hashes.map((hash) => this.key('session', hash)));
    await this.client.del(setKey);
  }

  async saveTicket(ticket: Ticket): Promise<void> {
    await this.client.hSet(this.key('tickets'), ticket.id, JSON.stringify(ticket));
  }

  async getTicket(id: string): Promise<Ticket | undefined> {
    const doc = await this.client.hGet(this.key('tickets'), id);
    return doc === null ? undefined : readTicket(doc);
  }

  async listTickets(query: TicketQuery = {}): Promise<Ticket[]> {
    const tickets = (await this.client.hVals(this.key('tickets'))).map((doc) => readTicket(doc));
    return filterTickets(
      tickets.sort((a, b) => b.updatedAt - a.updatedAt),
      query,
    );
  }

  async appendRecord(log: string, record: Record<string, unknown>): Promise<void> {
    await this.client.rPush(this.key('records', log), JSON.stringify(record));
  }

  async listRecords(log: string, limit = 1000): Promise<Record<string, unknown>[]> {
    const docs = await this.client.lRange(this.key('records', log), -limit, -1);
    return docs.map((doc) => readRecord(doc));
  }

  async saveCannedResponse(response: CannedResponse): Promise<void> {
    await this.client.hSet(this.key('canned'), response.id, JSON.stringify(response));
  }

  async listCannedResponses(): Promise<CannedResponse[]> {
    const docs = Object.values(await this.client.hGetAll(this.key('canned')));
    return byShortcut(docs.map((doc) => readCannedResponse(doc)));
  }

  async deleteCannedResponse(id: string): Promise<boolean> {
    return (await this.client.hDel(this.key('canned'), id)) > 0;
  }

  async close(): Promise<void> {
    if (this.options.ownsClient && this.client.isOpen) await this.client.close();
  }

  private key(kind: string, id?: string): string {
    return id === undefined ? `${this.p}${kind}` : `${this.p}${kind}:${id}`;
  }
}

function withoutBookkeeping(conversation: Conversation): Partial<Conversation> {
  const rest: Partial<Conversation> = { ...conversation };
  for (const field of BOOKKEEPING_FIELDS) delete rest[field];
  return rest;
}

function bookkeeping(fields: Record<string, string | null | undefined>): Bookkeeping {
  return {
    lastSeq: Number(fields.lastSeq ?? 0),
    updatedAt: Number(fields.updatedAt ?? 0),
    ...(fields.lastMessageAt != null && { lastMessageAt: Number(fields.lastMessageAt) }),
    ...(fields.lastCustomerText != null && { lastCustomerText: fields.lastCustomerText }),
  };
}

function assemble(fields: Record<string, string>): Conversation {
  return checkConversation({ ...readRecord(fields.doc ?? '{}'), ...bookkeeping(fields) });
}

/** Transcript messages from their stored JSON, skipping the ones that are gone. */
function messagesOf(docs: (string | null)[]): TranscriptMessage[] {
  return docs.filter((doc): doc is string => doc !== null).map((doc) => readMessage(doc));
}

/** Pending and not yet accepted by any provider (no provider id): what a redelivery sweep looks for. */
function isUnsent(
  delivery: TranscriptMessage['delivery'],
): delivery is NonNullable<TranscriptMessage['delivery']> {
  return delivery?.status === 'pending' && delivery.providerId === undefined;
}
