import type { ProblemBrief } from '../src/model/conversation';
import type { KnowledgeHit } from '../src/knowledge/knowledge-base';
import type { MessageContent } from '../src/model/message';
import { describeEscalationPrice, handledAroundTheClock } from '../src/policy/classification';
import { describeInstant } from '../src/policy/describe-instant';
import { describeHours, isOpen, nextOpening } from '../src/policy/opening-hours';
import type { SupportPolicy } from '../src/policy/policy-schema';
import { extractEntities } from '../src/understanding/entity-extractors';
import { isCallProblem } from './report-problem/problem-topic';
import { sectionTitle } from './report-problem/report-texts';

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
): string {
  const hours = describeHours(policy.businessHours);
  if (handledAroundTheClock(policy, brief.category, brief.severity)) {
    return `${brief.severity} platform issues are handled around the clock, so an engineer will pick this up at any hour.`;
  }
  const category = brief.category ?? suggested?.category;
  if (!brief.severity && suggested && handledAroundTheClock(policy, category, suggested.severity)) {
    // Never "expect a reply from 08:00" for what reads like a critical platform problem.
    return `Your e-mail reads like a critical platform problem (${suggested.severity}): those are handled around the clock, so an engineer will pick this up at any hour. If it is less urgent, reply with its severity (P0-P5).`;
  }
  const critical = policy.aroundTheClock
    .map((rule) => `${rule.category} ${rule.severities.join('/')}`)
    .join(', ');
  const aroundTheClock = critical
    ? ` Critical problems (${critical}) are handled at any hour: reply with the severity, e.g. "P1", if this is one.`
    : '';
  if (isOpen(policy.businessHours, now)) {
    return `We are within our support hours (${hours}): a person will reply as soon as they can.${aroundTheClock}`;
  }
  const opens = nextOpening(policy.businessHours, now);
  return (
    `Our support hours are ${hours} and it is now ${describeInstant(now, now)}, so expect a reply from ` +
    `${describeInstant(opens, now)}.${aroundTheClock} If it cannot wait, paid escalation out of hours ` +
    `is available at ${describeEscalationPrice(policy)}: reply saying you accept it.`
  );
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
  },
): MessageContent {
  const { ticketId, brief, now, reopened, docs = [], suggested } = input;
  const opening = reopened
    ? `Thank you for your reply. Your ticket ${ticketId} was resolved, so we have reopened it.`
    : `Thank you for contacting support. We have opened ticket ${ticketId} for your e-mail.`;
  const callback = brief.callbackRequested
    ? ' You asked us to call you: please make sure your phone number is in your reply.'
    : '';
  const citations = docs.map((hit) => ({ title: sectionTitle(hit), url: hit.url }));
  const text = [
    opening,
    emailResponseTime(policy, brief, now, suggested) + callback,
    ...(citations.length > 0
      ? ['Meanwhile, these sections of our documentation may already answer it (listed below).']
      : []),
    `Please keep [${ticketId}] in the subject when you write about this problem, and reply to this e-mail to add details. No more automatic replies follow: the next message comes from a person.`,
  ].join('\n\n');
  return {
    text,
    summary: `Ticket ${ticketId} ${reopened ? 'reopened' : 'opened'}`,
    ...(citations.length > 0 && { citations }),
  };
}
