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

/**
 * The engine's chat notices whose wording does not fit e-mail ("type Human"), by how they start,
 * with what an e-mail customer should read instead. A notice not listed goes out as written.
 */
const EMAIL_WORDING: { startsWith: string; text: (ticketId: string | undefined) => string }[] = [
  {
    startsWith: 'This conversation has been marked as resolved',
    text: (ticketId) =>
      `We have marked ${ticketId ? `ticket ${ticketId}` : 'your request'} as resolved. If the problem comes back, reply to this e-mail and the ticket reopens.`,
  },
];

/** The plain-text body: the message (chat notices reworded for e-mail), then cited docs as links. */
export function emailBody(message: TranscriptMessage, ticketId?: string): string {
  const reworded =
    message.author === 'bot' ? EMAIL_WORDING.find((w) => message.text.startsWith(w.startsWith)) : undefined;
  const text = reworded ? reworded.text(ticketId) : message.text;
  const citations = message.citations ?? [];
  const links = citations.length > 0 ? `\n\n${citations.map((c) => `${c.title}: ${c.url}`).join('\n')}` : '';
  return `${text}${links}\n`;
}
