import type Database from 'better-sqlite3';
import type { SatisfactionRating } from '../../src/model/satisfaction';
import type { SatisfactionQuery, SatisfactionStore } from '../../src/store/satisfaction-store';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS satisfaction (
  id TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL,
  agent_id TEXT,
  rated_at INTEGER NOT NULL,
  doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS satisfaction_rated_at ON satisfaction (rated_at);
CREATE INDEX IF NOT EXISTS satisfaction_conversation ON satisfaction (conversation_id);
`;

type Row = { doc: string };

/** Ratings in the embedded store's database: one row each, indexed by time and conversation. */
export class SqliteSatisfactionStore implements SatisfactionStore {
  /** `write` runs a change in the store's group commit, so a rating is durable when it resolves. */
  constructor(
    private readonly db: Database.Database,
    private readonly write: <T>(change: () => T) => Promise<T>,
  ) {
    db.exec(SCHEMA);
  }

  async save(rating: SatisfactionRating): Promise<void> {
    await this.write(() =>
      this.db
        .prepare(
          `INSERT INTO satisfaction (id, conversation_id, agent_id, rated_at, doc) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET agent_id = excluded.agent_id, rated_at = excluded.rated_at, doc = excluded.doc`,
        )
        .run(
          rating.id,
          rating.conversationId,
          rating.agentId ?? null,
          rating.ratedAt,
          JSON.stringify(rating),
        ),
    );
  }

  async get(id: string): Promise<SatisfactionRating | undefined> {
    const row = this.db.prepare<[string], Row>('SELECT doc FROM satisfaction WHERE id = ?').get(id);
    return row ? (JSON.parse(row.doc) as SatisfactionRating) : undefined;
  }

  async list(query: SatisfactionQuery = {}): Promise<SatisfactionRating[]> {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (query.conversationId !== undefined) {
      where.push('conversation_id = ?');
      params.push(query.conversationId);
    }
    if (query.agentId !== undefined) {
      where.push('agent_id = ?');
      params.push(query.agentId);
    }
    if (query.since !== undefined) {
      where.push('rated_at >= ?');
      params.push(query.since);
    }
    if (query.until !== undefined) {
      where.push('rated_at < ?');
      params.push(query.until);
    }
    params.push(query.limit ?? 1000);
    const sql = `SELECT doc FROM satisfaction ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY rated_at DESC, id DESC LIMIT ?`;
    return this.db
      .prepare<(string | number)[], Row>(sql)
      .all(...params)
      .map((row) => JSON.parse(row.doc) as SatisfactionRating);
  }
}
