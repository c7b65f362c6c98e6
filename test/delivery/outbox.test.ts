import type { Channel, SendResult } from '../../src/channels/channel';
import { Outbox } from '../../src/delivery/outbox';
import type { OutboxEntry, OutboxStore } from '../../src/delivery/outbox-store';
import { RedisOutboxStore } from '../../adapters/redis/redis-outbox-store';
import { SqliteOutboxStore } from '../../adapters/sqlite/sqlite-outbox-store';
import { ChannelError } from '../../src/errors';
import { createLogger } from '../../src/logger';
import type { Delivery, TranscriptMessage } from '../../src/model/message';
import { createRedisClient, type RedisClient } from '../../adapters/redis/redis-connection';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../store/redis-test-prefix';

const log = createLogger('silent');
const ref = { channel: 'telegram' as const, conversationKey: '42', customerId: '42' };
const message = (seq: number): TranscriptMessage => ({
  conversationId: 'c1',
  seq,
  author: 'agent',
  text: `reply ${seq}`,
  createdAt: 1,
  delivery: { status: 'pending', at: 1 },
});

/** A provider that fails the first `failures` calls per message, then accepts. */
function provider(failures: number, error = () => new ChannelError('Telegram is down', 502, true)) {
  const accepted: string[] = [];
  const calls = new Map<string, number>();
  const channel: Channel = {
    name: 'telegram',
    capabilities: { typing: false, quickReplies: false, attachments: false },
    send: async (_ref, m): Promise<SendResult> => {
      const key = `${m.conversationId}:${m.seq}`;
      const n = (calls.get(key) ?? 0) + 1;
      calls.set(key, n);
      if (n <= failures) throw error();
      accepted.push(m.text);
      return { status: 'sent', providerId: `42:${m.seq}` };
    },
  };
  return { channel, accepted, calls };
}

type OpenOutboxStore = () => Promise<{ store: OutboxStore; second: OutboxStore; cleanup(): Promise<void> }>;

function outboxContract(name: string, open: OpenOutboxStore): void {
  describe(`durable outbox on ${name}`, () => {
    let opened: Awaited<ReturnType<OpenOutboxStore>>;
    let clock: number;
    let settled: { entry: OutboxEntry; delivery: Delivery }[];
    const outboxOn = (store: OutboxStore, leaseMs = 60_000) =>
      new Outbox({
        store,
        log,
        now: () => clock,
        leaseMs,
        retry: { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 10_000 },
        onSettled: async (entry, delivery) => void settled.push({ entry, delivery }),
      });
    beforeEach(async () => {
      opened = await open();
      clock = 1_000_000;
      settled = [];
    });
    afterEach(async () => {
      await opened.cleanup();
    });

    it('sends at once and keeps nothing when the provider accepts', async () => {
      const { channel, accepted } = provider(0);
      const outbox = outboxOn(opened.store);
      const result = await outbox.wrap(channel).send(ref, message(1));
      expect(result).toEqual({ status: 'sent', providerId: '42:1' });
      expect(accepted).toEqual(['reply 1']);
      expect(await opened.store.size()).toBe(0);
    });

    it('retries a provider error with backoff until it goes through, exactly once', async () => {
      const { channel, accepted, calls } = provider(2);
      const outbox = outboxOn(opened.store);
      expect(await outbox.wrap(channel).send(ref, message(1))).toEqual({ status: 'pending' });
      expect(await outbox.flush()).toBe(0); // not due yet: backoff
      clock += 60_000;
      expect(await outbox.flush()).toBe(1); // second attempt fails too
      expect(settled).toEqual([]);
      clock += 60_000;
      await outbox.flush();
      expect(accepted).toEqual(['reply 1']);
      expect(calls.get('c1:1')).toBe(3);
      expect(settled.map((s) => s.delivery)).toEqual([{ status: 'sent', providerId: '42:1', at: clock }]);
      clock += 60_000;
      expect(await outbox.flush()).toBe(0);
      expect(await opened.store.size()).toBe(0);
    });

    it('gives up on a refusal that cannot succeed, and after the last attempt', async () => {
      const refused = provider(99, () => new ChannelError('Forbidden: bot was blocked', 403, false));
      const outbox = outboxOn(opened.store);
      await expect(outbox.wrap(refused.channel).send(ref, message(1))).rejects.toThrow('blocked');
      expect(refused.calls.get('c1:1')).toBe(1);

      const down = provider(99);
      const other = outboxOn(opened.store);
      await other.wrap(down.channel).send(ref, message(2));
      for (let i = 0; i < 6; i++) {
        clock += 60_000;
        await other.flush();
      }
      expect(down.calls.get('c1:2')).toBe(4);
      expect(settled.map((s) => s.delivery.status)).toEqual(['failed']);
      expect(await opened.store.size()).toBe(0);
    });

    it('sends a message stored before a crash exactly once, from another instance', async () => {
      // Instance A stored the message and took it, then died before calling the provider.
      await opened.store.add({
        key: 'c1:7',
        channel: 'telegram',
        ref,
        message: message(7),
        attempts: 0,
        nextAt: clock,
      });
      expect(await opened.store.take('c1:7', clock, 30_000)).toBeDefined();

      const { channel, accepted } = provider(0);
      const b = outboxOn(opened.second);
      b.wrap(channel);
      expect(await b.flush()).toBe(0); // A's lease still runs
      clock += 31_000;
      expect(await b.flush()).toBe(1);
      clock += 60_000;
      await b.flush();
      expect(accepted).toEqual(['reply 7']);
      expect(settled.map((s) => [s.entry.key, s.delivery.status])).toEqual([['c1:7', 'sent']]);
    });

    it('never lets two instances send the same message', async () => {
      const { channel, accepted } = provider(1);
      const a = outboxOn(opened.store);
      const b = outboxOn(opened.second);
      const wrappedA = a.wrap(channel);
      b.wrap(channel);
      for (let seq = 1; seq <= 20; seq++) await wrappedA.send(ref, message(seq)); // all fail once
      // Queuing the same message again (a resend after a crash) adds nothing.
      expect(await wrappedA.send(ref, message(1))).toEqual({ status: 'pending' });
      clock += 60_000;
      await Promise.all([a.flush(), b.flush(), a.flush(), b.flush()]);
      expect(accepted.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `reply ${i + 1}`).sort());
      expect(await opened.store.size()).toBe(0);
    });
  });
}

outboxContract('SQLite', async () => {
  const store = new SqliteOutboxStore(':memory:');
  return { store, second: store, cleanup: () => store.close() };
});

outboxContract('Redis', async () => {
  const prefix = uniquePrefix('outbox');
  const clients: RedisClient[] = [
    createRedisClient(TEST_REDIS_URL, log, 'a'),
    createRedisClient(TEST_REDIS_URL, log, 'b'),
  ];
  await Promise.all(clients.map((c) => c.connect()));
  return {
    store: new RedisOutboxStore(clients[0]!, prefix),
    second: new RedisOutboxStore(clients[1]!, prefix),
    cleanup: async () => {
      await Promise.all(clients.map((c) => c.close()));
      await deleteKeys(prefix);
    },
  };
});
