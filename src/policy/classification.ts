import type { Language } from '../i18n/languages';
import { translator } from '../i18n/translate';
import type { ProblemBrief } from '../model/conversation';
import { SEVERITIES, type SeverityName, type SupportPolicy } from './policy-schema';

/** Queue priority of a severity: P0 is 0 (most urgent), P5 is 5; unknown is 5. */
export function priorityOf(severity: ProblemBrief['severity']): number {
  return severity ? SEVERITIES.indexOf(severity) : 5;
}

/** Whether the policy handles this category and severity at any hour. */
export function handledAroundTheClock(
  policy: SupportPolicy,
  category: ProblemBrief['category'],
  severity: ProblemBrief['severity'],
): boolean {
  if (!category || !severity) return false;
  return policy.aroundTheClock.some(
    (rule) => rule.category === category && rule.severities.includes(severity),
  );
}

/** Whether the policy calls a severity critical. */
export function isCritical(policy: SupportPolicy, severity: SeverityName | undefined): boolean {
  return severity !== undefined && policy.severities[severity].critical;
}

/** The non-critical situation (new interconnect, a change, testing, onboarding) the text reveals, if any. */
export function nonCriticalSituation(policy: SupportPolicy, text: string): string | undefined {
  const lower = text.toLowerCase();
  return policy.nonCritical.situations.find((s) => s.phrases.some((phrase) => lower.includes(phrase)))?.name;
}

/** "$150 per hour (minimum 1 hour)" from the policy, in `language`. */
export function describeEscalationPrice(policy: SupportPolicy, language: Language = 'en'): string {
  const { pricePerHour, currency, minimumHours } = policy.paidEscalation;
  const price = new Intl.NumberFormat(language === 'en' ? 'en-US' : language, {
    style: 'currency',
    currency,
    minimumFractionDigits: 0,
    maximumFractionDigits: 2,
  }).format(pricePerHour);
  return translator(language)('time.pricePerHour', { price, count: minimumHours });
}
