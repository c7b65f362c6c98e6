import type { ParsedEmail } from './parse-email';

/** Why an e-mail must not be answered: a bounce, another robot, or ourselves. */
export type Unanswerable =
  | { kind: 'bounce'; reason: string }
  | { kind: 'automated'; reason: string }
  | { kind: 'own'; reason: string };

const ROBOT_SENDERS = /^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|bounces?)([+-].*)?@/i;

/**
 * Whether an e-mail comes from a machine that must never get an answer (RFC 3834): a delivery
 * failure report, an automatic reply (Auto-Submitted, X-Autoreply), bulk or list mail
 * (Precedence, List-Id), or a message from one of our own addresses. Answering any of them can
 * start a loop between two robots.
 */
export function unanswerable(mail: ParsedEmail, ownAddresses: readonly string[]): Unanswerable | undefined {
  const sender = mail.from?.address ?? '';
  const contentType = mail.contentType.toLowerCase();
  if (/multipart\/report/.test(contentType) && /report-type="?delivery-status/.test(contentType)) {
    return { kind: 'bounce', reason: 'delivery status report' };
  }
  if (/^(mailer-daemon|postmaster)@/i.test(sender)) return { kind: 'bounce', reason: `from ${sender}` };
  if (ownAddresses.includes(sender)) return { kind: 'own', reason: `from our own address ${sender}` };
  const autoSubmitted = mail.header('auto-submitted')?.toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no') {
    return { kind: 'automated', reason: `Auto-Submitted: ${autoSubmitted}` };
  }
  const precedence = mail.header('precedence')?.toLowerCase();
  if (precedence && ['bulk', 'junk', 'list', 'auto_reply'].includes(precedence)) {
    return { kind: 'automated', reason: `Precedence: ${precedence}` };
  }
  if (mail.header('list-id') !== undefined) return { kind: 'automated', reason: 'mailing list (List-Id)' };
  if (mail.header('x-autoreply') !== undefined || mail.header('x-autorespond') !== undefined) {
    return { kind: 'automated', reason: 'X-Autoreply' };
  }
  if (mail.header('return-path') === '<>') return { kind: 'automated', reason: 'empty Return-Path' };
  if (ROBOT_SENDERS.test(sender)) return { kind: 'automated', reason: `from ${sender}` };
  return undefined;
}

/** The reason a bounce gives for the failure (`Diagnostic-Code`, else `Status`), for the agent. */
export function bounceReason(mail: ParsedEmail): string {
  const diagnostic = /^Diagnostic-Code:\s*(?:smtp;\s*)?(.+)$/im.exec(mail.source)?.[1];
  const status = /^Status:\s*(\d\.\d+\.\d+)/im.exec(mail.source)?.[1];
  const why = diagnostic?.trim() ?? (status ? `status ${status}` : 'no reason given');
  return `Bounced: ${why.slice(0, 300)}`;
}
