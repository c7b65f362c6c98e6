import path from 'node:path';
import type { Channel } from '../src/channels/channel';
import { Outbox, type OutboxOptions } from '../src/delivery/outbox';
import type { OutboxEntry, OutboxStore } from '../src/delivery/outbox-store';
import { SqliteOutboxStore } from '../adapters/sqlite/sqlite-outbox-store';
import type { Logger } from '../src/logger';
import type { ChannelName } from '../src/model/conversation';
import type { Delivery } from '../src/model/message';

/** Channels whose send is a call to a provider that can fail or time out. */
const REMOTE_CHANNELS: ReadonlySet<ChannelName> = new Set<ChannelName>(['telegram', 'sms', 'email']);

/** Options of the outbox decorator. */
export interface OutboxDecoratorOptions {
  /** The shared outbox store (Redis with several instances); default a SQLite file in `dataDir`. */
  store?: () => OutboxStore;
  dataDir: string;
  log: Logger;
  /** Records how a message retried in the background ended (the engine's `setDelivery`). */
  settle: (entry: OutboxEntry, delivery: Delivery) => Promise<void>;
  /** Retry and polling pace (tests shorten them). */
  pace?: Pick<OutboxOptions, 'retry' | 'pollMs'>;
}

/** The durable outbox as a channel decorator, and how to run and stop it. */
export interface OutboxDecorator {
  /** Puts a remote channel behind the outbox; other channels pass unchanged. */
  decorate(channel: Channel): Channel;
  /** Whether any channel went behind the outbox (then it runs, and stale sends are swept). */
  readonly active: boolean;
  /** Starts retrying due entries in the background. */
  start(): void;
  /** Stops retrying, waits for sends in progress and closes the outbox store. */
  close(): Promise<void>;
}

/**
 * Puts remote channels behind a durable outbox as they register with the engine: the engine stores
 * each message (delivery `pending`) and calls `send`; the decorated channel queues it durably and
 * tries once, answering `pending` when a retry is scheduled, and a background retry that ends
 * reports back through `settle`. The outbox and its store are made with the first remote channel,
 * so a deployment with only the web chat has none.
 */
export function outboxDecorator(options: OutboxDecoratorOptions): OutboxDecorator {
  let running: { outbox: Outbox; store: OutboxStore } | undefined;
  const outbox = (): Outbox => {
    if (!running) {
      const store = options.store?.() ?? new SqliteOutboxStore(path.join(options.dataDir, 'outbox.sqlite'));
      running = {
        store,
        outbox: new Outbox({ store, log: options.log, onSettled: options.settle, ...options.pace }),
      };
    }
    return running.outbox;
  };
  return {
    decorate: (channel) => (REMOTE_CHANNELS.has(channel.name) ? outbox().wrap(channel) : channel),
    get active() {
      return running !== undefined;
    },
    start: () => running?.outbox.start(),
    close: async () => {
      if (!running) return;
      await running.outbox.stop();
      await running.store.close();
    },
  };
}
