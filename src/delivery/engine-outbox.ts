import path from 'node:path';
import type { Engine } from '../engine/engine';
import type { Logger } from '../logger';
import type { ChannelName } from '../model/conversation';
import { Outbox } from './outbox';
import type { OutboxStore } from './outbox-store';
import { SqliteOutboxStore } from './sqlite-outbox-store';

/** Channels whose send is a call to a provider that can fail or time out. */
const REMOTE_CHANNELS: readonly ChannelName[] = ['telegram', 'sms', 'email'];

/** A running outbox and how to stop it. */
export interface EngineOutbox {
  outbox: Outbox;
  /** Stops retrying, waits for sends in progress and closes the outbox store. */
  close(): Promise<void>;
}

/**
 * Puts the engine's remote channels behind a durable outbox. No engine change is needed: the
 * engine stores each message (delivery `pending`) and calls `channel.send`; the wrapped channel
 * queues it durably and tries once, answering `pending` when a retry is scheduled. A background
 * retry that ends reports back through `engine.setDelivery`, so the transcript and the console
 * show the real outcome. Returns undefined when no remote channel is configured.
 */
export function attachOutbox(
  engine: Engine,
  options: { store?: OutboxStore; dataDir: string; log: Logger },
): EngineOutbox | undefined {
  const remote = REMOTE_CHANNELS.flatMap((name) => engine.channel(name) ?? []);
  if (remote.length === 0) return undefined;
  const store = options.store ?? new SqliteOutboxStore(path.join(options.dataDir, 'outbox.sqlite'));
  const outbox = new Outbox({
    store,
    log: options.log,
    onSettled: async (entry, delivery) => {
      const conversation = await engine.store.getConversation(entry.message.conversationId);
      if (conversation) await engine.setDelivery(conversation, entry.message, delivery);
    },
  });
  for (const channel of remote) engine.registerChannel(outbox.wrap(channel));
  outbox.start();
  return {
    outbox,
    close: async () => {
      await outbox.stop();
      await store.close();
    },
  };
}
