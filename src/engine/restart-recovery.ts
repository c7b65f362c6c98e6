import type { ConversationStore, DedupStore, TranscriptStore } from '../store/ports';
import { nothingUnderstood } from '../understanding/understanding';
import type { InboundContext } from './inbound-pipeline';
import { conversationLockKey, type KeyedMutex } from './keyed-mutex';

/** What restart recovery needs around it. */
export interface RestartRecoveryOptions {
  store: Pick<ConversationStore, 'getConversation' | 'listConversations'> &
    Pick<TranscriptStore, 'getMessages'> &
    Pick<DedupStore, 'remember'>;
  mutex: KeyedMutex;
  now: () => number;
  /** The inbound pipeline the message is answered through. */
  route(context: InboundContext): Promise<void>;
}

/**
 * Answers customer messages that were stored but never answered because the process died in
 * between (a webhook is acknowledged once the message is stored, so nobody sends it again).
 */
export class RestartRecovery {
  constructor(private readonly options: RestartRecoveryOptions) {}

  /**
   * The newest message of a conversation the bot answers is the customer's, older than `minAgeMs`
   * (not in flight) and younger than `maxAgeMs` (the customer is likely still there). Each is
   * claimed first, so of several instances starting at once one answers it. Returns how many.
   */
  async answerUnanswered(maxAgeMs: number, minAgeMs = 3000): Promise<number> {
    const { store, mutex } = this.options;
    const now = this.options.now();
    const candidates = await store.listConversations({ modes: ['bot', 'resolved'], limit: 500 });
    let answered = 0;
    for (const conversation of candidates) {
      const at = conversation.lastMessageAt ?? 0;
      if (conversation.unreachable || at > now - minAgeMs || at < now - maxAgeMs) continue;
      const [last] = await store.getMessages(conversation.id, conversation.lastSeq - 1);
      if (!last || last.author !== 'customer' || last.unrouted) continue;
      if (!(await store.remember(`unanswered:${conversation.id}:${last.seq}`, maxAgeMs))) continue;
      await mutex.run(conversationLockKey(conversation.ref), async () => {
        const current = (await store.getConversation(conversation.id)) ?? conversation;
        // Answered meanwhile (the customer wrote again, or another instance got there first).
        if (current.lastSeq !== last.seq) return;
        await this.options.route({
          conversation: current,
          message: last,
          understanding: nothingUnderstood(),
        });
        answered += 1;
      });
    }
    return answered;
  }
}
