import type { Agent } from '../../src/model/agent';
import type { Conversation } from '../../src/model/conversation';
import type { TranscriptMessage } from '../../src/model/message';
import type { SatisfactionRating } from '../../src/model/satisfaction';
import type { AgentView, ConversationDetail, ConversationSummary } from '../../src/realtime/socket-events';
import { toWire } from '../../src/realtime/wire';
import { isClassified, suggestedClassification } from '../../src/policy/classification';

/** How the console names a customer: display name, @handle, number, or the channel's key. */
export function customerLabel(conversation: Conversation): string {
  const { profile, ref } = conversation;
  const parts = [
    profile.displayName,
    profile.handle && `@${profile.handle.replace(/^@/, '')}`,
    profile.phone,
  ].filter((part): part is string => Boolean(part));
  if (parts.length) return parts.join(' · ');
  return ref.channel === 'web' ? `Web visitor ${ref.conversationKey.slice(2, 8)}` : ref.customerId;
}

/** The queue row of a conversation. */
export function toSummary(conversation: Conversation): ConversationSummary {
  return {
    id: conversation.id,
    channel: conversation.ref.channel,
    customer: customerLabel(conversation),
    mode: conversation.mode,
    ...(conversation.queuedAt !== undefined && { queuedAt: conversation.queuedAt }),
    ...(conversation.lastMessageAt !== undefined && { lastMessageAt: conversation.lastMessageAt }),
    ...(conversation.lastCustomerText !== undefined && { lastCustomerText: conversation.lastCustomerText }),
    ...(conversation.assignedAgentId !== undefined && { assignedAgentId: conversation.assignedAgentId }),
    ...(conversation.assignedAgentName !== undefined && {
      assignedAgentName: conversation.assignedAgentName,
    }),
    ...(conversation.priority !== undefined && { priority: conversation.priority }),
    ...(conversation.brief?.severity !== undefined && { severity: conversation.brief.severity }),
    ...(conversation.brief?.category !== undefined && { category: conversation.brief.category }),
    ...(!isClassified(conversation.brief) && { suggested: suggestedClassification(conversation.brief) }),
    ...(conversation.unreachable !== undefined && { unreachable: conversation.unreachable.reason }),
    ...(conversation.handoffReason !== undefined && { handoffReason: conversation.handoffReason }),
    ...(conversation.tags !== undefined && conversation.tags.length > 0 && { tags: conversation.tags }),
  };
}

/** Everything the console shows about an opened conversation. */
export function toDetail(
  conversation: Conversation,
  messages: TranscriptMessage[],
  notes: string[] = [],
  ratings: SatisfactionRating[] = [],
): ConversationDetail {
  return {
    ...toSummary(conversation),
    profile: conversation.profile,
    customerId: conversation.ref.customerId,
    conversationKey: conversation.ref.conversationKey,
    history: conversation.history,
    messages: messages.map(toWire),
    ...(conversation.brief !== undefined && { brief: conversation.brief }),
    ...(notes.length > 0 && { notes }),
    ...(ratings.length > 0 && { ratings }),
  };
}

/** Queue order: most urgent first (severity priority), then longest waiting. */
export function byUrgency(a: Conversation, b: Conversation): number {
  return (a.priority ?? 5) - (b.priority ?? 5) || (a.queuedAt ?? 0) - (b.queuedAt ?? 0);
}

/** The agent as the console shows it (never the password hash). */
export function toAgentView(agent: Agent): AgentView {
  return { id: agent.id, username: agent.username, displayName: agent.displayName, role: agent.role };
}
