import type { Language } from '../i18n/languages';
import { translator, type Translate } from '../i18n/translate';
import type { MessageContent } from '../model/message';
import { describeEscalationPrice } from './classification';
import { describeInstant } from './describe-instant';
import { describeHours, isOpen, nextOpening } from './opening-hours';
import { policyInLanguage } from './policy-in-language';
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
 * support or the phone line is open now and when it opens, in UTC and the customer's time. In the
 * customer's language, with the policy file's texts in that language (see `policyInLanguage`).
 */
export function policyFact(
  policy: SupportPolicy,
  fact: PolicyFact,
  situation: FactSituation,
  language: Language = 'en',
): MessageContent {
  const words: Words = { policy: policyInLanguage(policy, language), t: translator(language), language };
  // No summary: on SMS a policy answer goes out whole (in numbered parts), since every line of it is a fact.
  return { text: FACTS[fact](words, situation) };
}

/** The policy in the customer's language, the catalog's texts, and the language for clocks and prices. */
interface Words {
  policy: SupportPolicy;
  t: Translate;
  language: Language;
}

const FACTS: Record<PolicyFact, (words: Words, situation: FactSituation) => string> = {
  hours: (words, situation) =>
    words.t('policy.hours', {
      supportHours: supportHours(words),
      openNow: openNow(words, situation),
      escalation: escalation(words),
    }),
  around_the_clock: (words, situation) =>
    words.t('policy.aroundTheClock', {
      rules: criticalRules(words.policy),
      hours: hoursOf(words, 'businessHours'),
      openNow: openNow(words, situation),
      escalation: escalation(words),
    }),
  phone: ({ policy, t, language }, situation) => {
    const state = isOpen(policy.phoneHours, situation.now)
      ? t('policy.phoneOpen')
      : t('policy.phoneClosed', {
          opens: describeInstant(
            nextOpening(policy.phoneHours, situation.now),
            situation.now,
            situation.zone,
            language,
          ),
        });
    return t('policy.phone', {
      phone: policy.contacts.phone,
      hours: describeHours(policy.phoneHours, language),
      state,
    });
  },
  sms: ({ policy, t, language }) =>
    t('policy.sms', {
      numbers: either(
        language,
        policy.contacts.sms.map((s) => t('policy.smsNumber', { number: s.number, label: s.label })),
      ),
    }),
  telegram: ({ policy, t }) =>
    t('policy.telegram', { handle: policy.contacts.telegram.handle, url: policy.contacts.telegram.url }),
  email: ({ policy, t }) =>
    t('policy.email', { email: policy.contacts.email, ticketsHint: policy.contacts.ticketsHint }),
  contacts: (words, situation) => {
    const { policy, t } = words;
    return t('policy.contacts', {
      email: policy.contacts.email,
      phone: policy.contacts.phone,
      phoneHours: hoursOf(words, 'phoneHours'),
      sms: policy.contacts.sms.map((s) => `${s.label} ${s.number}`).join(', '),
      handle: policy.contacts.telegram.handle,
      url: policy.contacts.telegram.url,
      supportHours: supportHours(words),
      openNow: openNow(words, situation),
      statusPage: policy.statusPage.url,
    });
  },
  paid_escalation: (words) => {
    const { policy, t, language } = words;
    return t('policy.paidEscalation', {
      hours: hoursOf(words, 'businessHours'),
      severities: either(language, policy.paidEscalation.severities),
      price: describeEscalationPrice(policy, language),
      rules: criticalRules(policy),
      featureRequest: policy.featureRequestSeverity,
    });
  },
  severity: (words, situation) => {
    const { policy, t } = words;
    const named = situation.severities?.length ? situation.severities : [];
    const order = [...named, ...SEVERITIES.filter((s) => !named.includes(s))];
    const levels = order.map((s) =>
      t('policy.severityLevel', {
        severity: s,
        label: policy.severities[s].label,
        example: policy.severities[s].example,
      }),
    );
    return t('policy.severity', {
      levels: levels.join('\n'),
      rules: criticalRules(policy),
      hours: hoursOf(words, 'businessHours'),
      featureRequest: policy.featureRequestSeverity,
      statusPage: policy.statusPage.url,
    });
  },
  categories: ({ policy, t }) =>
    t('policy.categories', {
      platform: policy.categories.platform,
      operational: policy.categories.operational,
    }),
  noc: ({ policy, t }) =>
    t('policy.noc', {
      nocOnDemand: policy.nocOnDemand.description,
      nocAsAService: policy.nocAsAService.description,
      email: policy.contacts.email,
    }),
  status_page: ({ policy, t }, situation) =>
    situation.statusNow
      ? t('policy.statusPageNow', { url: policy.statusPage.url, now: situation.statusNow })
      : t('policy.statusPage', { url: policy.statusPage.url }),
  call_id: ({ policy, t }) =>
    t('policy.callId', {
      meaning: policy.callIdMeaning,
      whereToFind: policy.callIds.whereToFind,
      max: policy.callIds.maxPerReport,
    }),
  one_ticket: (words) =>
    words.t('policy.oneTicket', {
      email: words.policy.contacts.email,
      phone: words.policy.contacts.phone,
      phoneHours: hoursOf(words, 'phoneHours'),
    }),
  not_critical: (words) =>
    words.t('policy.notCritical', {
      situations: words.policy.nonCritical.situations.map((s) => s.name).join(', '),
      severity: words.policy.nonCritical.severity,
      hours: hoursOf(words, 'businessHours'),
    }),
  misreporting: ({ policy, t }) =>
    t('policy.misreporting', {
      misreporting: policy.misreporting,
      critical: SEVERITIES.filter((s) => policy.severities[s].critical).join(', '),
    }),
  report_info: ({ policy, t }) =>
    t('policy.reportInfo', { statusPage: policy.statusPage.url, docs: policy.docsUrl }),
  escalation_lines: ({ policy, t }) => {
    const [first, second, third] = policy.escalationLines;
    return t('policy.escalationLines', {
      first: capitalise(first.name),
      firstName: first.name,
      firstWho: first.who,
      second: capitalise(second.name),
      secondWho: second.who,
      third: capitalise(third.name),
      thirdWho: third.who,
      featureSeverity: policy.featureRequestSeverity,
      nocAsAService: policy.nocAsAService.description,
    });
  },
  ticket_lifecycle: ({ policy, t }) => {
    const { steps, reopenWindowDays, confirmFixHours } = policy.ticketLifecycle;
    return t('policy.ticketLifecycle', {
      steps: steps.map((step, i) => `${i + 1}. ${capitalise(step)}`).join('\n'),
      confirmFixHours,
      reopenWindowDays,
    });
  },
};

