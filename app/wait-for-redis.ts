import { createClient } from 'redis';
import { StartupError, redactedRedisUrl } from './startup-error';

/** Where the startup wait for Redis stands; shown on `/readyz` while it lasts. */
export interface RedisWaitState {
  state: 'connecting' | 'retrying' | 'connected' | 'gave-up';
  attempt: number;
  maxAttempts: number;
  /** The last connection error, e.g. `connect ECONNREFUSED 127.0.0.1:6379`. */
  lastError?: string;
  /** While retrying: how long until the next attempt. */
  nextAttemptInMs?: number;
}

/**
 * Tries to reach Redis up to `maxAttempts` times, `delayMs` apart, before the app is built (which
 * would otherwise wait forever); `onState` hears every attempt. Rejects with a StartupError whose
 * one-line message names the address (without credentials), the attempts and the last error.
 */
export async function waitForRedis(options: {
  url: string;
  maxAttempts: number;
  delayMs?: number;
  connectTimeoutMs?: number;
  onState?: (state: RedisWaitState) => void;
}): Promise<void> {
  const { url, maxAttempts, delayMs = 2000, connectTimeoutMs = 2000, onState = () => {} } = options;
  let lastError = '';
  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    onState({ state: 'connecting', attempt, maxAttempts, ...(lastError && { lastError }) });
    const client = createClient({
      url,
      socket: { connectTimeout: connectTimeoutMs, reconnectStrategy: false },
    });
    // Without a listener an 'error' event would end the process; the attempt's rejection reports it.
    client.on('error', () => {});
    try {
      await client.connect();
      await client.ping();
      client.destroy();
      onState({ state: 'connected', attempt, maxAttempts });
      return;
    } catch (error) {
      lastError = describe(error);
      if (client.isOpen) client.destroy();
    }
    if (attempt < maxAttempts) {
      onState({ state: 'retrying', attempt, maxAttempts, lastError, nextAttemptInMs: delayMs });
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
  onState({ state: 'gave-up', attempt: maxAttempts, maxAttempts, lastError });
  throw new StartupError(
    `Cannot reach Redis at ${redactedRedisUrl(url)} (REDIS_URL) after ${maxAttempts} attempts: ${lastError}`,
  );
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // node-redis wraps socket errors in an AggregateError with an empty message.
  if (!message && error instanceof AggregateError) return error.errors.map(describe).join(', ');
  return message.split('\n')[0] ?? 'unknown error';
}
