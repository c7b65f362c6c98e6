import path from 'node:path';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createRedisClient } from '../../adapters/redis/redis-connection';
import { RedisStore } from '../../adapters/redis/redis-store';
import { SqliteStore } from '../../adapters/sqlite/sqlite-store';
import type { Store } from '../../src/store/store';

/** Opens the store the server uses: Redis when REDIS_URL is set, else the SQLite file in DATA_DIR. */
export async function openStore(clientName: string): Promise<Store> {
  const config = loadConfig();
  if (config.REDIS_URL) {
    const client = createRedisClient(config.REDIS_URL, createLogger('warn'), clientName);
    await client.connect();
    return new RedisStore({ client, prefix: config.REDIS_PREFIX, ownsClient: true });
  }
  return new SqliteStore(path.join(config.DATA_DIR, 'handoff.sqlite'));
}
