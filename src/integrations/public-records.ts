import type { Conversation, HandoffTransition } from '../model/conversation';
import type { TranscriptMessage } from '../model/message';
import type { Ticket } from '../model/ticket';

/**
 * What the operator's other systems see of a conversation (webhooks and the REST API): who, where,
 * which handoff state, and the problem brief. Flow state and the bot's memory stay inside.
 */
export interface PublicConversation {
  id: string;
  channel: Conversation['ref']['channel'];
  customerId: string;
  customer: Conversation['profile'];
  mode: Conversation['mode'];
  createdAt: string;
  updatedAt: string;
  queuedAt?: string;
  assignedAgent?: { id: string; name?: string };
  handoffReason?: string;
  brief?: Conversation['brief'];
  tags?: string[];
}

/** A ticket as the operator's systems see it (times as ISO 8601). */
export interface PublicTicket {
  id: string;
  conversationId: string;
  channel: Ticket['channel'];
  customerId: string;
  status: Ticket['status'];
  title: string;
  brief: Ticket['brief'];
  createdAt: string;
  updatedAt: string;
  reopenedCount: number;
}

/** One transcript message as the operator's systems see it. */
export interface PublicMessage {
  seq: number;
  author: TranscriptMessage['author'];
  text: string;
  createdAt: string;
  authorName?: string;
  attachments?: TranscriptMessage['attachments'];
  delivery?: TranscriptMessage['delivery'];
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** The public view of a conversation. */
export function publicConversation(conversation: Conversation): PublicConversation {
  return {
    id: conversation.id,
    channel: conversation.ref.channel,
    customerId: conversation.ref.customerId,
    customer: conversation.profile,
    mode: conversation.mode,
    createdAt: iso(conversation.createdAt),
    updatedAt: iso(conversation.updatedAt),
    ...(conversation.queuedAt !== undefined && { queuedAt: iso(conversation.queuedAt) }),
    ...(conversation.assignedAgentId !== undefined && {
      assignedAgent: {
        id: conversation.assignedAgentId,
        ...(conversation.assignedAgentName !== undefined && { name: conversation.assignedAgentName }),
      },
    }),
    ...(conversation.handoffReason !== undefined && { handoffReason: conversation.handoffReason }),
    ...(conversation.brief !== undefined && { brief: conversation.brief }),
    ...(conversation.tags?.length && { tags: conversation.tags }),
  };
}

/** The public view of a ticket. */
export function publicTicket(ticket: Ticket): PublicTicket {
  return {
    id: ticket.id,
    conversationId: ticket.conversationId,
    channel: ticket.channel,
    customerId: ticket.customerId,
    status: ticket.status,
    title: ticket.title,
    brief: ticket.brief,
    createdAt: iso(ticket.createdAt),
    updatedAt: iso(ticket.updatedAt),
    reopenedCount: ticket.reopenedCount,
  };
}

/** The public view of a transcript message. */
export function publicMessage(message: TranscriptMessage): PublicMessage {
  return {
    seq: message.seq,
    author: message.author,
    text: message.text,
    createdAt: iso(message.createdAt),
    ...(message.authorName !== undefined && { authorName: message.authorName }),
    ...(message.attachments?.length && { attachments: message.attachments }),
    ...(message.delivery !== undefined && { delivery: message.delivery }),
  };
}

/** A handoff transition with its time as ISO 8601. */
export function publicTransition(
  transition: HandoffTransition,
): Omit<HandoffTransition, 'at'> & { at: string } {
  return { ...transition, at: iso(transition.at) };
}
