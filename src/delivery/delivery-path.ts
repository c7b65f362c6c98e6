import type { Channel } from '../channels/channel';
import type { KeyedMutex } from '../engine/keyed-mutex';
import { ChannelError, NotFoundError } from '../errors';
import type { EngineEvents } from '../events/engine-events';
import type { Logger } from '../logger';
import type { ChannelName, Conversation } from '../model/conversation';
import type { Delivery, TranscriptMessage } from '../model/message';
import type { ConversationStore, DedupStore, NewMessage, TranscriptStore } from '../store/ports';

/** What the delivery path needs around it. */
export interface DeliveryPathOptions {
  store: ConversationStore & TranscriptStore & DedupStore;
  events: EngineEvents;
  log: Logger;
  now: () => number;
  /** The per-conversation lock inbound messages are handled under (a resend takes it too). */
  mutex: KeyedMutex;
  /** Stores a transcript message and announces it. */
  record: (
    conversation: Conversation,
    message: NewMessage,
  ) => Promise<{ message: TranscriptMessage; conversation: Conversation }>;
  /**
   * Wraps each channel as it registers (the composition root puts remote channels behind the
   * durable outbox here); the identity by default.
   */
  decorate?: (channel: Channel) => Channel;
}

/**
 * The one way a bot or agent message reaches a customer: store it (delivery `pending`), hand it to
 * the customer's channel (through whatever decorator the composition root chose, such as the
 * outbox that retries), record the outcome on the message, skip customers marked unreachable, and
 * send again what an instance stored but died before sending.
 */
export class DeliveryPath {
  private readonly channels = new Map<ChannelName, Channel>();

  constructor(private readonly options: DeliveryPathOptions) {}

  /** Registers the adapter that delivers messages on a channel (decorated once, here). */
  register(channel: Channel): void {
    this.channels.set(channel.name, this.options.decorate ? this.options.decorate(channel) : channel);
  }

  /** The registered (decorated) channel, if any. */
  channel(name: ChannelName): Channel | undefined {
    return this.channels.get(name);
  }
  /** Announces a typing indicator to the other side (and to the customer's channel when it can). */
  async typing(conversationId: string, author: 'customer' | 'agent' | 'bot', on: boolean): Promise<void> {
    this.options.events.emit('typing', { conversationId, author, on });
    if (author === 'customer') return;
    const conversation = await this.options.store.getConversation(conversationId);
    const channel = conversation && this.channels.get(conversation.ref.channel);
    if (conversation && channel?.capabilities.typing && channel.sendTyping) {
      await channel.sendTyping(conversation.ref, on).catch(() => undefined);
    }
  }

  /**
   * Stores a bot or agent message, then sends it on the customer's channel and records the result.
   * Also gives the conversation as it was right after the message was stored.
   */
  async deliver(
    conversation: Conversation,
    message: NewMessage,
  ): Promise<{ message: TranscriptMessage; conversation: Conversation }> {
    const { now, record } = this.options;
    const channel = this.channels.get(conversation.ref.channel);
    // A notice this channel does not carry (its own wording, or none) is kept in the transcript only.
    const notices = channel?.capabilities.notices;
    if (message.notice && notices && !notices.includes(message.notice)) {
      return record(conversation, { ...message, delivery: { status: 'skipped', at: now() } });
    }
    if (channel?.deliveredWithTranscript && !conversation.unreachable) {
      return record(conversation, { ...message, delivery: { status: 'sent', at: now() } });
    }
    const pending: NewMessage =
      channel && !conversation.unreachable
        ? { ...message, delivery: { status: 'pending', at: now() } }
        : { ...message, delivery: { status: 'skipped', at: now(), error: conversation.unreachable?.reason } };
    const stored = await record(conversation, pending);
    if (!channel || conversation.unreachable) return stored;
    return {
      message: await this.send(channel, conversation, stored.message),
      conversation: stored.conversation,
    };
  }

  /**
   * Sends again what an instance stored but never handed to its channel (it died in between):
   * messages still `pending` after `olderThanMs`. Each is claimed first, so of several instances
   * sweeping at once one sends it; the channel's outbox keys it by conversation and sequence.
   */
  async redeliverStale(olderThanMs: number): Promise<number> {
    const { store, now, mutex } = this.options;
    const stale = await store.listPendingDeliveries(now() - olderThanMs, 100);
    let sent = 0;
    for (const message of stale) {
      const conversation = await store.getConversation(message.conversationId);
      const channel = conversation && this.channels.get(conversation.ref.channel);
      if (!conversation || !channel) continue;
      if (!(await store.remember(`redeliver:${message.conversationId}:${message.seq}`, olderThanMs)))
        continue;
      if (conversation.unreachable) {
        await this.setDelivery(conversation, message, {
          status: 'skipped',
          at: now(),
          error: conversation.unreachable.reason,
        });
        continue;
      }
      await mutex.run(`${conversation.ref.channel}:${conversation.ref.conversationKey}`, () =>
        this.send(channel, conversation, { ...message, delivery: { status: 'pending', at: now() } }),
      );
      sent += 1;
    }
    return sent;
  }

  /** Updates a message's delivery state (also called by adapters on provider status callbacks). */
  async setDelivery(
    conversation: Conversation,
    message: TranscriptMessage,
    delivery: Delivery,
  ): Promise<TranscriptMessage> {
    const updated =
      (await this.options.store.updateMessage(conversation.id, message.seq, { delivery })) ?? message;
    this.options.events.emit('messageUpdated', { conversation, message: updated });
    return updated;
  }

  /** Marks a customer unreachable (blocked the bot, opted out) so nothing more is sent and agents see why. */
  async markUnreachable(conversationId: string, reason: string | undefined): Promise<Conversation> {
    const { store, events, now } = this.options;
    const updated = await store.updateConversation(conversationId, (current) => {
      const next = structuredClone(current);
      if (reason === undefined) delete next.unreachable;
      else next.unreachable = { at: now(), reason };
      return next;
    });
    if (!updated) throw new NotFoundError('Conversation');
    events.emit('conversation', { conversation: updated });
    return updated;
  }

  /** Hands a stored message to its channel and records the outcome on the message. */
  private async send(
    channel: Channel,
    conversation: Conversation,
    stored: TranscriptMessage,
  ): Promise<TranscriptMessage> {
    const { now, log } = this.options;
    try {
      const result = await channel.send(conversation.ref, stored);
      return await this.setDelivery(conversation, stored, {
        status: result.status,
        at: now(),
        ...(result.providerId !== undefined && { providerId: result.providerId }),
      });
    } catch (error) {
      const reason = error instanceof ChannelError ? error.message : 'send failed';
      log.warn(
        { err: error, conversationId: conversation.id, channel: conversation.ref.channel },
        'delivery failed',
      );
      return this.setDelivery(conversation, stored, { status: 'failed', at: now(), error: reason });
    }
  }
}
