import type { MessageContent } from '../model/message';
import { describeEscalationPrice } from './classification';
import { describeInstant } from './describe-instant';
import { describeHours, isOpen, nextOpening } from './opening-hours';
import { SEVERITIES, type SeverityName, type SupportPolicy } from './policy-schema';

/** The facts of the support policy a customer can ask about (one per `policy.*` intent). */
export type PolicyFact =
  | 'hours'
  | 'around_the_clock'
  | 'phone'
  | 'sms'
  | 'telegram'
  | 'email'
  | 'contacts'
  | 'paid_escalation'
  | 'severity'
  | 'categories'
  | 'noc'
  | 'status_page'
  | 'call_id'
  | 'one_ticket'
  | 'not_critical'
  | 'misreporting'
  | 'report_info'
  | 'escalation_lines'
  | 'ticket_lifecycle';

/** What the live parts of an answer depend on. */
export interface FactSituation {
  now: number;
  /** The customer's time zone, when known. */
  zone?: string;
  /** Severities the customer named, shown first. */
  severities?: SeverityName[];
  /** What the status page shows right now, in one line, when a status API is configured. */
  statusNow?: string;
}

/**
 * A direct, short answer to a question about the support policy, built only from the policy file
 * (so another team's policy answers for itself) and, where it matters, the live state: whether
 * support or the phone line is open now and when it opens, in UTC and the customer's time.
 */
export function policyFact(
  policy: SupportPolicy,
  fact: PolicyFact,
  situation: FactSituation,
): MessageContent {
  // No summary: on SMS a policy answer goes out whole (in numbered parts), since every line of it is a fact.
  return { text: FACTS[fact](policy, situation) };
}

