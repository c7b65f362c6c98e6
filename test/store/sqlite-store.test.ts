import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteStore } from '../../adapters/sqlite/sqlite-store';
import { searchContract } from './search-contract';
import { storeContract, type OpenStore } from './store-contract';

const openSqlite: OpenStore = async (now) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-store-'));
  const file = path.join(dir, 'handoff.sqlite');
  const store = new SqliteStore(file, now);
  const peer = new SqliteStore(file, now);
  return {
    store,
    peer,
    cleanup: async () => {
      await store.close();
      await peer.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
};

storeContract('SQLite', openSqlite);
searchContract('SQLite', openSqlite);

describe('SQLite transcript index', () => {
  it('indexes the messages of a database made before the index existed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-store-'));
    const file = path.join(dir, 'handoff.sqlite');
    const before = new SqliteStore(file);
    await before.createConversation({
      id: 'old',
      ref: { channel: 'web', conversationKey: 'k', customerId: 'k' },
      profile: {},
    });
    await before.appendMessage('old', { author: 'customer', text: 'an older transcript line', createdAt: 1 });
    await before.close();
    // What a database from before the index looks like: no index table, no trigger.
    const raw = new Database(file);
    raw.exec('DROP TRIGGER message_words_insert; DROP TABLE message_words;');
    raw.close();
    const after = new SqliteStore(file);
    expect((await after.searchConversations({ text: 'older' })).map((c) => c.id)).toEqual(['old']);
    await after.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
