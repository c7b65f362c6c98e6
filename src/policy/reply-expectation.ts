import { textsFor } from '../i18n/translate';
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
  const t = textsFor(conversation);
  if (handledAroundTheClock(policy, category, severity) || brief.paidEscalationConsent) {
    const why = brief.paidEscalationConsent
      ? t('expectation.paid')
      : t(brief.severity ? 'expectation.aroundTheClock' : 'expectation.aroundTheClockSuggested', {
          category: t(`expectation.${category ?? 'platform'}`),
          severity,
        });
    const who = t(agentsOnline > 0 ? 'expectation.topOfQueueOnline' : 'expectation.topOfQueueOffline');
    const updates = outage ? t('expectation.outage', { statusPage: policy.statusPage.url }) : '';
    return `${why} ${who}${updates}`;
  }
  const hours = policy.businessHours;
  if (isOpen(hours, now)) {
    return agentsOnline > 0
      ? t('expectation.openOnline')
      : t('expectation.openOffline', { hours: describeHours(hours) });
  }
  const opens = nextOpening(hours, now);
  return t('expectation.closed', {
    hours: describeHours(hours),
    now: describeInstant(now, now, zone),
    opens: describeInstant(opens, now, zone),
    bestEffort: t(agentsOnline > 0 ? 'expectation.bestEffortOnline' : 'expectation.bestEffortOffline'),
  });
}

function asSeverity(value: unknown): SeverityName | undefined {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value)
    ? (value as SeverityName)
    : undefined;
}

function asCategory(value: unknown): 'platform' | 'operational' | undefined {
  return value === 'platform' || value === 'operational' ? value : undefined;
}
