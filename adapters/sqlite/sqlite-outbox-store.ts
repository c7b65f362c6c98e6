import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { OutboxEntry, OutboxStore, QueuedEntry } from '../../src/delivery/outbox-store';
import { readQueuedEntry } from '../../src/store/stored-documents';

type Row = { doc: string };

/** The outbox of a single instance: a table in its own SQLite file next to the embedded store. */
export class SqliteOutboxStore<E extends QueuedEntry = OutboxEntry> implements OutboxStore<E> {
  private readonly db: Database.Database;

  /** Opens (or creates) the outbox; `file` may be `:memory:` for tests. */
  constructor(file: string) {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS outbox (key TEXT PRIMARY KEY, next_at INTEGER NOT NULL, doc TEXT NOT NULL); CREATE INDEX IF NOT EXISTS outbox_due ON outbox (next_at);',
    );
  }

  async add(entry: E): Promise<boolean> {
    const result = this.db
      .prepare('INSERT OR IGNORE INTO outbox (key, next_at, doc) VALUES (?, ?, ?)')
      .run(entry.key, entry.nextAt, JSON.stringify(entry));
    return result.changes === 1;
  }

  async take(key: string, now: number, leaseMs: number): Promise<E | undefined> {
    return this.db.transaction(() => {
      const row = this.db
        .prepare<[string, number], Row>('SELECT doc FROM outbox WHERE key = ? AND next_at <= ?')
        .get(key, now);
      if (!row) return undefined;
      this.db.prepare('UPDATE outbox SET next_at = ? WHERE key = ?').run(now + leaseMs, key);
      return readQueuedEntry<E>(row.doc);
    })();
  }

  async takeDue(now: number, leaseMs: number, limit: number): Promise<E[]> {
    return this.db.transaction(() => {
      const rows = this.db
        .prepare<[number, number], Row & { key: string }>(
          'SELECT key, doc FROM outbox WHERE next_at <= ? ORDER BY next_at LIMIT ?',
        )
        .all(now, limit);
      const lease = this.db.prepare('UPDATE outbox SET next_at = ? WHERE key = ?');
      for (const row of rows) lease.run(now + leaseMs, row.key);
      return rows.map((row) => readQueuedEntry<E>(row.doc));
    })();
  }

  async retryLater(entry: E): Promise<void> {
    this.db
      .prepare('UPDATE outbox SET next_at = ?, doc = ? WHERE key = ?')
      .run(entry.nextAt, JSON.stringify(entry), entry.key);
  }

  async remove(key: string): Promise<void> {
    this.db.prepare('DELETE FROM outbox WHERE key = ?').run(key);
  }

  async size(): Promise<number> {
    return this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM outbox').get()?.n ?? 0;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
