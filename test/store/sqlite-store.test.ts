import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteStore } from '../../src/store/sqlite-store';
import { storeContract } from './store-contract';

storeContract('SQLite', async (now) => {
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
});