const FACTS: Record<PolicyFact, (policy: SupportPolicy, situation: FactSituation) => string> = {
  hours: (policy, situation) =>
    `${supportHours(policy)}\n${openNow(policy, situation)}\nOut of hours, ${escalation(policy)}`,
  around_the_clock: (policy, situation) =>
    `Yes, ${aroundTheClock(policy)} are handled 24/7, around the clock, nights and weekends included. ` +
    `Everything else is handled in support hours, ${describeHours(policy.businessHours)}. ${openNow(policy, situation)}\n` +
    `Out of hours, ${escalation(policy)}`,
  phone: (policy, situation) => {
    const open = isOpen(policy.phoneHours, situation.now);
    const state = open
      ? 'The line is staffed right now.'
      : `The line is closed right now; it opens at ${describeInstant(nextOpening(policy.phoneHours, situation.now), situation.now, situation.zone)}.`;
    return `Phone: ${policy.contacts.phone}. Please call between ${describeHours(policy.phoneHours)}, unless the issue is critical. ${state}`;
  },
  sms: (policy) =>
    `You can text us on ${policy.contacts.sms.map((s) => `${s.number} (${s.label})`).join(' or ')}. SMS gets the same bot and the same team as this chat.`,
  telegram: (policy) =>
    `Our Telegram bot is ${policy.contacts.telegram.handle}: ${policy.contacts.telegram.url}. It works like this chat, and "Human" reaches the team there too.`,
  email: (policy) =>
    `E-mail ${policy.contacts.email}: every e-mail becomes a support ticket. ${policy.contacts.ticketsHint} Please keep one problem per ticket.`,
  contacts: (policy, situation) =>
    [
      `You can reach support by:`,
      `• Chat: right here; type "Human" to reach a person.`,
      `• E-mail: ${policy.contacts.email} (every e-mail becomes a ticket).`,
      `• Phone: ${policy.contacts.phone}, ${describeHours(policy.phoneHours)} unless critical.`,
      `• SMS: ${policy.contacts.sms.map((s) => `${s.label} ${s.number}`).join(', ')}`,
      `• Telegram: ${policy.contacts.telegram.handle} (${policy.contacts.telegram.url})`,
      `${supportHours(policy)} ${openNow(policy, situation)}`,
      `Known outages: ${policy.statusPage.url}`,
    ].join('\n'),
  paid_escalation: (policy) =>
    `Out of support hours (${describeHours(policy.businessHours)}), a ${policy.paidEscalation.severities.join(' or ')} problem that is critical for your business can be escalated to the on-call engineer as paid support: ${describeEscalationPrice(policy)}, charged only after you explicitly agree. ` +
    `${capitalise(aroundTheClock(policy))} are handled 24/7 anyway, at no charge. A ${policy.featureRequestSeverity} feature request can be escalated too, but a project cost may apply.`,
  severity: (policy, situation) => {
    const named = situation.severities?.length ? situation.severities : [];
    const order = [...named, ...SEVERITIES.filter((s) => !named.includes(s))];
    const lines = order.map((s) => {
      const level = policy.severities[s];
      return `• ${s} (${level.label}): ${level.example}.`;
    });
    return `Severity levels, from most to least urgent:\n${lines.join('\n')}\n${capitalise(aroundTheClock(policy))} are handled 24/7; the rest in support hours (${describeHours(policy.businessHours)}). A feature request is ${policy.featureRequestSeverity}.`;
  },
  categories: (policy) =>
    `Every problem is in one of two categories:\n• Platform: ${policy.categories.platform}.\n• Operational: ${policy.categories.operational}.\nA problem you caused with your own configuration is operational.`,
  noc: (policy) =>
    `${policy.nocOnDemand.description} ${policy.nocAsAService.description} Both are arranged directly with our team: tell me you are interested and I will pass on your enquiry, or write to ${policy.contacts.email}.`,
  status_page: (policy, situation) =>
    `Known outages and incidents are posted on our status page: ${policy.statusPage.url}${situation.statusNow ? `\nRight now it shows: ${situation.statusNow}` : ''}\nIf your problem is not there, tell me what is going wrong and I will help you report it.`,
  call_id: (policy) =>
    `${policy.callIdMeaning} ${policy.callIds.whereToFind} When you report failing calls, include the Call-IDs of a few of them (up to ${policy.callIds.maxPerReport}).`,
  one_ticket: (policy) =>
    `One problem per ticket, please: each problem is handled by the right person and nothing gets lost. Report them one at a time here (or send them as a numbered list and I will file one ticket each). ` +
    `For a system-wide change, e-mail ${policy.contacts.email}; to go through many concerns at once, call ${policy.contacts.phone}, ${describeHours(policy.phoneHours)}.`,
  not_critical: (policy) =>
    `Problems that come up while ${policy.nonCritical.situations.map((s) => s.name).join(', ')} are not critical under our policy, whatever severity is chosen: they are filed as ${policy.nonCritical.severity} at most and handled in support hours (${describeHours(policy.businessHours)}).`,
  misreporting: (policy) =>
    `${policy.misreporting} Critical (${SEVERITIES.filter((s) => policy.severities[s].critical).join(', ')}) is for problems that stop your business; if unsure, pick the lower level and tell us why it hurts.`,
  report_info: (policy) =>
    [
      'To report a problem well:',
      `1. Check the status page first: ${policy.statusPage.url}`,
      `2. Check the docs: ${policy.docsUrl}`,
      '3. Gather: the category (platform or operational), the severity (P0-P5), the Call-IDs of a few failing calls, when it started, what you tried, what you observe (and, apart, what you suspect), and a screenshot for interface problems.',
      '4. One problem per ticket. I can take the report right here: just describe the problem.',
    ].join('\n'),
  escalation_lines: (policy) => {
    const [first, second, third] = policy.escalationLines;
    return [
      'Your ticket is worked on by three support lines:',
      `• ${capitalise(first.name)}: ${first.who}. Every ticket starts here.`,
      `• ${capitalise(second.name)}: ${second.who}. A problem the ${first.name} cannot resolve, or a critical one, goes here.`,
      `• ${capitalise(third.name)}: ${third.who}. Rare, deep platform failures go here, and so do feature requests (${policy.featureRequestSeverity}), for which a project cost may apply.`,
      'When your ticket moves up a line you are told who has it and why. You do not need to ask for it: describe the problem and its impact, and the team escalates when needed.',
      `For a first line of your own: ${policy.nocAsAService.description}`,
    ].join('\n');
  },
  ticket_lifecycle: (policy) => {
    const { steps, reopenWindowDays, confirmFixHours } = policy.ticketLifecycle;
    return [
      'A ticket goes through these steps:',
      ...steps.map((step, i) => `${i + 1}. ${capitalise(step)}`),
      `When a fix is proposed you are asked to test it: "works" closes the ticket, "still broken" reopens it and it goes back to the team. Without an answer within ${confirmFixHours} hours it is closed with a note.`,
      `If the same problem comes back within ${reopenWindowDays} days of closing, tell us and the same ticket is reopened (no new ticket needed); after that a new ticket is opened that links the old one.`,
    ].join('\n');
  },
};

function supportHours(policy: SupportPolicy): string {
  return `Support hours are ${describeHours(policy.businessHours)} for operational and non-critical issues; ${aroundTheClock(policy)} are handled 24/7.`;
}

function aroundTheClock(policy: SupportPolicy): string {
  const rules = policy.aroundTheClock.map((rule) => `${rule.category} ${rule.severities.join('/')}`);
  return `critical issues (${rules.join(', ')})`;
}

function openNow(policy: SupportPolicy, { now, zone }: FactSituation): string {
  const clock = describeInstant(now, now, zone);
  return isOpen(policy.businessHours, now)
    ? `Support is open right now (it is ${clock}).`
    : `Support is closed right now (it is ${clock}); it opens again at ${describeInstant(nextOpening(policy.businessHours, now), now, zone)}.`;
}

function escalation(policy: SupportPolicy): string {
  return `a ${policy.paidEscalation.severities.join('/')} problem that is critical for you can be escalated as paid support at ${describeEscalationPrice(policy)}.`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
