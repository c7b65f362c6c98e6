import { Limits, type LimitName, type LimitRule } from '../../adapters/http/limits';
import { createLogger } from '../../src/logger';
import { createRedisClient } from '../../adapters/redis/redis-connection';
import { TEST_REDIS_URL, uniquePrefix } from '../store/redis-test-prefix';

const rules = (points: number): Record<LimitName, LimitRule> => {
  const names: LimitName[] = [
    'newChatsPerAddress',
    'messagesPerSession',
    'messagesPerAddress',
    'uploadsPerSession',
    'uploadsPerAddress',
    'uploadBytesPerSession',
    'uploadBytesPerAddress',
    'feedbackPerSession',
    'feedbackPerAddress',
    'typingPerSession',
    'typingPerAddress',
    'loginsPerUsername',
    'loginsPerAddress',
  ];
  return Object.fromEntries(names.map((name) => [name, { points, seconds: 60 }])) as Record<
    LimitName,
    LimitRule
  >;
};

describe('limits shared through Redis', () => {
  it('gives two instances one allowance per key, and the allow list skips only per-address limits', async () => {
    const log = createLogger('silent');
    const clients = [
      createRedisClient(TEST_REDIS_URL, log, 'a'),
      createRedisClient(TEST_REDIS_URL, log, 'b'),
    ];
    await Promise.all(clients.map((client) => client.connect()));
    const prefix = uniquePrefix('limits');
    try {
      const [a, b] = clients.map((redis) => new Limits(rules(4), { redis, prefix, allow: ['10.0.0.9'] }));
      const taken: boolean[] = [];
      for (let i = 0; i < 3; i += 1) {
        taken.push(await a!.take('messagesPerSession', 'w_x'));
        taken.push(await b!.take('messagesPerSession', 'w_x'));
      }
      expect(taken).toEqual([true, true, true, true, false, false]);
      expect(await a!.take('messagesPerSession', 'w_other')).toBe(true);
      expect(await a!.take('uploadBytesPerSession', 'w_y', 5)).toBe(false);

      for (let i = 0; i < 6; i += 1) expect(await b!.take('messagesPerAddress', '10.0.0.9')).toBe(true);
      await b!.reset('messagesPerSession', 'w_x');
      expect(await a!.take('messagesPerSession', 'w_x')).toBe(true);
      const keys = await clients[0]!.keys(`${prefix}*`);
      expect(keys.length).toBeGreaterThan(0);
    } finally {
      const keys = await clients[0]!.keys(`${prefix}*`);
      if (keys.length) await clients[0]!.del(keys);
      await Promise.all(clients.map((client) => client.quit()));
    }
  });
});
