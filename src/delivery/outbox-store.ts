import type { ChannelName, ConversationRef } from '../model/conversation';
import type { TranscriptMessage } from '../model/message';

/** What every queued entry carries, whatever it delivers. */
export interface QueuedEntry {
  /** Idempotency key: one entry per key, on every instance. */
  key: string;
  /** Failed attempts so far. */
  attempts: number;
  /** When it may be tried next; while an instance is sending, the end of its lease. */
  nextAt: number;
  lastError?: string;
}

/** One outbound message waiting to be sent (or re-sent) to a provider; key `conversationId:seq`. */
export interface OutboxEntry extends QueuedEntry {
  channel: ChannelName;
  ref: ConversationRef;
  message: TranscriptMessage;
}

/**
 * Where the outbox keeps entries: durable, shared by every instance using the same store. Taking
 * an entry moves its `nextAt` past a lease, so no other instance takes it while it is being sent,
 * and an instance that dies mid-send only delays it by the lease.
 */
export interface OutboxStore<E extends QueuedEntry = OutboxEntry> {
  /** Adds the entry unless one with the same key exists; true when added. */
  add(entry: E): Promise<boolean>;
  /** Takes this entry for `leaseMs` if it exists and is due; undefined otherwise. */
  take(key: string, now: number, leaseMs: number): Promise<E | undefined>;
  /** Takes up to `limit` due entries for `leaseMs`. */
  takeDue(now: number, leaseMs: number, limit: number): Promise<E[]>;
  /** Puts a taken entry back, due at `nextAt`, after a failed attempt. */
  retryLater(entry: E): Promise<void>;
  /** Removes an entry that was sent (or failed for good). */
  remove(key: string): Promise<void>;
  /** How many entries are waiting (for /metrics and tests). */
  size(): Promise<number>;
  close(): Promise<void>;
}
