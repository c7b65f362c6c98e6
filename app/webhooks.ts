import path from 'node:path';
import { ConfigError, type Config } from '../src/config';
import type { OutboxStore } from '../src/delivery/outbox-store';
import { RedisOutboxStore } from '../adapters/redis/redis-outbox-store';
import { SqliteOutboxStore } from '../adapters/sqlite/sqlite-outbox-store';
import type { EngineEvents } from '../src/events/engine-events';
import type { Logger } from '../src/logger';
import type { RedisClient } from '../adapters/redis/redis-connection';
import type { Store } from '../src/store/store';
import { followEngineForWebhooks } from '../src/webhooks/engine-webhooks';
import {
  WebhookDispatcher,
  type DeliveryRecord,
  type WebhookEntry,
} from '../src/webhooks/webhook-dispatcher';

/** Running outgoing webhooks and how to stop them. */
export interface AttachedWebhooks {
  dispatcher: WebhookDispatcher;
  close(): Promise<void>;
}

/**
 * Starts outgoing webhooks when WEBHOOK_URLS is set: a dispatcher over its own durable queue (the
 * outbox's stores: a SQLite file next to the data, or Redis under `<prefix>webhooks:` when several
 * instances run), fed by the engine's events.
 */
export function attachWebhooks(options: {
  config: Config;
  events: EngineEvents;
  store: Store;
  log: Logger;
  redis?: RedisClient;
  observe?: (record: DeliveryRecord) => void;
}): AttachedWebhooks | undefined {
  const { config, log } = options;
  if (config.WEBHOOK_URLS.length === 0) return undefined;
  if (!config.WEBHOOK_SECRET) {
    throw new ConfigError('Invalid configuration:\n  WEBHOOK_SECRET: must be set when WEBHOOK_URLS is');
  }
  const queueStore: OutboxStore<WebhookEntry> = options.redis
    ? new RedisOutboxStore<WebhookEntry>(options.redis, `${config.REDIS_PREFIX}webhooks:`)
    : new SqliteOutboxStore<WebhookEntry>(path.join(config.DATA_DIR, 'webhooks.sqlite'));
  const dispatcher = new WebhookDispatcher(
    {
      urls: config.WEBHOOK_URLS,
      secret: config.WEBHOOK_SECRET,
      events: config.WEBHOOK_EVENTS,
      timeoutMs: config.WEBHOOK_TIMEOUT_MS,
      retry: {
        maxAttempts: config.WEBHOOK_MAX_ATTEMPTS,
        baseDelayMs: config.WEBHOOK_RETRY_BASE_MS,
        maxDelayMs: 3600_000,
      },
      pollMs: Math.min(1000, config.WEBHOOK_RETRY_BASE_MS),
    },
    {
      queueStore,
      store: options.store,
      log,
      ...(options.observe && { observe: options.observe }),
    },
  );
  const unfollow = followEngineForWebhooks(options.events, (event) => dispatcher.dispatch(event), log);
  dispatcher.start();
  return {
    dispatcher,
    close: async () => {
      unfollow();
      await dispatcher.stop();
      await queueStore.close();
    },
  };
}
