import type { Conversation } from '../model/conversation';
import { handledAroundTheClock } from './classification';
import { describeInstant } from './describe-instant';
import { describeHours, isOpen, nextOpening } from './opening-hours';
import { timeZoneForPhone } from './phone-time-zone';
import { SEVERITIES, type SeverityName, type SupportPolicy } from './policy-schema';

/** What decides when a human answers. */
export interface ReplySituation {
  now: number;
  agentsOnline: number;
}

/** The customer's time zone: from the browser on the web, else from the phone number's country. */
export function customerTimeZone(conversation: Conversation): string | undefined {
  return conversation.profile.timeZone ?? timeZoneForPhone(conversation.profile.phone);
}

/**
 * The truthful answer to "when will a person reply?" for this conversation under the policy: at
 * any hour for critical platform issues and paid escalations, else in business hours; honest when
 * nobody is signed in; times in UTC and in the customer's own zone when known.
 */
export function replyExpectation(
  policy: SupportPolicy,
  conversation: Conversation,
  { now, agentsOnline }: ReplySituation,
): string {
  const brief = conversation.brief ?? {};
  const zone = customerTimeZone(conversation);
  // What the customer confirmed, else what their words suggested: a critical problem described out
  // of hours is never told to wait for business hours because nobody has classified it yet.
  const severity = brief.severity ?? asSeverity(brief.suggestedSeverity);
  const category =
    brief.category ??
    asCategory(brief.suggestedCategory) ??
    (severity && policy.severities[severity].critical ? 'platform' : undefined);
  const outage = severity !== undefined && severity === policy.outageSeverity;
  if (handledAroundTheClock(policy, category, severity) || brief.paidEscalationConsent) {
    const why = brief.paidEscalationConsent
      ? 'You accepted paid escalation, so your report is flagged for the on-call engineer at any hour.'
      : `${capitalise(category ?? 'platform')} ${severity} issues are handled around the clock${brief.severity ? '' : ' (from what you described; the team will confirm the severity)'}.`;
    const who =
      agentsOnline > 0
        ? 'Someone is signed in now and your report is at the top of their queue.'
        : 'Nobody is signed in to the chat at this moment; your report is at the top of the queue for the first person who is.';
    const updates = outage
      ? ` During an outage the team is busy fixing it, so please follow ${policy.statusPage.url} for updates and expect short replies.`
      : '';
    return `${why} ${who}${updates}`;
  }
  const hours = policy.businessHours;
  if (isOpen(hours, now)) {
    return agentsOnline > 0
      ? 'Someone from the team is signed in and will reply here as soon as they can.'
      : `It is within our support hours (${describeHours(hours)}), but nobody is signed in to the chat right now. The first person to sign in will reply here.`;
  }
  const opens = nextOpening(hours, now);
  const soonest = `${describeInstant(opens, now, zone)}`;
  const bestEffort =
    agentsOnline > 0
      ? 'Someone is signed in right now and may answer sooner, as a best effort.'
      : 'Nobody is signed in right now; we answer outside these hours only when someone is available.';
  return (
    `We handle this kind of issue during support hours, ${describeHours(hours)}, and it is now ` +
    `${describeInstant(now, now, zone)}. Expect a reply from ${soonest}. ${bestEffort}`
  );
}

function asSeverity(value: unknown): SeverityName | undefined {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value)
    ? (value as SeverityName)
    : undefined;
}

function asCategory(value: unknown): 'platform' | 'operational' | undefined {
  return value === 'platform' || value === 'operational' ? value : undefined;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
