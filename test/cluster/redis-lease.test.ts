import type { Lease } from '../../src/cluster/lease';
import { redisLeases } from '../../adapters/redis/redis-lease';
import { createLogger } from '../../src/logger';
import { createRedisClient, type RedisClient } from '../../adapters/redis/redis-connection';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../store/redis-test-prefix';

const log = createLogger('silent');
const TTL = 300;

/** One instance's view: its own connection, and a log of what its lease told it. */
async function instance(prefix: string, owner: string) {
  const client: RedisClient = createRedisClient(TEST_REDIS_URL, log, owner);
  await client.connect();
  const events: string[] = [];
  const acquire = redisLeases({ client, prefix, log, owner });
  let lease: Lease | undefined;
  return {
    client,
    events,
    start: () => {
      lease = acquire('telegram-polling', TTL, {
        onAcquired: () => void events.push('acquired'),
        onLost: () => void events.push('lost'),
      });
      return lease;
    },
    get lease() {
      return lease!;
    },
  };
}

function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = () => {
      if (check()) resolve();
      else if (Date.now() - started > timeoutMs) reject(new Error('condition not met in time'));
      else setTimeout(poll, 20);
    };
    poll();
  });
}

describe('Redis lease', () => {
  let prefix: string;
  beforeEach(() => {
    prefix = uniquePrefix('lease');
  });
  afterEach(async () => {
    await deleteKeys(prefix);
  });

  it('is held by exactly one of several instances and passes on when released', async () => {
    const all = await Promise.all(['a', 'b', 'c'].map((owner) => instance(prefix, owner)));
    all.forEach((i) => i.start());
    await waitFor(() => all.some((i) => i.lease.held));
    await new Promise((resolve) => setTimeout(resolve, TTL * 2)); // several renewals
    expect(all.filter((i) => i.lease.held)).toHaveLength(1);
    const holder = all.find((i) => i.lease.held)!;
    await holder.lease.release();
    expect(holder.events).toEqual(['acquired', 'lost']);
    await waitFor(() => all.some((i) => i !== holder && i.lease.held));
    expect(all.filter((i) => i.lease.held)).toHaveLength(1);
    for (const i of all) {
      await i.lease.release();
      await i.client.close();
    }
  });

  it('is taken over by another instance when the holder dies without releasing', async () => {
    const a = await instance(prefix, 'a');
    a.start();
    await waitFor(() => a.lease.held);
    const b = await instance(prefix, 'b');
    b.start();
    // "Dies": its connection is gone, so nothing renews the lease any more.
    a.client.destroy();
    await waitFor(() => b.lease.held);
    expect(b.events).toEqual(['acquired']);
    // The dead holder, unable to renew for a whole TTL, also stops believing it holds the lease.
    await waitFor(() => !a.lease.held);
    expect(a.events).toEqual(['acquired', 'lost']);
    await a.lease.release();
    await b.lease.release();
    await b.client.close();
  });

  it('tells a holder it lost the lease when another owner has it', async () => {
    const a = await instance(prefix, 'a');
    a.start();
    await waitFor(() => a.lease.held);
    await a.client.set(`${prefix}lease:telegram-polling`, 'someone-else');
    await waitFor(() => !a.lease.held);
    expect(a.events).toEqual(['acquired', 'lost']);
    await a.lease.release();
    await a.client.close();
  });
});
