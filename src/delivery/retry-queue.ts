import type { Logger } from '../logger';
import type { OutboxStore, QueuedEntry } from './outbox-store';

/** How failed deliveries are retried. */
export interface RetryPolicy {
  /** Attempts in all, the first included, before the entry counts as failed. */
  maxAttempts: number;
  /** Wait before the second attempt; doubled each time, with jitter, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Why one attempt failed, and whether another attempt may succeed. */
export interface AttemptFailure {
  message: string;
  retryable: boolean;
  error: unknown;
}

/** How one attempt ended. */
export type AttemptOutcome<R> =
  { result: R } | { failed: AttemptFailure } | { retrying: AttemptFailure; nextAt: number };

/** Options of a retry queue. */
export interface RetryQueueOptions<E extends QueuedEntry, R> {
  store: OutboxStore<E>;
  log: Logger;
  /** Delivers one entry; resolves when the receiver took it, throws when it did not. */
  deliver: (entry: E) => Promise<R>;
  /** Reads a thrown error: its message and whether a later attempt may succeed. */
  classify: (error: unknown) => Omit<AttemptFailure, 'error'>;
  /** Told of every attempt's outcome (a delivery log, the transcript's delivery state). */
  onAttempt?: (entry: E, outcome: AttemptOutcome<R>, background: boolean) => Promise<void>;
  retry?: Partial<RetryPolicy>;
  /** How long an instance may take to deliver one entry before another instance may take it over. */
  leaseMs?: number;
  /** How often due retries are looked for. */
  pollMs?: number;
  now?: () => number;
}

const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 2000, maxDelayMs: 10 * 60 * 1000 };

/**
 * The durable outbox's engine, whatever it delivers (a channel message, a webhook): an entry is
 * written before the first attempt and removed only once delivered or given up; a retryable
 * failure is tried again later with exponential backoff by whichever instance is alive, and an
 * instance that dies mid-attempt only delays the entry by `leaseMs`. The entry's key makes it
 * unique across instances and restarts, so queuing it twice is harmless.
 */
export class RetryQueue<E extends QueuedEntry, R> {
  private readonly retry: RetryPolicy;
  private readonly leaseMs: number;
  private readonly now: () => number;
  private readonly inFlight = new Set<Promise<unknown>>();
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(private readonly options: RetryQueueOptions<E, R>) {
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.leaseMs = options.leaseMs ?? 120_000;
    this.now = options.now ?? Date.now;
  }

  /**
   * Stores the entry, then tries it once right away. Resolves with that attempt's outcome, or
   * undefined when the same key was already queued (another call or instance has it).
   */
  async enqueue(entry: E): Promise<AttemptOutcome<R> | undefined> {
    if (!(await this.options.store.add(entry))) return undefined;
    const taken = await this.options.store.take(entry.key, this.now(), this.leaseMs);
    if (!taken) return undefined;
    return this.track(this.attempt(taken, false));
  }

  /** Starts retrying due entries in the background (every instance may; leases keep them apart). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule();
  }

  /** Stops retrying and waits for the attempts in progress. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Attempts what is due now; resolves when those attempts ended (the background loop calls it). */
  async flush(limit = 20): Promise<number> {
    const due = await this.options.store.takeDue(this.now(), this.leaseMs, limit);
    await Promise.all(due.map((entry) => this.track(this.attempt(entry, true))));
    return due.length;
  }

  /** How many entries wait to be delivered. */
  size(): Promise<number> {
    return this.options.store.size();
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

  private async attempt(entry: E, background: boolean): Promise<AttemptOutcome<R>> {
    const outcome = await this.tryOnce(entry);
    await this.options.onAttempt?.(entry, outcome, background);
    return outcome;
  }

  private async tryOnce(entry: E): Promise<AttemptOutcome<R>> {
    try {
      const result = await this.options.deliver(entry);
      await this.options.store.remove(entry.key);
      return { result };
    } catch (error) {
      const failure = { ...this.options.classify(error), error };
      const attempts = entry.attempts + 1;
      if (!failure.retryable || attempts >= this.retry.maxAttempts) {
        await this.options.store.remove(entry.key);
        this.options.log.warn({ key: entry.key, attempts, reason: failure.message }, 'delivery failed');
        return { failed: failure };
      }
      const nextAt = this.now() + this.backoff(attempts);
      await this.options.store.retryLater({ ...entry, attempts, nextAt, lastError: failure.message });
      this.options.log.info({ key: entry.key, attempts, nextAt }, 'delivery will be retried');
      return { retrying: failure, nextAt };
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
