import type { Channel, SendResult } from '../channels/channel';
import { ChannelError } from '../errors';
import type { Logger } from '../logger';
import type { ChannelName, ConversationRef } from '../model/conversation';
import type { Delivery, TranscriptMessage } from '../model/message';
import type { OutboxEntry, OutboxStore } from './outbox-store';

/** How failed sends are retried. */
export interface RetryPolicy {
  /** Attempts in all, the first included, before the message counts as failed. */
  maxAttempts: number;
  /** Wait before the second attempt; doubled each time, with jitter, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
}

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

const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 2000, maxDelayMs: 10 * 60 * 1000 };

/**
 * A durable outbox for channels whose send is a remote call (Telegram, Twilio). A message is
 * written to the outbox before the provider is called and removed only once the provider took it;
 * a retryable failure is tried again later with exponential backoff, by whichever instance is
 * alive, and an instance that dies mid-send only delays the message by `leaseMs`. The key
 * `conversationId:seq` makes the entry unique across instances, so no two instances send the same
 * message at once and queuing it twice is harmless.
 */
export class Outbox {
  private readonly channels = new Map<ChannelName, Channel>();
  private readonly retry: RetryPolicy;
  private readonly leaseMs: number;
  private readonly now: () => number;
  private readonly inFlight = new Set<Promise<unknown>>();
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(private readonly options: OutboxOptions) {
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.leaseMs = options.leaseMs ?? 120_000;
    this.now = options.now ?? Date.now;
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
    const entry: OutboxEntry = {
      key: `${message.conversationId}:${message.seq}`,
      channel: channel.name,
      ref,
      message,
      attempts: 0,
      nextAt: this.now(),
    };
    if (!(await this.options.store.add(entry))) return { status: 'pending' }; // already queued
    const taken = await this.options.store.take(entry.key, this.now(), this.leaseMs);
    if (!taken) return { status: 'pending' };
    const outcome = await this.attempt(taken);
    if ('result' in outcome) return outcome.result;
    if ('failed' in outcome) throw outcome.failed;
    return { status: 'pending' };
  }

  /** Starts retrying due entries in the background (every instance may; leases keep them apart). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule();
  }

  /** Stops retrying and waits for the sends in progress. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Sends what is due now; resolves when those attempts ended (the background loop calls it). */
  async flush(limit = 20): Promise<number> {
    const due = await this.options.store.takeDue(this.now(), this.leaseMs, limit);
    await Promise.all(due.map((entry) => this.track(this.settleInBackground(entry))));
    return due.length;
  }

  private schedule(): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      void this.track(this.flush())
        .catch((error: unknown) => this.options.log.warn({ err: error }, 'outbox poll failed'))
        .finally(() => this.schedule());
    }, this.options.pollMs ?? 1000);
    this.timer.unref();
  }

  private async settleInBackground(entry: OutboxEntry): Promise<void> {
    const outcome = await this.attempt(entry);
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

  private async attempt(
    entry: OutboxEntry,
  ): Promise<{ result: SendResult } | { failed: ChannelError } | { retrying: true }> {
    const channel = this.channels.get(entry.channel);
    try {
      if (!channel) throw new ChannelError(`No ${entry.channel} channel on this instance`, undefined, true);
      const result = await channel.send(entry.ref, entry.message);
      await this.options.store.remove(entry.key);
      return { result };
    } catch (error) {
      const failure =
        error instanceof ChannelError
          ? error
          : new ChannelError('send failed', undefined, true, { cause: error });
      const attempts = entry.attempts + 1;
      if (!failure.retryable || attempts >= this.retry.maxAttempts) {
        await this.options.store.remove(entry.key);
        this.options.log.warn(
          { key: entry.key, attempts, reason: failure.message },
          'outbound message failed',
        );
        return { failed: failure };
      }
      const nextAt = this.now() + this.backoff(attempts);
      await this.options.store.retryLater({ ...entry, attempts, nextAt, lastError: failure.message });
      this.options.log.info({ key: entry.key, attempts, nextAt }, 'outbound message will be retried');
      return { retrying: true };
    }
  }

  private backoff(attempts: number): number {
    const exponential = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempts - 1));
    return Math.round(exponential * (0.75 + Math.random() * 0.5));
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work)).catch(() => undefined);
    return work;
  }
}
