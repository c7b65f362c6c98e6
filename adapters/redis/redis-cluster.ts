import { createAdapter } from '@socket.io/redis-adapter';
import type { Logger } from '../../src/logger';
import { createRedisClient, redisAnswers, type RedisClient } from './redis-connection';
import { RedisStore } from './redis-store';
import type { AcquireLease, Lease } from '../../src/cluster/lease';
import { redisLeases } from './redis-lease';

/** What several instances share through one Redis. */
export interface RedisCluster {
  client: RedisClient;
  store: RedisStore;
  /** The socket.io adapter factory: events for a room reach its sockets on every instance. */
  socketAdapter: ReturnType<typeof createAdapter>;
  /** Leases taken through this function are all released by `close()`. */
  acquireLease: AcquireLease;
  /** True while Redis answers (for /readyz). */
  ready(): Promise<boolean>;
  /** Releases leases and closes the connections (after socket.io and the store are closed). */
  close(): Promise<void>;
}

/**
 * Connects to Redis for a multi-instance deployment: the shared store, the socket.io Redis
 * adapter (classic pub/sub; missed messages are replayed from the store by sequence number, so
 * socket.io's own connection-state recovery is not needed) and the lease factory.
 * Every key and channel starts with `prefix`. Resolves once Redis answers.
 */
export async function connectRedisCluster(options: {
  url: string;
  prefix: string;
  log: Logger;
}): Promise<RedisCluster> {
  const { url, prefix, log } = options;
  const client = createRedisClient(url, log, 'store');
  const pub = createRedisClient(url, log, 'socket.io-pub');
  const sub = createRedisClient(url, log, 'socket.io-sub');
  await Promise.all([client.connect(), pub.connect(), sub.connect()]);
  const leases = new Set<Lease>();
  const leaseFactory = redisLeases({ client, prefix, log });
  return {
    client,
    store: new RedisStore({ client, prefix }),
    socketAdapter: createAdapter(publishingSafely(pub, log), sub, {
      key: `${prefix}socket.io`,
      requestsTimeout: 2000,
    }),
    acquireLease: (name, ttlMs, handlers) => {
      const lease = leaseFactory(name, ttlMs, handlers);
      leases.add(lease);
      return lease;
    },
    ready: () => redisAnswers(client),
    close: async () => {
      await Promise.all([...leases].map((lease) => lease.release()));
      await Promise.all([client, pub, sub].map((c) => closeSoon(c)));
    },
  };
}

/**
 * The adapter publishes without handling a rejected publish (Redis gone, or the client closed while
 * a late event is emitted during shutdown); an unhandled rejection would end the process, so a
 * failed publish is logged instead. The event is lost for other instances only: clients catch up
 * from the store by sequence number when they reconnect.
 */
function publishingSafely(client: RedisClient, log: Logger): RedisClient {
  return new Proxy(client, {
    get(target, property) {
      if (property === 'publish') {
        return (...args: Parameters<RedisClient['publish']>) =>
          target.publish(...args).catch((error: unknown) => {
            log.debug({ err: error }, 'socket.io event not published');
            return 0;
          });
      }
      const value: unknown = Reflect.get(target, property, target);
      // node-redis methods use private fields, so they must run on the real client.
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Closes politely, or drops the connection when Redis does not answer within a second. */
async function closeSoon(client: RedisClient): Promise<void> {
  if (!client.isOpen) return;
  if (!client.isReady) {
    client.destroy();
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), 1000);
  });
  const outcome = await Promise.race([client.close().catch(() => 'late' as const), late]);
  clearTimeout(timer);
  if (outcome === 'late' && client.isOpen) client.destroy();
}
