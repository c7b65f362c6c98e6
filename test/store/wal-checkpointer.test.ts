import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startWalCheckpointer } from '../../adapters/sqlite/wal-checkpointer';
import { waitFor } from '../support/wait-for';

describe('WAL checkpointer', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-wal-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('copies committed pages from the write-ahead log into the database file beside the app', async () => {
    const file = path.join(dir, 'data.sqlite');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    // As the store does: no checkpoint inside the app's commits, only the thread's.
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)');
    const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 2000; i += 1) insert.run('x'.repeat(200));
    })();
    const before = fs.statSync(file).size;
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(before);

    const failures: unknown[] = [];
    const checkpointer = startWalCheckpointer(file, (error) => failures.push(error));
    await waitFor(() => fs.statSync(file).size > before, 10_000);
    await checkpointer.stop();
    expect(failures).toEqual([]);
    // The app's connection still reads and writes after the thread closed its own.
    insert.run('after');
    expect(db.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 2001 });
    db.close();
  });

  it('tells the caller when the thread cannot run, so the store can fall back', async () => {
    const failures: unknown[] = [];
    const missing = path.join(dir, 'no-such-folder', 'data.sqlite');
    const checkpointer = startWalCheckpointer(missing, (error) => failures.push(error));
    await waitFor(() => failures.length > 0, 10_000);
    expect(String(failures[0])).toMatch(/directory does not exist|unable to open/i);
    await checkpointer.stop();
  });
});