/** "A or B", "A, B, or C" as the language lists alternatives. */
function either(language: Language, items: readonly string[]): string {
  return new Intl.ListFormat(language, { type: 'disjunction' }).format(items);
}

function hoursOf({ policy, language }: Words, which: 'businessHours' | 'phoneHours'): string {
  return describeHours(policy[which], language);
}

function supportHours(words: Words): string {
  return words.t('policy.supportHours', {
    hours: hoursOf(words, 'businessHours'),
    rules: criticalRules(words.policy),
  });
}

/** "platform P0/P1/P2": the category and severities handled at any hour. */
function criticalRules(policy: SupportPolicy): string {
  return policy.aroundTheClock.map((rule) => `${rule.category} ${rule.severities.join('/')}`).join(', ');
}

function openNow({ policy, t, language }: Words, { now, zone }: FactSituation): string {
  const clock = describeInstant(now, now, zone, language);
  return isOpen(policy.businessHours, now)
    ? t('policy.open', { clock })
    : t('policy.closed', {
        clock,
        opens: describeInstant(nextOpening(policy.businessHours, now), now, zone, language),
      });
}

function escalation({ policy, t, language }: Words): string {
  return t('policy.escalation', {
    severities: policy.paidEscalation.severities.join('/'),
    price: describeEscalationPrice(policy, language),
  });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
