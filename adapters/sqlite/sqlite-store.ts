import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { ConflictError } from '../../src/errors';
import type { Agent, AgentSession } from '../../src/model/agent';
import type { CannedResponse } from '../../src/model/canned-response';
import type { ChannelName, Conversation } from '../../src/model/conversation';
import type { TranscriptMessage } from '../../src/model/message';
import type { Ticket } from '../../src/model/ticket';
import type {
  AppendedMessage,
  ConversationQuery,
  ConversationSearch,
  NewConversation,
  NewMessage,
  Store,
  TicketQuery,
} from '../../src/store/store';
import { newConversation } from '../../src/store/new-conversation';
import { filterTickets } from '../../src/store/filter-tickets';
import { byShortcut } from '../../src/store/canned-order';
import { GroupCommit } from './group-commit';
import { startWalCheckpointer, type WalCheckpointer } from './wal-checkpointer';
import { ensureMessageSearch, searchSqliteConversations } from './sqlite-conversation-search';
import {
  readAgent,
  readCannedResponse,
  readConversation,
  readMessage,
  readRecord,
  readSession,
  readTicket,
} from '../../src/store/stored-documents';
import { migrate } from './sqlite-migrations';
import { SqliteSatisfactionStore } from './sqlite-satisfaction-store';

/**
 * The schema's versions, oldest first; a change to the schema is a new entry at the end, never an
 * edit of one already released. Version 1 is the schema as it was before versioning, written with
 * IF NOT EXISTS so that a database made then is taken as version 1 unchanged.
 */
const MIGRATIONS: readonly string[] = [
  `
CREATE TABLE IF NOT EXISTS conversations (
  id TEXT PRIMARY KEY,
  channel TEXT NOT NULL,
  conversation_key TEXT NOT NULL,
  mode TEXT NOT NULL,
  agent_id TEXT,
  updated_at INTEGER NOT NULL,
  doc TEXT NOT NULL,
  UNIQUE (channel, conversation_key)
);
CREATE INDEX IF NOT EXISTS conversations_mode ON conversations (mode, updated_at);
CREATE TABLE IF NOT EXISTS messages (
  conversation_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  provider_id TEXT,
  doc TEXT NOT NULL,
  PRIMARY KEY (conversation_id, seq)
);
CREATE INDEX IF NOT EXISTS messages_provider ON messages (provider_id) WHERE provider_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS messages_unsent ON messages (json_extract(doc, '$.delivery.at'))
  WHERE json_extract(doc, '$.delivery.status') = 'pending' AND json_extract(doc, '$.delivery.providerId') IS NULL;
CREATE INDEX IF NOT EXISTS messages_external ON messages (conversation_id, json_extract(doc, '$.externalId'))
  WHERE json_extract(doc, '$.externalId') IS NOT NULL;
CREATE TABLE IF NOT EXISTS dedup (key TEXT PRIMARY KEY, expires_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS agents (id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, doc TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sessions (token_hash TEXT PRIMARY KEY, agent_id TEXT NOT NULL, expires_at INTEGER NOT NULL, doc TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tickets (id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, updated_at INTEGER NOT NULL, doc TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS tickets_customer ON tickets (customer_id, updated_at);
CREATE TABLE IF NOT EXISTS records (id INTEGER PRIMARY KEY AUTOINCREMENT, log TEXT NOT NULL, doc TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS records_log ON records (log, id);
CREATE TABLE IF NOT EXISTS canned_responses (id TEXT PRIMARY KEY, doc TEXT NOT NULL);
`,
];

type Row = { doc: string };

