import type { Language } from '../src/i18n/languages';
import { translator } from '../src/i18n/translate';
import type { ProblemBrief } from '../src/model/conversation';
import type { KnowledgeHit } from '../src/knowledge/knowledge-base';
import type { MessageContent } from '../src/model/message';
import { describeEscalationPrice, handledAroundTheClock } from '../src/policy/classification';
import { describeInstant } from '../src/policy/describe-instant';
import { describeHours, isOpen, nextOpening } from '../src/policy/opening-hours';
import type { SupportPolicy } from '../src/policy/policy-schema';
import { policyInLanguage } from '../src/policy/policy-in-language';
import { extractEntities } from '../src/understanding/entity-extractors';
import { isCallProblem } from './report-problem/problem-topic';
import { sectionTitle } from './docs-pages';

/** "Call me", "phone me back", "give us a call": the customer wants a call rather than mail. */
const CALL_ME = /\b(call|phone|ring)\s+(me|us)\b|\bcall\s*back\b|\bgive\s+(me|us)\s+a\s+(call|ring)\b/i;

/** A severity (and category) the words of an e-mail suggest; the customer or an agent confirms it. */
export interface SuggestedSeverity {
  severity: NonNullable<ProblemBrief['severity']>;
  category?: ProblemBrief['category'];
}

/**
 * What an e-mail tells about the problem before anyone reads it: a severity the customer named
 * (`P1`), the category that goes with it (calls are the platform), Call-IDs, and a request to be
 * called. Nothing is guessed beyond what the text says; the agent sets the rest.
 */
export function readEmailBrief(subject: string, text: string): ProblemBrief {
  const all = `${subject}\n${text}`;
  // The understanding step's entity readers: a severity named outright, and the Call-IDs.
  const entities = extractEntities(all);
  const severity = entities.severity;
  const callIds = entities.callIds.filter((id) => /[A-Za-z]/.test(id) && id.length >= 12);
  return {
    description: text.slice(0, 2000),
    ...(severity && { severity }),
    ...(isCallProblem(all) && { category: 'platform' as const }),
    ...(callIds.length > 0 && { callIds: callIds.slice(0, 10) }),
    ...(CALL_ME.test(all) && { callbackRequested: true }),
  };
}

/**
 * When a person will answer, under the policy: around the clock for the severities it names,
 * else in support hours, with paid escalation offered for what cannot wait outside them.
 */
export function emailResponseTime(
  policy: SupportPolicy,
  brief: ProblemBrief,
  now: number,
  suggested?: SuggestedSeverity,
  language: Language = 'en',
): string {
  const t = translator(language);
  const hours = describeHours(policy.businessHours, language);
  if (handledAroundTheClock(policy, brief.category, brief.severity)) {
    return t('email.aroundTheClock', { severity: brief.severity });
  }
  const category = brief.category ?? suggested?.category;
  if (!brief.severity && suggested && handledAroundTheClock(policy, category, suggested.severity)) {
    // Never "expect a reply from 08:00" for what reads like a critical platform problem.
    return t('email.readsCritical', { severity: suggested.severity });
  }
  const critical = policy.aroundTheClock
    .map((rule) => `${rule.category} ${rule.severities.join('/')}`)
    .join(', ');
  // Whole sentences, each from the catalog, joined: the optional ones are left out.
  const aroundTheClock = critical ? [t('email.criticalAnyHour', { critical })] : [];
  if (isOpen(policy.businessHours, now)) {
    return [t('email.open', { hours }), ...aroundTheClock].join(' ');
  }
  const opens = nextOpening(policy.businessHours, now);
  return [
    t('email.closed', {
      hours,
      now: describeInstant(now, now, undefined, language),
      opens: describeInstant(opens, now, undefined, language),
    }),
    ...aroundTheClock,
    t('email.paidEscalation', { price: describeEscalationPrice(policy, language) }),
  ].join(' ');
}

/**
 * The one automatic answer an e-mail gets: the ticket id to quote, when a person will answer,
 * and that no further robot mail follows. Reopened tickets are told so.
 */
export function emailAcknowledgement(
  policy: SupportPolicy,
  input: {
    ticketId: string;
    brief: ProblemBrief;
    now: number;
    reopened?: boolean;
    docs?: KnowledgeHit[];
    suggested?: SuggestedSeverity;
    /** The customer's language, English unless the mail told another. */
    language?: Language;
  },
): MessageContent {
  const { ticketId, brief, now, reopened, docs = [], suggested, language = 'en' } = input;
  const t = translator(language);
  const local = policyInLanguage(policy, language);
  const opening = t(reopened ? 'email.reopened' : 'email.opened', { ticketId });
  const when = [
    emailResponseTime(local, brief, now, suggested, language),
    ...(brief.callbackRequested ? [t('email.callback')] : []),
  ].join(' ');
  const citations = docs.map((hit) => ({ title: sectionTitle(hit), url: hit.url }));
  const text = [
    opening,
    when,
    ...(citations.length > 0 ? [t('email.docs')] : []),
    t('email.keepSubject', { ticketId }),
  ].join('\n\n');
  return {
    text,
    summary: t(reopened ? 'email.summaryReopened' : 'email.summaryOpened', { ticketId }),
    ...(citations.length > 0 && { citations }),
  };
}
