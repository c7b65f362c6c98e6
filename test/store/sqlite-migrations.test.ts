import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from '../../adapters/sqlite/sqlite-migrations';
import { SqliteStore } from '../../adapters/sqlite/sqlite-store';

const version = (db: Database.Database) => Number(db.pragma('user_version', { simple: true }));

describe('SQLite schema migrations', () => {
  it('applies the steps a database has not seen, once, and counts them in user_version', () => {
    const db = new Database(':memory:');
    const steps = ['CREATE TABLE a (id TEXT)', 'ALTER TABLE a ADD COLUMN b TEXT'];
    expect(migrate(db, steps.slice(0, 1))).toBe(1);
    expect(version(db)).toBe(1);
    expect(migrate(db, steps)).toBe(2);
    expect(migrate(db, steps)).toBe(2);
    expect(db.prepare('SELECT name FROM pragma_table_info(?)').all('a')).toEqual([
      { name: 'id' },
      { name: 'b' },
    ]);
  });

  it('leaves the database as it was when a step fails', () => {
    const db = new Database(':memory:');
    migrate(db, ['CREATE TABLE a (id TEXT)']);
    expect(() =>
      migrate(db, ['CREATE TABLE a (id TEXT)', 'CREATE TABLE b (id TEXT); SELECT * FROM nowhere']),
    ).toThrow(/nowhere/);
    expect(version(db)).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").all()).toEqual([]);
  });

  it('refuses a database from a newer version of the app, naming both versions', () => {
    const db = new Database(':memory:');
    db.pragma('user_version = 7');
    expect(() => migrate(db, ['SELECT 1'], 'test database')).toThrow(
      /test database is at schema version 7, newer than this app knows \(1\)/,
    );
  });

  it('takes a store file made before versioning as version 1 and keeps its data', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-migrations-'));
    const file = path.join(dir, 'handoff.db');
    try {
      const first = new SqliteStore(file);
      await first.appendRecord('leads', { kind: 'test' });
      await first.close();
      const raw = new Database(file);
      raw.pragma('user_version = 0');
      raw.close();
      const again = new SqliteStore(file);
      expect(await again.listRecords('leads')).toEqual([expect.objectContaining({ kind: 'test' })]);
      await again.close();
      const check = new Database(file);
      expect(version(check)).toBe(1);
      check.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
