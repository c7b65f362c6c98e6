import { createRedisClient, type RedisClient } from '../../adapters/redis/redis-connection';
import { RedisStore } from '../../adapters/redis/redis-store';
import { createLogger } from '../../src/logger';
import { searchContract } from './search-contract';
import { storeContract, type OpenStore } from './store-contract';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from './redis-test-prefix';

const log = createLogger('silent');

async function openStore(prefix: string, now?: () => number): Promise<RedisStore> {
  const client: RedisClient = createRedisClient(TEST_REDIS_URL, log, 'test');
  await client.connect();
  return new RedisStore({ client, prefix, ownsClient: true, ...(now && { now }) });
}

const openRedis: OpenStore = async (now) => {
  const prefix = uniquePrefix('store');
  const store = await openStore(prefix, now);
  const peer = await openStore(prefix, now);
  return {
    store,
    peer,
    cleanup: async () => {
      await store.close();
      await peer.close();
      await deleteKeys(prefix);
    },
  };
};

storeContract('Redis', openRedis);
searchContract('Redis', openRedis);

describe('Redis store isolation', () => {
  it('keeps deployments with different prefixes apart and leaves nothing outside its prefix', async () => {
    const [prefixA, prefixB] = [uniquePrefix('iso-a'), uniquePrefix('iso-b')];
    const a = await openStore(prefixA);
    const b = await openStore(prefixB);
    try {
      const ref = { channel: 'web' as const, conversationKey: 'same-key', customerId: 'x' };
      await a.createConversation({ id: 'ca', ref, profile: {} });
      await a.appendMessage('ca', { author: 'customer', text: 'only in A', createdAt: 1 });
      expect(await a.remember('in:sms:SM1', 60_000)).toBe(true);

      expect(await b.findConversation('web', 'same-key')).toBeUndefined();
      expect(await b.listConversations()).toEqual([]);
      expect(await b.remember('in:sms:SM1', 60_000)).toBe(true);
      const created = await b.createConversation({ id: 'cb', ref, profile: {} });
      expect(created.id).toBe('cb');
      expect((await a.findConversation('web', 'same-key'))?.id).toBe('ca');
    } finally {
      await a.close();
      await b.close();
    }
    expect(await deleteKeys(prefixA)).toBeGreaterThan(0);
    expect(await deleteKeys(prefixB)).toBeGreaterThan(0);
    expect(await deleteKeys(prefixA)).toBe(0);
  });
});
