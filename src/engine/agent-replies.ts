import type { DeliveryPath } from '../delivery/delivery-path';
import { ConflictError, NotFoundError } from '../errors';
import type { Agent } from '../model/agent';
import type { Attachment, TranscriptMessage } from '../model/message';
import type { ConversationStore, DedupStore, TranscriptStore } from '../store/ports';
import { INBOUND_CLAIM_MS } from './inbound-intake';
import { conversationLockKey, type KeyedMutex } from './keyed-mutex';
import { validMessageText } from './message-text';

/** What agent replies need around them. */
export interface AgentRepliesOptions {
  store: Pick<ConversationStore, 'getConversation'> &
    Pick<TranscriptStore, 'findMessageByExternalId'> &
    DedupStore;
  delivery: DeliveryPath;
  mutex: KeyedMutex;
  now: () => number;
  maxLength: number;
}

/**
 * An agent's answers, sent on the customer's own channel by the agent who holds the conversation.
 * With a `clientId`, a reply the console re-sends after a dropped connection is delivered once:
 * the id is kept on the stored message, so even a crash between storing and answering cannot
 * double it or lose it.
 */
export class AgentReplies {
  constructor(private readonly options: AgentRepliesOptions) {}

  async send(
    conversationId: string,
    agent: Agent,
    text: string,
    options: { clientId?: string; attachments?: Attachment[] } = {},
  ): Promise<{ message: TranscriptMessage; duplicate: boolean }> {
    const { store, delivery, mutex, now } = this.options;
    const { clientId, attachments } = options;
    const clean = validMessageText(text, attachments, this.options.maxLength);
    const conversation = await store.getConversation(conversationId);
    if (!conversation) throw new NotFoundError('Conversation');
    if (conversation.mode !== 'assigned' || conversation.assignedAgentId !== agent.id) {
      throw new ConflictError('Claim the conversation before replying', 'not_assigned');
    }
    const externalId = clientId ? `agent:${agent.id}:${clientId}` : undefined;
    return mutex.run(conversationLockKey(conversation.ref), async () => {
      if (externalId) {
        const earlier = await store.findMessageByExternalId(conversation.id, externalId);
        if (earlier?.author === 'agent') return { message: earlier, duplicate: true };
        if (!(await store.remember(`reply:${externalId}`, INBOUND_CLAIM_MS))) {
          throw new ConflictError('This reply is still being sent; try again shortly', 'in_progress');
        }
      }
      const { message } = await delivery.deliver(conversation, {
        author: 'agent',
        authorName: agent.displayName,
        text: clean,
        createdAt: now(),
        ...(externalId !== undefined && { externalId }),
        ...(attachments?.length && { attachments }),
      });
      return { message, duplicate: false };
    });
  }
}
