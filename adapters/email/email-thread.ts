import type { Conversation } from '../../src/model/conversation';
import type { ConversationStore, TicketStore, TranscriptStore } from '../../src/store/ports';
import { findTicketId } from '../../src/tickets/ticket-id';
import type { ParsedEmail } from './parse-email';

/** Where the e-mail threading facts of a conversation are kept (`conversation.memory.email`). */
export const EMAIL_MEMORY = 'email';

/** What the desk needs to answer in the customer's thread. */
export interface EmailThreadMemory {
  /** The subject the thread started with (ours carry it back with `Re:` and the ticket id). */
  subject: string;
  /** The customer's newest Message-ID: our next reply's In-Reply-To. */
  lastMessageId: string;
  /** Every Message-ID of the thread seen so far, oldest first (our replies' References). */
  references: string[];
  /** Where the customer asked replies to go, when not their From address. */
  replyTo?: string;
}

/** How many ids a References header keeps: the root and the newest ones (RFC 5322 allows trimming). */
const MAX_REFERENCES = 20;

/** The thread memory of a conversation, if it is an e-mail conversation that has one. */
export function threadMemory(conversation: Conversation): EmailThreadMemory | undefined {
  const memory = conversation.memory?.[EMAIL_MEMORY];
  return memory && typeof memory === 'object' ? (memory as EmailThreadMemory) : undefined;
}

/** The ids a References header lists: the thread's root and its newest ids. */
export function trimReferences(ids: string[]): string[] {
  const unique = [...new Set(ids)];
  if (unique.length <= MAX_REFERENCES) return unique;
  return [unique[0]!, ...unique.slice(unique.length - MAX_REFERENCES + 1)];
}

/** The thread memory after one more customer e-mail. */
export function rememberInbound(
  previous: EmailThreadMemory | undefined,
  mail: ParsedEmail,
): EmailThreadMemory {
  return {
    subject: previous?.subject || mail.subject,
    lastMessageId: mail.messageId,
    references: trimReferences([
      ...(previous?.references ?? []),
      ...mail.references,
      ...mail.inReplyTo,
      mail.messageId,
    ]),
    ...((mail.replyTo ?? previous?.replyTo) && { replyTo: mail.replyTo ?? previous?.replyTo }),
  };
}

/**
 * The e-mail conversation a message belongs to: one of our Message-IDs or a thread's first
 * Message-ID in In-Reply-To or References, else a ticket id in the subject (`[T-7K3Q9]`) when
 * the sender is that ticket's customer (quoting an id must not let a stranger into a ticket).
 * Undefined: the e-mail starts a new conversation.
 */
export async function findThread(
  store: Pick<ConversationStore, 'getConversation' | 'findConversation'> &
    Pick<TranscriptStore, 'findMessageByProviderId'> &
    Pick<TicketStore, 'getTicket'>,
  mail: ParsedEmail,
): Promise<Conversation | undefined> {
  const ids = [...mail.inReplyTo, ...[...mail.references].reverse()];
  for (const id of new Set(ids)) {
    const ours = await store.findMessageByProviderId(id);
    const replied = ours && (await store.getConversation(ours.conversationId));
    if (replied?.ref.channel === 'email') return replied;
    const root = await store.findConversation('email', id);
    if (root) return root;
  }
  const ticketId = findTicketId(mail.subject);
  const ticket = ticketId ? await store.getTicket(ticketId) : undefined;
  const conversation = ticket && (await store.getConversation(ticket.conversationId));
  if (conversation?.ref.channel === 'email' && conversation.ref.customerId === mail.from?.address) {
    return conversation;
  }
  return undefined;
}
