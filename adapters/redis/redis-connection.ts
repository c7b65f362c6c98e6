import { createClient } from 'redis';
import type { Logger } from '../../src/logger';

/** A node-redis client as this project creates it. */
export type RedisClient = ReturnType<typeof createRedisClient>;

/** Longest pause between two reconnection attempts: short, so an instance is back soon after Redis. */
const MAX_RECONNECT_DELAY_MS = 2000;

/**
 * Creates (without connecting) a client that reconnects forever with a capped backoff, so a Redis
 * restart needs no manual step. Errors are logged once per outage instead of once per attempt.
 */
export function createRedisClient(url: string, log: Logger, role: string) {
  const client = createClient({
    url,
    socket: {
      connectTimeout: 5000,
      reconnectStrategy: (retries) => Math.min(50 * 2 ** Math.min(retries, 10), MAX_RECONNECT_DELAY_MS),
    },
  });
  let down = false;
  client.on('error', (error: unknown) => {
    if (down) return;
    down = true;
    log.warn({ err: error, role }, 'redis connection lost; reconnecting');
  });
  client.on('ready', () => {
    if (down) log.info({ role }, 'redis connection back');
    down = false;
  });
  return client;
}

/** True when Redis answers a PING within `timeoutMs` (used by /readyz). */
export async function redisAnswers(client: RedisClient, timeoutMs = 1000): Promise<boolean> {
  if (!client.isReady) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([client.ping().then((reply) => reply === 'PONG'), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
