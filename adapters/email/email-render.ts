import type { Language } from '../../src/i18n/languages';
import { translator, type Translate } from '../../src/i18n/translate';
import type { NoticeKind, TranscriptMessage } from '../../src/model/message';

/**
 * Our Message-ID for a transcript message: the same on every retry of that message (so a
 * receiving server drops a duplicate), and unique across conversations.
 */
export function outboundMessageId(message: TranscriptMessage, domain: string): string {
  const conversation = message.conversationId.replace(/[^A-Za-z0-9_-]/g, '');
  return `<handoff.${conversation}.${message.seq}@${domain}>`;
}

/**
 * `Re: <thread subject> [T-7K3Q9]`: the customer's client threads it, the desk finds the ticket.
 * "Re:" stays as it is in every language: mail clients thread on it.
 */
export function replySubject(
  threadSubject: string,
  ticketId: string | undefined,
  language: Language = 'en',
): string {
  const base = threadSubject
    .replace(/^((re|fwd?|aw|sv)\s*:\s*)+/i, '')
    .replace(/\s*\[T-[2-9A-HJKMNP-Z]{5}\]\s*/gi, ' ')
    .trim();
  const tag = ticketId ? ` [${ticketId}]` : '';
  return `Re: ${base || translator(language)('email.subjectFallback')}${tag}`;
}

/**
 * The engine's chat notices as an e-mail customer should read them ("type Human" means nothing
 * in a mail client), from the catalog. Only the resolution is mailed (see `EMAIL_NOTICES`).
 */
const EMAIL_WORDING: Partial<Record<NoticeKind, (t: Translate, ticketId: string | undefined) => string>> = {
  resolved: (t, ticketId) => (ticketId ? t('email.resolved', { ticketId }) : t('email.resolvedNoTicket')),
};

/**
 * The handoff notices mailed to the customer. The acknowledgement already gave the ticket and the
 * wait, so "alerting the team" would repeat it, and "an agent joined" would be a mail with nothing
 * to act on: the agent's first reply, sent in their name, is how the customer meets them.
 */
export const EMAIL_NOTICES: readonly NoticeKind[] = ['resolved'];

/**
 * The plain-text body: the message (chat notices reworded for e-mail in the conversation's
 * language), then cited docs as links.
 */
export function emailBody(message: TranscriptMessage, ticketId?: string, language: Language = 'en'): string {
  const reword = message.author === 'bot' && message.notice ? EMAIL_WORDING[message.notice] : undefined;
  const text = reword ? reword(translator(language), ticketId) : message.text;
  const citations = message.citations ?? [];
  const links = citations.length > 0 ? `\n\n${citations.map((c) => `${c.title}: ${c.url}`).join('\n')}` : '';
  return `${text}${links}\n`;
}
