import type { Logger } from '../logger';
import type { OutboxStore, QueuedEntry } from '../delivery/outbox-store';
import { RetryQueue, type AttemptOutcome, type RetryPolicy } from '../delivery/retry-queue';
import type { Store } from '../store/store';
import type { WebhookEvent, WebhookEventType } from './webhook-event';
import { SIGNATURE_HEADER, signWebhook } from './webhook-signature';

/** The store log the delivery attempts are written to (the console's Webhooks view reads it). */
export const DELIVERY_LOG = 'webhook-deliveries';

/** How long a queued event's id is remembered, so the same change is never queued twice. */
const REMEMBER_EVENTS_MS = 30 * 24 * 3600 * 1000;

/** One event on its way to one endpoint; the body is fixed at queue time so every retry is the same. */
export interface WebhookEntry extends QueuedEntry {
  url: string;
  eventId: string;
  type: WebhookEventType;
  body: string;
  queuedAt: number;
}

/** One line of the delivery log: one attempt of one event to one endpoint. */
export interface DeliveryRecord {
  at: number;
  eventId: string;
  type: WebhookEventType;
  /** The endpoint without credentials or query string (they may hold a token). */
  endpoint: string;
  attempt: number;
  outcome: 'delivered' | 'retrying' | 'failed';
  /** The receiver's HTTP status, when it answered. */
  status?: number;
  error?: string;
  nextAt?: number;
}

/** Where events go and with which key. */
export interface WebhookSettings {
  urls: readonly string[];
  secret: string;
  /** Event types sent; every type when empty. */
  events: readonly WebhookEventType[];
  timeoutMs: number;
  retry?: Partial<RetryPolicy>;
  pollMs?: number;
}

/** A receiver's answer that is not 2xx. */
export class WebhookResponseError extends Error {
  constructor(readonly status: number) {
    super(`receiver answered HTTP ${status}`);
  }
}

/**
 * Sends engine events to the operator's endpoints: each event is signed (see webhook-signature),
 * queued in the durable outbox before the first attempt, retried with backoff after a failure or a
 * non-2xx answer, and every attempt is written to the delivery log. Queuing is idempotent by event
 * id, so an event delivered before a restart is not sent again after it.
 */
export class WebhookDispatcher {
  private readonly queue: RetryQueue<WebhookEntry, number>;
  private readonly now: () => number;

  constructor(
    private readonly settings: WebhookSettings,
    private readonly options: {
      queueStore: OutboxStore<WebhookEntry>;
      store: Store;
      log: Logger;
      now?: () => number;
      /** Told of every attempt (metrics). */
      observe?: (record: DeliveryRecord) => void;
    },
  ) {
    this.now = options.now ?? Date.now;
    this.queue = new RetryQueue<WebhookEntry, number>({
      store: options.queueStore,
      log: options.log,
      deliver: (entry) => this.post(entry),
      classify: (error) => ({
        message: failureText(error),
        // Like Stripe: any failure, network or HTTP, is tried again until the attempts run out.
        retryable: true,
      }),
      onAttempt: (entry, outcome) => this.record(entry, outcome),
      ...(settings.retry && { retry: settings.retry }),
      ...(settings.pollMs !== undefined && { pollMs: settings.pollMs }),
      now: this.now,
    });
  }

  /** Queues the event for every endpoint that takes its type, and tries each once right away. */
  async dispatch(event: WebhookEvent): Promise<void> {
    if (this.settings.events.length > 0 && !this.settings.events.includes(event.type)) return;
    const body = JSON.stringify(event);
    await Promise.all(
      this.settings.urls.map(async (url, index) => {
        const key = `${index}:${event.id}`;
        if (!(await this.options.store.remember(`webhook:${key}`, REMEMBER_EVENTS_MS))) return;
        const at = this.now();
        await this.queue.enqueue({
          key,
          url,
          eventId: event.id,
          type: event.type,
          body,
          queuedAt: at,
          attempts: 0,
          nextAt: at,
        });
      }),
    );
  }

  /** Starts retrying due deliveries in the background. */
  start(): void {
    this.queue.start();
  }

  /** Stops retrying and waits for the requests in progress. */
  stop(): Promise<void> {
    return this.queue.stop();
  }

  /** Attempts what is due now (the background loop calls it; tests call it to skip waiting). */
  flush(): Promise<number> {
    return this.queue.flush();
  }

  /** Deliveries waiting for a retry. */
  pending(): Promise<number> {
    return this.queue.size();
  }

  private async post(entry: WebhookEntry): Promise<number> {
    const timestamp = Math.floor(this.now() / 1000);
    const response = await fetch(entry.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'handoff-webhooks/1',
        [SIGNATURE_HEADER]: signWebhook(this.settings.secret, entry.body, timestamp),
        'handoff-event-id': entry.eventId,
        'handoff-event-type': entry.type,
        'handoff-delivery-attempt': String(entry.attempts + 1),
      },
      body: entry.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(this.settings.timeoutMs),
    });
    // The body is not needed, but reading it frees the connection for the next request.
    await response.arrayBuffer().catch(() => undefined);
    if (response.status < 200 || response.status >= 300) throw new WebhookResponseError(response.status);
    return response.status;
  }

  private async record(entry: WebhookEntry, outcome: AttemptOutcome<number>): Promise<void> {
    const base = {
      at: this.now(),
      eventId: entry.eventId,
      type: entry.type,
      endpoint: displayEndpoint(entry.url),
      attempt: entry.attempts + 1,
    };
    let record: DeliveryRecord;
    if ('result' in outcome) {
      record = { ...base, outcome: 'delivered', status: outcome.result };
    } else {
      const failure = 'failed' in outcome ? outcome.failed : outcome.retrying;
      const status = failure.error instanceof WebhookResponseError ? failure.error.status : undefined;
      record = {
        ...base,
        outcome: 'failed' in outcome ? 'failed' : 'retrying',
        ...(status !== undefined && { status }),
        error: failure.message,
        ...('nextAt' in outcome && { nextAt: outcome.nextAt }),
      };
    }
    this.options.observe?.(record);
    await this.options.store
      .appendRecord(DELIVERY_LOG, { ...record })
      .catch((error: unknown) => this.options.log.warn({ err: error }, 'webhook delivery log write failed'));
  }
}

/** An endpoint as the log shows it: scheme, host and path; credentials and query stay out. */
function displayEndpoint(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
}

/** A failure in one line: the receiver's status, or the network error and its code. */
function failureText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error.cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? `${error.message} (${code})` : error.message;
}
