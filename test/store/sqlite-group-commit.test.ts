import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConflictError } from '../../src/errors';
import { SqliteStore } from '../../adapters/sqlite/sqlite-store';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The embedded store commits the writes of one event-loop turn together; these check what that
// must never change: a resolved write is on disk, and one failing write takes nothing else down.
describe('SQLite group commit', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-commit-'));
    file = path.join(dir, 'handoff.sqlite');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** What another process would read from the file right now. */
  function countOnDisk(sql: string): number {
    const reader = new Database(file, { readonly: true });
    try {
      return (reader.prepare(sql).get() as { n: number }).n;
    } finally {
      reader.close();
    }
  }

  it('has every write on disk once its promise resolves, and none before the batch commits', async () => {
    const store = new SqliteStore(file);
    await store.createConversation({
      id: 'c1',
      ref: { channel: 'web', conversationKey: 'k1', customerId: 'k1' },
      profile: {},
    });
    const writes = Array.from({ length: 20 }, (_, i) =>
      store.appendMessage('c1', { author: 'customer', text: `message ${i}`, createdAt: i }),
    );
    expect(countOnDisk('SELECT count(*) AS n FROM messages')).toBe(0);
    const stored = await Promise.all(writes);
    expect(stored.map((m) => m.message.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(countOnDisk('SELECT count(*) AS n FROM messages')).toBe(20);
    await store.close();
  });

  it('rejects only the write that failed; the rest of its batch is committed', async () => {
    const store = new SqliteStore(file);
    await store.createAgent({
      id: 'a1',
      username: 'zoe',
      displayName: 'Zoe',
      role: 'agent',
      passwordHash: 'x',
      createdAt: 0,
    });
    const results = await Promise.allSettled([
      store.appendRecord('leads', { n: 1 }),
      store.createAgent({
        id: 'a2',
        username: 'zoe',
        displayName: 'Zoe 2',
        role: 'agent',
        passwordHash: 'x',
        createdAt: 0,
      }),
      store.appendRecord('leads', { n: 2 }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    expect(countOnDisk("SELECT count(*) AS n FROM records WHERE log = 'leads'")).toBe(2);
    expect(countOnDisk('SELECT count(*) AS n FROM agents')).toBe(1);
    await store.close();
  });

  it('copies the write-ahead log into the database file from its own thread', async () => {
    const store = new SqliteStore(file);
    const before = fs.statSync(file).size;
    await Promise.all(
      Array.from({ length: 500 }, (_, i) => store.appendRecord('audit', { i, pad: 'x'.repeat(200) })),
    );
    // The app's connection never checkpoints by itself, so only the checkpointer can grow the file.
    const deadline = Date.now() + 5000;
    while (fs.statSync(file).size === before && Date.now() < deadline) await sleep(50);
    expect(fs.statSync(file).size).toBeGreaterThan(before + 100_000);
    await store.close();
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('commits a batch still open when the store is closed', async () => {
    const store = new SqliteStore(file);
    const write = store.appendRecord('audit', { what: 'last words' });
    await store.close();
    await write;
    const reopened = new SqliteStore(file);
    expect(await reopened.listRecords('audit')).toEqual([{ what: 'last words' }]);
    await reopened.close();
  });
});
