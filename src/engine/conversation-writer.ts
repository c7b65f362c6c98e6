import { NotFoundError } from '../errors';
import type { EngineEvents } from '../events/engine-events';
import type { Conversation } from '../model/conversation';
import type { AppendedMessage, ConversationStore, NewMessage, TranscriptStore } from '../store/ports';

/**
 * The two writes every part of the engine makes, each followed by its announcement: a transcript
 * message (`message` event) and a conversation change (`conversation` event). Gateways and
 * webhooks learn of changes only through these events, so no part writes around them.
 */
export class ConversationWriter {
  constructor(
    private readonly store: Pick<ConversationStore, 'updateConversation'> &
      Pick<TranscriptStore, 'appendMessage'>,
    private readonly events: EngineEvents,
  ) {}

  /** Stores a transcript message and announces it; also gives the conversation as it is after it. */
  async append(conversation: Conversation, message: NewMessage): Promise<AppendedMessage> {
    const appended = await this.store.appendMessage(conversation.id, message);
    this.events.emit('message', appended);
    return appended;
  }

  /** Changes a conversation atomically and announces the change. */
  async update(
    conversationId: string,
    change: (conversation: Conversation) => Conversation,
  ): Promise<Conversation> {
    const updated = await this.store.updateConversation(conversationId, (c) => change(structuredClone(c)));
    if (!updated) throw new NotFoundError('Conversation');
    this.events.emit('conversation', { conversation: updated });
    return updated;
  }
}
