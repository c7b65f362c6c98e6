import type { Engine } from '../../src/engine/engine';
import { ConflictError, HandoffError } from '../../src/errors';
import type { Agent } from '../../src/model/agent';
import type { Conversation } from '../../src/model/conversation';
import type { ConversationReadModel } from '../../src/store/conversation-read-model';

/**
 * An agent writes to a conversation the bot answers again (resolved, ended, or the customer left):
 * the handoff machine's `reopen` makes it theirs, the customer is told on their own channel who is
 * writing, and the agent's reply follows as usual. A conversation that is already the agent's is
 * returned as it is; one in the queue or with another agent is refused.
 */
export async function reopenConversation(
  engine: Engine,
  conversations: Pick<ConversationReadModel, 'get'>,
  agent: Agent,
  conversationId: string,
): Promise<Conversation> {
  const current = await conversations.get(conversationId);
  if (!current) throw new HandoffError('not_found', 'Conversation not found');
  if (current.mode === 'assigned' && current.assignedAgentId === agent.id) return current;
  if (current.unreachable)
    throw new ConflictError(
      `The customer can no longer be reached (${current.unreachable.reason})`,
      'unreachable',
    );
  if (current.mode === 'queued')
    throw new ConflictError('The customer is waiting: claim it instead', 'queued');
  if (current.mode === 'assigned')
    throw new ConflictError(
      `${current.assignedAgentName ?? 'Another agent'} has this conversation`,
      'not_assigned',
    );
  const conversation = await engine.handoff.transition(conversationId, {
    event: 'reopen',
    at: Date.now(),
    agentId: agent.id,
    agentName: agent.displayName,
  });
  await engine.say(conversation, `${agent.displayName} from the support team is writing to you again.`);
  return conversation;
}
