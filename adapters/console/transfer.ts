import type { Engine } from '../../src/engine/engine';
import { ConflictError, NotFoundError } from '../../src/errors';
import type { Agent } from '../../src/model/agent';
import type { Conversation } from '../../src/model/conversation';
import type { ConversationReadModel } from '../../src/store/conversation-read-model';
import type { AgentStore } from '../../src/store/ports';

/**
 * Hands an agent's conversation to another agent with the engine's own steps: a release (the
 * conversation is queued for an instant) and a claim in the other agent's name, so the transcript,
 * the customer ("… has joined") and every console see the change. If someone else claims it in
 * that instant, their claim wins and the transfer reports a conflict.
 */
export async function transferConversation(
  engine: Engine,
  agents: Pick<AgentStore, 'getAgent'>,
  conversations: Pick<ConversationReadModel, 'get'>,
  from: Agent,
  conversationId: string,
  toAgentId: string,
): Promise<{ conversation: Conversation; to: Agent }> {
  const to = await agents.getAgent(toAgentId);
  if (!to || to.disabledAt !== undefined) throw new NotFoundError('Agent', 'No such agent');
  if (to.id === from.id) throw new ConflictError('The conversation is already yours', 'same_agent');
  const current = await conversations.get(conversationId);
  if (!current) throw new NotFoundError('Conversation');
  if (current.mode !== 'assigned' || current.assignedAgentId !== from.id)
    throw new ConflictError('Only the agent who has the conversation can transfer it', 'not_assigned');
  await engine.handoff.release(conversationId, from);
  const conversation = await engine.handoff.claim(conversationId, to);
  return { conversation, to };
}