/**
 * The embedded default store: one SQLite file in `DATA_DIR`, so a single machine keeps its
 * conversations across restarts with nothing else to install. better-sqlite3 is synchronous, so
 * every method is atomic within the process without extra locking. Writes are group-committed
 * (see `GroupCommit`): a write resolves once it is committed, with the other writes of its turn.
 */
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly commits: GroupCommit;
  /** Checkpoints the WAL off the event loop; none for an in-memory database. */
  private readonly checkpointer: WalCheckpointer | undefined;
  readonly ratings: SqliteSatisfactionStore;

  /** Opens (or creates) the database; `file` may be `:memory:` for tests. */
  constructor(
    file: string,
    private readonly now: () => number = Date.now,
  ) {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    // A WAL that once grew under a burst is cut back to this size after the next checkpoint.
    this.db.pragma('journal_size_limit = 67108864');
    migrate(this.db, MIGRATIONS, `conversation store ${file}`);
    ensureMessageSearch(this.db);
    this.commits = new GroupCommit(this.db, file);
    this.ratings = new SqliteSatisfactionStore(this.db, (change) => this.commits.write(change));
    if (file !== ':memory:') {
      this.checkpointer = startWalCheckpointer(file, () => {
        if (this.db.open) this.db.pragma('wal_autocheckpoint = 1000');
      });
      this.db.pragma('wal_autocheckpoint = 0');
    }
    // Each SQL text is compiled once and reused: preparing on every call was a visible share of
    // the CPU per bot answer in `npm run bench`. No statement here uses pluck/raw/iterate modes.
    const prepare = this.db.prepare.bind(this.db);
    const statements = new Map<string, Database.Statement>();
    this.db.prepare = ((sql: string) => {
      let statement = statements.get(sql);
      if (!statement) statements.set(sql, (statement = prepare(sql)));
      return statement;
    }) as Database.Database['prepare'];
  }

  async getConversation(id: string): Promise<Conversation | undefined> {
    return this.readConversation(id);
  }

  async findConversation(channel: ChannelName, conversationKey: string): Promise<Conversation | undefined> {
    const row = this.db
      .prepare<[string, string], Row>(
        'SELECT doc FROM conversations WHERE channel = ? AND conversation_key = ?',
      )
      .get(channel, conversationKey);
    return row ? readConversation(row.doc) : undefined;
  }

  async createConversation(input: NewConversation): Promise<Conversation> {
    return this.commits.write((): Conversation => {
      const existing = this.db
        .prepare<[string, string], Row>(
          'SELECT doc FROM conversations WHERE channel = ? AND conversation_key = ?',
        )
        .get(input.ref.channel, input.ref.conversationKey);
      if (existing) return readConversation(existing.doc);
      const conversation = newConversation(input, this.now());
      this.writeConversation(conversation, true);
      return conversation;
    });
  }

  async updateConversation(
    id: string,
    change: (current: Conversation) => Conversation | undefined,
  ): Promise<Conversation | undefined> {
    return this.commits.write((): Conversation | undefined => {
      const current = this.readConversation(id);
      if (!current) return undefined;
      const next = change(current);
      if (!next) return undefined;
      next.updatedAt = Math.max(this.now(), current.updatedAt);
      this.writeConversation(next, false);
      return next;
    });
  }

  async listConversations(query: ConversationQuery = {}): Promise<Conversation[]> {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (query.modes?.length) {
      where.push(`mode IN (${query.modes.map(() => '?').join(',')})`);
      params.push(...query.modes);
    }
    if (query.agentId) {
      where.push('agent_id = ?');
      params.push(query.agentId);
    }
    if (query.channel) {
      where.push('channel = ?');
      params.push(query.channel);
    }
    params.push(query.limit ?? 200);
    const sql = `SELECT doc FROM conversations ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY updated_at DESC LIMIT ?`;
    return this.db
      .prepare<(string | number)[], Row>(sql)
      .all(...params)
      .map((row) => readConversation(row.doc));
  }

  async searchConversations(query: ConversationSearch): Promise<Conversation[]> {
    return searchSqliteConversations(this.db, query);
  }

  async appendMessage(conversationId: string, message: NewMessage): Promise<AppendedMessage> {
    return this.commits.write((): AppendedMessage => {
      const conversation = this.readConversation(conversationId);
      if (!conversation) throw new Error(`conversation ${conversationId} does not exist`);
      const stored: TranscriptMessage = { ...message, conversationId, seq: conversation.lastSeq + 1 };
      this.db
        .prepare('INSERT INTO messages (conversation_id, seq, provider_id, doc) VALUES (?, ?, ?, ?)')
        .run(conversationId, stored.seq, stored.delivery?.providerId ?? null, JSON.stringify(stored));
      conversation.lastSeq = stored.seq;
      conversation.lastMessageAt = stored.createdAt;
      if (stored.author === 'customer') conversation.lastCustomerText = stored.text.slice(0, 200);
      conversation.updatedAt = Math.max(this.now(), conversation.updatedAt);
      this.writeConversation(conversation, false);
      return { message: stored, conversation };
    });
  }

  async getMessages(conversationId: string, afterSeq = 0, limit = 1000): Promise<TranscriptMessage[]> {
    return this.db
      .prepare<[string, number, number], Row>(
        'SELECT doc FROM messages WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?',
      )
      .all(conversationId, afterSeq, limit)
      .map((row) => readMessage(row.doc));
  }

  async updateMessage(
    conversationId: string,
    seq: number,
    patch: Partial<Pick<TranscriptMessage, 'delivery' | 'feedback'>>,
  ): Promise<TranscriptMessage | undefined> {
    return this.commits.write((): TranscriptMessage | undefined => {
      const row = this.db
        .prepare<[string, number], Row>('SELECT doc FROM messages WHERE conversation_id = ? AND seq = ?')
        .get(conversationId, seq);
      if (!row) return undefined;
      const next = { ...readMessage(row.doc), ...patch };
      this.db
        .prepare('UPDATE messages SET doc = ?, provider_id = ? WHERE conversation_id = ? AND seq = ?')
        .run(JSON.stringify(next), next.delivery?.providerId ?? null, conversationId, seq);
      return next;
    });
  }

  async listPendingDeliveries(before: number, limit = 100): Promise<TranscriptMessage[]> {
    return this.db
      .prepare<[number, number], Row>(
        `SELECT doc FROM messages WHERE json_extract(doc, '$.delivery.status') = 'pending'
         AND json_extract(doc, '$.delivery.providerId') IS NULL
         AND json_extract(doc, '$.delivery.at') < ? ORDER BY json_extract(doc, '$.delivery.at') LIMIT ?`,
      )
      .all(before, limit)
      .map((row) => readMessage(row.doc));
  }

  async findMessageByExternalId(
    conversationId: string,
    externalId: string,
  ): Promise<TranscriptMessage | undefined> {
    const row = this.db
      .prepare<[string, string], Row>(
        `SELECT doc FROM messages WHERE conversation_id = ? AND json_extract(doc, '$.externalId') = ?
         AND json_extract(doc, '$.externalId') IS NOT NULL LIMIT 1`,
      )
      .get(conversationId, externalId);
    return row ? readMessage(row.doc) : undefined;
  }

  async findMessageByProviderId(providerId: string): Promise<TranscriptMessage | undefined> {
    const row = this.db
      .prepare<[string], Row>('SELECT doc FROM messages WHERE provider_id = ? LIMIT 1')
      .get(providerId);
    return row ? readMessage(row.doc) : undefined;
  }

  async remember(key: string, ttlMs: number): Promise<boolean> {
    const now = this.now();
    // A claim lives seconds and only keeps other writers out, so it does not wait for the disk:
    // lost in a crash, it is as if it had lapsed.
    return this.commits.stage((): boolean => {
      this.db.prepare('DELETE FROM dedup WHERE key = ? AND expires_at <= ?').run(key, now);
      const result = this.db
        .prepare('INSERT OR IGNORE INTO dedup (key, expires_at) VALUES (?, ?)')
        .run(key, now + ttlMs);
      return result.changes === 1;
    });
  }

  async isRemembered(key: string): Promise<boolean> {
    return (
      this.db.prepare('SELECT 1 FROM dedup WHERE key = ? AND expires_at > ?').get(key, this.now()) !==
      undefined
    );
  }

  async forget(key: string): Promise<void> {
    this.commits.stage(() => this.db.prepare('DELETE FROM dedup WHERE key = ?').run(key));
  }

  async createAgent(agent: Agent): Promise<void> {
    await this.commits.write(() =>
      uniqueUsername(agent.username, () =>
        this.db
          .prepare('INSERT INTO agents (id, username, doc) VALUES (?, ?, ?)')
          .run(agent.id, agent.username, JSON.stringify(agent)),
      ),
    );
  }

  async getAgent(id: string): Promise<Agent | undefined> {
    const row = this.db.prepare<[string], Row>('SELECT doc FROM agents WHERE id = ?').get(id);
    return row ? readAgent(row.doc) : undefined;
  }

  async getAgentByUsername(username: string): Promise<Agent | undefined> {
    const row = this.db.prepare<[string], Row>('SELECT doc FROM agents WHERE username = ?').get(username);
    return row ? readAgent(row.doc) : undefined;
  }

  async listAgents(): Promise<Agent[]> {
    return this.db
      .prepare<[], Row>('SELECT doc FROM agents ORDER BY username')
      .all()
      .map((row) => readAgent(row.doc));
  }

  async updateAgent(agent: Agent): Promise<void> {
    await this.commits.write(() =>
      uniqueUsername(agent.username, () =>
        this.db
          .prepare('UPDATE agents SET username = ?, doc = ? WHERE id = ?')
          .run(agent.username, JSON.stringify(agent), agent.id),
      ),
    );
  }

  async deleteAgent(id: string): Promise<boolean> {
    return this.commits.write((): boolean => {
      const removed = this.db.prepare('DELETE FROM agents WHERE id = ?').run(id).changes === 1;
      this.db.prepare('DELETE FROM sessions WHERE agent_id = ?').run(id);
      return removed;
    });
  }

  async createSession(session: AgentSession): Promise<void> {
    await this.commits.write(() =>
      this.db
        .prepare('INSERT INTO sessions (token_hash, agent_id, expires_at, doc) VALUES (?, ?, ?, ?)')
        .run(session.tokenHash, session.agentId, session.expiresAt, JSON.stringify(session)),
    );
  }

  async getSession(tokenHash: string): Promise<AgentSession | undefined> {
    const row = this.db
      .prepare<[string, number], Row>('SELECT doc FROM sessions WHERE token_hash = ? AND expires_at > ?')
      .get(tokenHash, this.now());
    return row ? readSession(row.doc) : undefined;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.commits.write(() =>
      this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash),
    );
  }

  async deleteSessionsOf(agentId: string): Promise<void> {
    await this.commits.write(() => this.db.prepare('DELETE FROM sessions WHERE agent_id = ?').run(agentId));
  }

  async saveTicket(ticket: Ticket): Promise<void> {
    await this.commits.write(() =>
      this.db
        .prepare(
          'INSERT INTO tickets (id, customer_id, updated_at, doc) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET updated_at = excluded.updated_at, doc = excluded.doc',
        )
        .run(ticket.id, ticket.customerId, ticket.updatedAt, JSON.stringify(ticket)),
    );
  }

  async getTicket(id: string): Promise<Ticket | undefined> {
    const row = this.db.prepare<[string], Row>('SELECT doc FROM tickets WHERE id = ?').get(id);
    return row ? readTicket(row.doc) : undefined;
  }

  async listTickets(query: TicketQuery = {}): Promise<Ticket[]> {
    // A customer's tickets come from the index; the remaining filters are applied in memory.
    const rows = query.customerId
      ? this.db
          .prepare<[string], Row>('SELECT doc FROM tickets WHERE customer_id = ? ORDER BY updated_at DESC')
          .all(query.customerId)
      : this.db.prepare<[], Row>('SELECT doc FROM tickets ORDER BY updated_at DESC').all();
    return filterTickets(
      rows.map((row) => readTicket(row.doc)),
      query,
    );
  }

  async appendRecord(log: string, record: Record<string, unknown>): Promise<void> {
    await this.commits.write(() =>
      this.db.prepare('INSERT INTO records (log, doc) VALUES (?, ?)').run(log, JSON.stringify(record)),
    );
  }

  async listRecords(log: string, limit = 1000): Promise<Record<string, unknown>[]> {
    return this.db
      .prepare<[string, number], Row>('SELECT doc FROM records WHERE log = ? ORDER BY id DESC LIMIT ?')
      .all(log, limit)
      .map((row) => readRecord(row.doc))
      .reverse();
  }

  async saveCannedResponse(response: CannedResponse): Promise<void> {
    await this.commits.write(() => {
      this.db
        .prepare(
          'INSERT INTO canned_responses (id, doc) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc',
        )
        .run(response.id, JSON.stringify(response));
    });
  }

  async listCannedResponses(): Promise<CannedResponse[]> {
    return byShortcut(
      this.db
        .prepare<[], Row>('SELECT doc FROM canned_responses')
        .all()
        .map((row) => readCannedResponse(row.doc)),
    );
  }

  async deleteCannedResponse(id: string): Promise<boolean> {
    return this.commits.write(
      () => this.db.prepare('DELETE FROM canned_responses WHERE id = ?').run(id).changes > 0,
    );
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    await this.checkpointer?.stop();
    if (!this.db.open) return;
    this.commits.close();
    this.db.close();
  }

  private readConversation(id: string): Conversation | undefined {
    const row = this.db.prepare<[string], Row>('SELECT doc FROM conversations WHERE id = ?').get(id);
    return row ? readConversation(row.doc) : undefined;
  }

  private writeConversation(conversation: Conversation, insert: boolean): void {
    const doc = JSON.stringify(conversation);
    if (insert) {
      this.db
        .prepare(
          'INSERT INTO conversations (id, channel, conversation_key, mode, agent_id, updated_at, doc) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          conversation.id,
          conversation.ref.channel,
          conversation.ref.conversationKey,
          conversation.mode,
          conversation.assignedAgentId ?? null,
          conversation.updatedAt,
          doc,
        );
    } else {
      this.db
        .prepare('UPDATE conversations SET mode = ?, agent_id = ?, updated_at = ?, doc = ? WHERE id = ?')
        .run(
          conversation.mode,
          conversation.assignedAgentId ?? null,
          conversation.updatedAt,
          doc,
          conversation.id,
        );
    }
  }
}

/** Runs a write that may break the unique username rule, reporting that as a `ConflictError`. */
function uniqueUsername(username: string, write: () => unknown): void {
  try {
    write();
  } catch (error) {
    if ((error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
      throw new ConflictError(`Agent ${username} already exists`);
    }
    throw error;
  }
}
