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

/** What an agent sets before taking a conversation: the two facts the queue and the policy need. */
export interface Classification {
  severity: SeverityName;
  category: 'platform' | 'operational';
}

/** Whether a conversation's brief has both a category and a severity. */
export function isClassified(brief: ProblemBrief | undefined): boolean {
  return Boolean(brief?.severity && brief.category);
}

/**
 * The bot's suggestion for a brief not yet classified: what the customer confirmed so far, else
 * what the understanding step read in their words (a report's draft, triage, an e-mail).
 */
export function suggestedClassification(brief: ProblemBrief | undefined): Partial<Classification> {
  const severity = brief?.severity ?? asSeverity(brief?.suggestedSeverity);
  const category = brief?.category ?? asCategory(brief?.suggestedCategory);
  return { ...(severity && { severity }), ...(category && { category }) };
}

function asSeverity(value: unknown): SeverityName | undefined {
  return SEVERITIES.find((s) => s === value);
}

function asCategory(value: unknown): Classification['category'] | undefined {
  return value === 'platform' || value === 'operational' ? value : undefined;
}
