import { NotFoundError } from '../errors';
import type { EngineEvents } from '../events/engine-events';
import type { Conversation } from '../model/conversation';
import type { ConversationStore, RecordStore, TranscriptStore } from '../store/ports';

/** How soon after a docs answer a request for a person counts against that answer. */
const HUMAN_AFTER_ANSWER_MS = 30 * 60 * 1000;

/** What the analytics need around them. */
export interface AnswerAnalyticsOptions {
  store: Pick<ConversationStore, 'getConversation'> &
    Pick<TranscriptStore, 'getMessages' | 'updateMessage'> &
    Pick<RecordStore, 'appendRecord'>;
  events: EngineEvents;
  now: () => number;
}

/**
 * How bot answers fare, kept in the `answer-feedback` log the team reads: "Did this help?" on an
 * answer, and a request for a person soon after one (the team sees what the docs fail).
 */
export class AnswerAnalytics {
  constructor(private readonly options: AnswerAnalyticsOptions) {}

  /** Records "Did this help?" on a bot answer. */
  async recordFeedback(conversationId: string, seq: number, helpful: boolean): Promise<void> {
    const { store, events, now } = this.options;
    const conversation = await store.getConversation(conversationId);
    if (!conversation) throw new NotFoundError('Conversation');
    const message = await store.updateMessage(conversationId, seq, {
      feedback: helpful ? 'helpful' : 'not-helpful',
    });
    if (!message || message.author !== 'bot') throw new NotFoundError('Answer');
    await store.appendRecord('answer-feedback', {
      conversationId,
      seq,
      answerId: message.answerId,
      helpful,
      at: now(),
    });
    events.emit('messageUpdated', { conversation, message });
  }

  /** A "Human" soon after a docs answer counts against that answer. */
  async noteHumanAfterAnswer(conversation: Conversation): Promise<void> {
    const { store, now } = this.options;
    const recent = await store.getMessages(conversation.id, Math.max(0, conversation.lastSeq - 10));
    const answer = recent.reverse().find((m) => m.author === 'bot' && m.answerId !== undefined);
    if (answer?.answerId && now() - answer.createdAt < HUMAN_AFTER_ANSWER_MS) {
      await store.appendRecord('answer-feedback', {
        conversationId: conversation.id,
        answerId: answer.answerId,
        outcome: 'human',
        at: now(),
      });
    }
  }
}
