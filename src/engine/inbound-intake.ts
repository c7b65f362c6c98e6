import { randomBytes } from 'node:crypto';
import { ConflictError } from '../errors';
import type { EngineEvents } from '../events/engine-events';
import type { Conversation } from '../model/conversation';
import type { InboundMessage, TranscriptMessage } from '../model/message';
import type {
  AppendedMessage,
  ConversationStore,
  DedupStore,
  NewMessage,
  TranscriptStore,
} from '../store/ports';
import { nothingUnderstood } from '../understanding/understanding';
import type { InboundContext } from './inbound-pipeline';
import { conversationLockKey, type KeyedMutex } from './keyed-mutex';
import { validMessageText } from './message-text';

/**
 * How long one instance holds an inbound provider id while it stores the message. Short on purpose:
 * if that instance dies before storing, the provider's retry (or the widget's resend) goes through
 * once the claim lapses. "Already processed" is read from the transcript, which keeps the id.
 */
export const INBOUND_CLAIM_MS = 10_000;

/** What happened to one inbound message. */
export interface InboundResult {
  /**
   * The conversation after the message was handled; with `route: false`, as it was the moment the
   * message was stored (what happened after, such as an agent resolving it, is not the sender's).
   */
  conversation: Conversation;
  message?: TranscriptMessage;
  duplicate: boolean;
}

/** What the intake needs around it. */
export interface InboundIntakeOptions {
  store: Pick<
    ConversationStore,
    'getConversation' | 'findConversation' | 'createConversation' | 'updateConversation'
  > &
    Pick<TranscriptStore, 'findMessageByExternalId'> &
    DedupStore;
  events: EngineEvents;
  mutex: KeyedMutex;
  now: () => number;
  maxLength: number;
  /** Stores a transcript message and announces it. */
  append(conversation: Conversation, message: NewMessage): Promise<AppendedMessage>;
  /** The inbound pipeline (understanding, handoff, flows). */
  route(context: InboundContext): Promise<void>;
}

/**
 * The way in for every customer message: validate, find or open the conversation, deduplicate by
 * the provider's id across instances, store, then run the inbound pipeline, all under the
 * conversation's lock so two messages of one conversation never interleave.
 */
export class InboundIntake {
  constructor(private readonly options: InboundIntakeOptions) {}

  /**
   * Handles one message. Stored before anything else, so a crash later loses no customer text.
   * With `route: false` the message is only stored (and deduplicated): a channel keyword the
   * adapter answers itself, such as SMS STOP or HELP. `onStored` runs as soon as the message is
   * safely stored (or known to be a duplicate), before the flows: a webhook acknowledges there,
   * so the provider never waits for slow work.
   */
  async handle(
    inbound: InboundMessage,
    options: { route?: boolean; onStored?: () => void } = {},
  ): Promise<InboundResult> {
    const { store, mutex, now } = this.options;
    const text = validMessageText(inbound.text, inbound.attachments, this.options.maxLength);
    return mutex.run(conversationLockKey(inbound.ref), async () => {
      const dedupKey = inbound.externalId ? `in:${inbound.ref.channel}:${inbound.externalId}` : undefined;
      const claimed = dedupKey ? await store.remember(dedupKey, INBOUND_CLAIM_MS) : true;
      let conversation = await this.findOrCreate(inbound);
      if (inbound.externalId !== undefined && (await this.isStored(conversation, inbound.externalId))) {
        options.onStored?.();
        return { conversation, duplicate: true };
      }
      if (!claimed) {
        // Another instance is storing it right now (or died doing so): the sender must retry.
        throw new ConflictError('This message is still being processed; try again shortly', 'in_progress');
      }
      try {
        const appended = await this.options.append(conversation, {
          author: 'customer',
          text,
          createdAt: inbound.receivedAt ?? now(),
          ...(inbound.attachments?.length && { attachments: inbound.attachments }),
          ...(inbound.externalId !== undefined && { externalId: inbound.externalId }),
          ...(options.route === false && { unrouted: true as const }),
        });
        options.onStored?.();
        const message = appended.message;
        conversation = appended.conversation;
        if (options.route === false) return { conversation, message, duplicate: false };
        await this.options.route({ conversation, message, understanding: nothingUnderstood() });
        const latest = (await store.getConversation(conversation.id)) ?? conversation;
        return { conversation: latest, message, duplicate: false };
      } catch (error) {
        // Let the provider's retry through: the message was not handled.
        if (dedupKey) await store.forget(dedupKey);
        throw error;
      }
    });
  }

  private async findOrCreate(inbound: InboundMessage): Promise<Conversation> {
    const { store, events } = this.options;
    const existing = await store.findConversation(inbound.ref.channel, inbound.ref.conversationKey);
    if (existing) {
      if (inbound.profile && hasNewProfileFields(existing.profile, inbound.profile)) {
        return (
          (await store.updateConversation(existing.id, (c) => ({
            ...c,
            profile: { ...c.profile, ...inbound.profile },
          }))) ?? existing
        );
      }
      return existing;
    }
    const created = await store.createConversation({
      id: `c_${randomBytes(9).toString('base64url')}`,
      ref: inbound.ref,
      profile: inbound.profile ?? {},
    });
    events.emit('conversation', { conversation: created });
    return created;
  }

  /** Whether a customer message with this provider id is already in the transcript. */
  private async isStored(conversation: Conversation, externalId: string): Promise<boolean> {
    const found = await this.options.store.findMessageByExternalId(conversation.id, externalId);
    return found?.author === 'customer';
  }
}

/** Whether `incoming` brings a profile field the conversation does not have (or has otherwise). */
export function hasNewProfileFields(
  current: Conversation['profile'],
  incoming: Conversation['profile'],
): boolean {
  return Object.entries(incoming).some(
    ([key, value]) => value !== undefined && current[key as keyof typeof current] !== value,
  );
}
