import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../../src/logger';
import type { SatisfactionRating } from '../../src/model/satisfaction';
import { createRedisClient } from '../../adapters/redis/redis-connection';
import { RedisStore } from '../../adapters/redis/redis-store';
import { SqliteStore } from '../../adapters/sqlite/sqlite-store';
import type { Store } from '../../src/store/store';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from './redis-test-prefix';

type Opened = { store: Store; peer: Store; cleanup(): Promise<void> };

const DAY = 24 * 3600 * 1000;
const T0 = Date.UTC(2026, 10, 23);

function rating(
  conversationId: string,
  day: number,
  fields: Partial<SatisfactionRating> = {},
): SatisfactionRating {
  const askedAt = T0 + day * DAY;
  return {
    id: `${conversationId}:${askedAt}`,
    conversationId,
    channel: 'web',
    score: 5,
    satisfied: true,
    agentId: 'a_ann',
    agentName: 'Ann',
    askedAt,
    ratedAt: askedAt + 60_000,
    ...fields,
  };
}

/** The satisfaction queries, run against every store implementation. */
function satisfactionContract(name: string, open: () => Promise<Opened>): void {
  describe(`${name} satisfaction ratings`, () => {
    let opened: Opened;
    beforeEach(async () => {
      opened = await open();
    });
    afterEach(async () => {
      await opened.cleanup();
    });

    it('stores a rating, replaces it when the comment follows, and another instance reads it', async () => {
      const first = rating('c1', 0, { score: 2, satisfied: false });
      await opened.store.ratings.save(first);
      await opened.store.ratings.save({ ...first, comment: 'took two days, "too slow", =cmd' });
      expect(await opened.peer.ratings.get(first.id)).toEqual({
        ...first,
        comment: 'took two days, "too slow", =cmd',
      });
      expect(await opened.peer.ratings.list()).toHaveLength(1);
      expect(await opened.store.ratings.get('c1:0')).toBeUndefined();
    });

    it('lists by time range, agent and conversation, newest first, within the limit', async () => {
      await opened.store.ratings.save(rating('c1', 0));
      await opened.store.ratings.save(
        rating('c2', 1, { agentId: 'a_bob', agentName: 'Bob', satisfied: false, score: 1 }),
      );
      await opened.store.ratings.save(rating('c3', 2, { channel: 'sms' }));
      await opened.store.ratings.save(rating('c1', 3, { score: undefined, satisfied: true }));
      const ids = (list: SatisfactionRating[]) => list.map((r) => r.conversationId);

      expect(ids(await opened.store.ratings.list())).toEqual(['c1', 'c3', 'c2', 'c1']);
      expect(ids(await opened.store.ratings.list({ since: T0 + DAY, until: T0 + 3 * DAY }))).toEqual([
        'c3',
        'c2',
      ]);
      expect(ids(await opened.store.ratings.list({ agentId: 'a_bob' }))).toEqual(['c2']);
      expect((await opened.store.ratings.list({ conversationId: 'c1' })).map((r) => r.askedAt)).toEqual([
        T0 + 3 * DAY,
        T0,
      ]);
      expect(ids(await opened.store.ratings.list({ limit: 2 }))).toEqual(['c1', 'c3']);
      expect(await opened.store.ratings.list({ agentId: 'a_nobody' })).toEqual([]);
      expect(await opened.store.ratings.list({ conversationId: 'c9' })).toEqual([]);
    });
  });
}

satisfactionContract('SQLite', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-csat-'));
  const file = path.join(dir, 'handoff.sqlite');
  const store = new SqliteStore(file);
  const peer = new SqliteStore(file);
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

satisfactionContract('Redis', async () => {
  const prefix = uniquePrefix('csat');
  const log = createLogger('silent');
  const connect = async () => {
    const client = createRedisClient(TEST_REDIS_URL, log, 'test');
    await client.connect();
    return new RedisStore({ client, prefix, ownsClient: true });
  };
  const store = await connect();
  const peer = await connect();
  return {
    store,
    peer,
    cleanup: async () => {
      await store.close();
      await peer.close();
      await deleteKeys(prefix);
    },
  };
});
