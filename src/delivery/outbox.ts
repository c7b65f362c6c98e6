import type { Channel, SendResult } from '../channels/channel';
import { ChannelError } from '../errors';
import type { Logger } from '../logger';
import type { ChannelName, ConversationRef } from '../model/conversation';
import type { Delivery, TranscriptMessage } from '../model/message';
import type { OutboxEntry, OutboxStore } from './outbox-store';
import { RetryQueue, type AttemptOutcome, type RetryPolicy } from './retry-queue';

export type { RetryPolicy } from './retry-queue';

/** Options of the outbox. */
export interface OutboxOptions {
  store: OutboxStore;
  log: Logger;
  /** Tells the engine how a message sent in the background ended (transcript delivery state). */
  onSettled: (entry: OutboxEntry, delivery: Delivery) => Promise<void>;
  retry?: Partial<RetryPolicy>;
  /** How long an instance may take to send one entry before another instance may take it over. */
  leaseMs?: number;
  /** How often due retries are looked for. */
  pollMs?: number;
  now?: () => number;
}

/**
 * A durable outbox for channels whose send is a remote call (Telegram, Twilio). A message is
 * written to the outbox before the provider is called and removed only once the provider took it;
 * a retryable failure is tried again later with exponential backoff, by whichever instance is
 * alive (the `RetryQueue` does that part). The key `conversationId:seq` makes the entry unique
 * across instances, so no two instances send the same message at once and queuing it twice is
 * harmless.
 */
export class Outbox {
  private readonly channels = new Map<ChannelName, Channel>();
  private readonly queue: RetryQueue<OutboxEntry, SendResult>;
  private readonly now: () => number;

  constructor(private readonly options: OutboxOptions) {
    this.now = options.now ?? Date.now;
    this.queue = new RetryQueue<OutboxEntry, SendResult>({
      store: options.store,
      log: options.log,
      deliver: (entry) => this.deliver(entry),
      classify: (error) => {
        const failure = asChannelError(error);
        return { message: failure.message, retryable: failure.retryable };
      },
      onAttempt: (entry, outcome, background) =>
        background ? this.settle(entry, outcome) : Promise.resolve(),
      ...(options.retry && { retry: options.retry }),
      ...(options.leaseMs !== undefined && { leaseMs: options.leaseMs }),
      ...(options.pollMs !== undefined && { pollMs: options.pollMs }),
      now: this.now,
    });
  }

  /** Wraps a channel so that its sends go through this outbox (the engine sees the same contract). */
  wrap(channel: Channel): Channel {
    this.channels.set(channel.name, channel);
    const send = (ref: ConversationRef, message: TranscriptMessage) => this.send(channel, ref, message);
    return {
      name: channel.name,
      capabilities: channel.capabilities,
      send,
      ...(channel.sendTyping && { sendTyping: channel.sendTyping.bind(channel) }),
    };
  }

  /**
   * Stores the message, then tries it once right away. Resolves with the provider's answer, or
   * `pending` when it will be retried; throws the channel's error when it failed for good.
   */
  async send(channel: Channel, ref: ConversationRef, message: TranscriptMessage): Promise<SendResult> {
    const outcome = await this.queue.enqueue({
      key: `${message.conversationId}:${message.seq}`,
      channel: channel.name,
      ref,
      message,
      attempts: 0,
      nextAt: this.now(),
    });
    if (outcome && 'result' in outcome) return outcome.result;
    if (outcome && 'failed' in outcome) throw asChannelError(outcome.failed.error);
    return { status: 'pending' };
  }

  /** Starts retrying due entries in the background (every instance may; leases keep them apart). */
  start(): void {
    this.queue.start();
  }

  /** Stops retrying and waits for the sends in progress. */
  stop(): Promise<void> {
    return this.queue.stop();
  }

  /** Sends what is due now; resolves when those attempts ended (the background loop calls it). */
  flush(limit = 20): Promise<number> {
    return this.queue.flush(limit);
  }

  private deliver(entry: OutboxEntry): Promise<SendResult> {
    const channel = this.channels.get(entry.channel);
    if (!channel) throw new ChannelError(`No ${entry.channel} channel on this instance`, undefined, true);
    return channel.send(entry.ref, entry.message);
  }

  private async settle(entry: OutboxEntry, outcome: AttemptOutcome<SendResult>): Promise<void> {
    if ('result' in outcome) {
      const { status, providerId } = outcome.result;
      await this.options.onSettled(entry, {
        status,
        at: this.now(),
        ...(providerId !== undefined && { providerId }),
      });
    } else if ('failed' in outcome) {
      await this.options.onSettled(entry, {
        status: 'failed',
        at: this.now(),
        error: outcome.failed.message,
      });
    }
  }
}

/** Any error a send threw, as a channel error (unknown errors count as retryable). */
function asChannelError(error: unknown): ChannelError {
  return error instanceof ChannelError
    ? error
    : new ChannelError('send failed', undefined, true, { cause: error });
}
