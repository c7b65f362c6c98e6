import type { TranscriptMessage } from '../../src/model/message';

/**
 * Our Message-ID for a transcript message: the same on every retry of that message (so a
 * receiving server drops a duplicate), and unique across conversations.
 */
export function outboundMessageId(message: TranscriptMessage, domain: string): string {
  const conversation = message.conversationId.replace(/[^A-Za-z0-9_-]/g, '');
  return `<handoff.${conversation}.${message.seq}@${domain}>`;
}

/** `Re: <thread subject> [T-7K3Q9]`: the customer's client threads it, the desk finds the ticket. */
export function replySubject(threadSubject: string, ticketId: string | undefined): string {
  const base = threadSubject
    .replace(/^((re|fwd?|aw|sv)\s*:\s*)+/i, '')
    .replace(/\s*\[T-[2-9A-HJKMNP-Z]{5}\]\s*/gi, ' ')
    .trim();
  const tag = ticketId ? ` [${ticketId}]` : '';
  return `Re: ${base || 'Your support request'}${tag}`;
}

/** The plain-text body: the message, then the documentation pages it cites as links. */
export function emailBody(message: TranscriptMessage): string {
  const citations = message.citations ?? [];
  const links = citations.length > 0 ? `\n\n${citations.map((c) => `${c.title}: ${c.url}`).join('\n')}` : '';
  return `${message.text}${links}\n`;
}
