import type { Engine } from '../../src/engine/engine';
import { HandoffError } from '../../src/errors';
import type { Agent } from '../../src/model/agent';
import type { TranscriptMessage } from '../../src/model/message';
import type { ConversationReadModel } from '../../src/store/conversation-read-model';

/**
 * Adds an agent's internal note to a conversation's transcript. It is stored and announced like any
 * message, so every console watching sees it at once, but it never passes through the engine's
 * delivery: no channel is asked to send it, and the web chat leaves it out of what it pushes and
 * replays (see `seenByCustomer`). Any signed-in agent may note on any conversation, open or past.
 * With a `clientId`, a note re-sent after a dropped connection is stored once.
 */
export async function addInternalNote(
  engine: Engine,
  conversations: Pick<ConversationReadModel, 'get' | 'messageWithExternalId'>,
  agent: Agent,
  conversationId: string,
  text: string,
  clientId?: string,
): Promise<{ message: TranscriptMessage; duplicate: boolean }> {
  const conversation = await conversations.get(conversationId);
  if (!conversation) throw new HandoffError('not_found', 'Conversation not found');
  const externalId = clientId ? `note:${agent.id}:${clientId}` : undefined;
  if (externalId) {
    const earlier = await conversations.messageWithExternalId(conversationId, externalId);
    if (earlier?.author === 'note') return { message: earlier, duplicate: true };
  }
  const appended = await engine.writer.append(conversation, {
    author: 'note',
    authorName: agent.displayName,
    text: text.trim(),
    createdAt: Date.now(),
    ...(externalId !== undefined && { externalId }),
  });
  return { message: appended.message, duplicate: false };
}
