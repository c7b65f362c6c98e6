import { z } from 'zod';
import { phoneLineSchema } from './phone-line-schema';
import { policyTextsSchema } from './policy-texts-schema';

const SEVERITY_NAMES = ['P0', 'P1', 'P2', 'P3', 'P4', 'P5'] as const;
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const ALL_DAYS = [...WEEKDAYS];

/** A severity level's name, P0 (most urgent) to P5. */
export const severityName = z.enum(SEVERITY_NAMES);
/** A day of the week as the policy file spells it. */
export const weekday = z.enum(WEEKDAYS);

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be HH:MM (00:00-24:00)');

const timeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as UTC or Europe/London');

/** A weekly window of opening hours in one time zone; `close` is exclusive. */
const openingHours = z.object({
  timeZone: timeZone.default('UTC'),
  days: z.array(weekday).min(1).default(ALL_DAYS),
  open: clockTime,
  close: clockTime,
});

const severityLevel = z.object({
  /** Critical, Important, Trivial. */
  label: z.string().min(1),
  /** Whether the policy calls this level critical. */
  critical: z.boolean(),
  /** One example the customer can recognise their problem in. */
  example: z.string().min(1),
});

const supportLine = z.object({
  /** How the customer hears the line named ("2nd line"). */
  name: z.string().min(1),
  /** Who works there, as the customer should hear it. */
  who: z.string().min(1),
});

const nonCriticalSituation = z.object({
  /** How the bot names the situation to the customer. */
  name: z.string().min(1),
  /** Lower-case phrases that reveal it in the customer's words. */
  phrases: z.array(z.string().min(1)).min(1),
});

/**
 * The support policy as data: every value the flows and the handoff notice use. The defaults are
 * the published ConnexCS policy; another team supplies its own file (POLICY_FILE) without code.
 */
export const policySchema = z.object({
  teamName: z.string().default('ConnexCS'),
  /** Hours in which operational and non-critical platform issues are answered. */
  businessHours: openingHours.default({ timeZone: 'UTC', days: ALL_DAYS, open: '08:00', close: '20:00' }),
  /** Hours in which customers may call the support line, unless the issue is critical. */
  phoneHours: openingHours.default({ timeZone: 'UTC', days: ALL_DAYS, open: '09:00', close: '23:00' }),
  /** The phone line (Twilio Voice): on-call number, paging key, call recording, spoken texts. */
  phoneLine: phoneLineSchema,
  /** Category and severity combinations that are handled at any hour. */
  aroundTheClock: z
    .array(z.object({ category: z.enum(['platform', 'operational']), severities: z.array(severityName) }))
    .default([{ category: 'platform', severities: ['P0', 'P1', 'P2'] }]),
  categories: z
    .object({
      platform: z.string(),
      operational: z.string(),
    })
    .default({
      platform:
        'the stability of our platform itself, usually outside your control (for example the platform is down)',
      operational:
        'configuration of your own account, usually within your control (for example a misconfigured route)',
    }),
  severities: z
    .object({
      P0: severityLevel,
      P1: severityLevel,
      P2: severityLevel,
      P3: severityLevel,
      P4: severityLevel,
      P5: severityLevel,
    })
    .default({
      P0: {
        label: 'Critical',
        critical: true,
        example: 'The whole platform is down for every customer and all calls fail',
      },
      P1: { label: 'Critical', critical: true, example: 'Your company is down and all of your calls fail' },
      P2: {
        label: 'Critical',
        critical: true,
        example: "One of your customers' calls are all down, or the user interface is seriously broken",
      },
      P3: {
        label: 'Important',
        critical: false,
        example: 'A partial outage: some but not all calls fail, or one customer or carrier is affected',
      },
      P4: {
        label: 'Trivial',
        critical: false,
        example: 'A feature is broken but business goes on (a UI glitch or low-impact call problem)',
      },
      P5: {
        label: 'Trivial',
        critical: false,
        example: 'Something does not work as you expect, or you would like an enhancement',
      },
    }),
  /** Situations the policy says are never critical, whatever the customer chose. */
  nonCritical: z
    .object({
      situations: z.array(nonCriticalSituation),
      /** The severity such a report is filed at when the customer picked a critical one. */
      severity: severityName,
    })
    .default({
      severity: 'P3',
      situations: [
        {
          name: 'turning up a new interconnect',
          phrases: ['new interconnect', 'turning up', 'turn up', 'new carrier', 'new provider', 'new trunk'],
        },
        {
          name: 'making a change',
          phrases: [
            'making a change',
            'made a change',
            'changing',
            'after i changed',
            'just changed',
            'migrating',
          ],
        },
        {
          name: 'testing a new feature',
          phrases: ['testing', 'trying out', 'new feature', 'test call'],
        },
        {
          name: 'onboarding a new customer',
          phrases: ['onboarding', 'new customer', 'setting up a customer', 'new client'],
        },
      ],
    }),
  paidEscalation: z
    .object({
      severities: z.array(severityName).default(['P3', 'P4']),
      pricePerHour: z.number().positive().default(150),
      currency: z.string().default('USD'),
      minimumHours: z.number().positive().default(1),
      /** Queue priority of an escalated report (lower is more urgent). */
      priority: z.number().int().min(0).max(5).default(2),
    })
    .default({}),
  /** The severity taken as a feature request. */
  featureRequestSeverity: severityName.default('P5'),
  /** The severity of a platform-wide outage: pointed to the status page, one report in the queue. */
  outageSeverity: severityName.default('P0'),
  /** How long after its confirmation an outage ticket absorbs further outage reports (unless ended sooner). */
  outageDedupeHours: z.number().positive().default(12),
  /** Critical reports downgraded by agents before the console warns about the customer. */
  downgradeWarnAfter: z.number().int().min(1).default(2),
  callIds: z
    .object({
      maxPerReport: z.number().int().min(1).max(100).default(10),
      whereToFind: z
        .string()
        .default(
          'Open the Logging section, click the call, and copy the Call-ID shown on the right of the panel.',
        ),
    })
    .default({}),
  statusPage: z
    .object({
      /** The page customers are sent to. */
      url: z.string().url().default('https://status.connexcs.com/'),
      /** Statuspage-compatible base read for `/api/v2/summary.json` (STATUS_PAGE_URL overrides it). */
      apiUrl: z.string().url().optional(),
      cacheSeconds: z.number().positive().default(60),
      timeoutMs: z.number().int().positive().default(3000),
    })
    .default({}),
  docsUrl: z.string().url().default('https://docs.connexcs.com/'),
  contacts: z
    .object({
      email: z.string().email().default('support@connexcs.com'),
      phone: z.string().default('the office number listed at https://www.connexcs.com/'),
      sms: z.array(z.object({ label: z.string(), number: z.string() })).default([
        { label: 'UK', number: '+44 7481 346 455' },
        { label: 'USA', number: '+1 408 475 9494' },
      ]),
      telegram: z
        .object({ url: z.string().url(), handle: z.string() })
        .default({ url: 'https://t.me/connexcs_support_bot', handle: '@connexcs_support_bot' }),
      ticketsHint: z
        .string()
        .default('Your open tickets are listed under Support Ticket at the bottom of the navigation menu.'),
    })
    .default({}),
  /** What repeatedly reporting non-critical problems as critical out of hours may cost. */
  misreporting: z
    .string()
    .default(
      'Repeatedly misreporting incidents as critical outside working hours may result in fines on the account or its termination.',
    ),
  /** What a Call-ID is, in one sentence (where to find one is `callIds.whereToFind`). */
  callIdMeaning: z
    .string()
    .default(
      'A Call-ID is the unique identifier SIP gives every call; it is how the team finds the affected calls and isolates customers, providers or channels.',
    ),
  nocOnDemand: z
    .object({
      description: z
        .string()
        .default(
          'NOC-on-Demand (enhanced support) gives you operational support 24/7, or during the hours of your own time zone.',
        ),
    })
    .default({}),
  /** The ticket lifecycle: confirming fixes and reopening a problem that comes back. */
  ticketLifecycle: z
    .object({
      /** A problem that comes back within this many days of the ticket closing reopens it. */
      reopenWindowDays: z.number().positive().default(10),
      /** How long the customer has to confirm a proposed fix before the ticket closes with a note. */
      confirmFixHours: z.number().positive().default(72),
      /** The steps a ticket goes through, in order, as the customer reads them (the bot explains them). */
      steps: z
        .array(z.string().min(1))
        .min(1)
        .default([
          'observe: you notice the problem and tell us what you see',
          'replicate: the problem is made to happen again on request',
          'isolate: it is narrowed down to the call, route, setting or component at fault',
          'propose a fix: the likely causes are worked through and a fix is suggested',
          'fix: the fix is applied, by us or by you',
          'confirm: you test it and tell us whether it works',
          'close: once confirmed, the ticket is closed',
        ]),
    })
    .default({}),
  /** Who works on a ticket at each support line, in words the customer reads. */
  escalationLines: z.tuple([supportLine, supportLine, supportLine]).default([
    {
      name: '1st line',
      who: 'our NOC engineers, trained and certified in SIP troubleshooting and running the platform',
    },
    {
      name: '2nd line',
      who: 'our senior network engineers, who monitor the platform and handle complex, uncommon problems',
    },
    {
      name: '3rd line',
      who: 'our senior developers, who built the platform and also take requests for new features',
    },
  ]),
  /** A dedicated NOC engineer, trained and managed by the team, for a monthly fee. */
  nocAsAService: z
    .object({
      description: z
        .string()
        .default(
          'NOC-as-a-Service: we provide a certified NOC engineer, trained and managed by us, who runs your systems and helps your customers; it is charged monthly per engineer.',
        ),
    })
    .default({}),
  /** What customers may upload; a video is the best way to show a user-interface problem. */
  uploads: z
    .object({
      videoMaxMb: z.number().positive().max(500).default(50),
    })
    .default({}),
  /**
   * The customer-facing texts above in other languages than English, e.g. `texts.es.categories`;
   * each text left out falls back to the built-in translation of the published default (when the
   * English text is that default) or to the English text.
   */
  texts: z.object({ es: policyTextsSchema }).partial().strict().default({}),
});

/** The validated support policy. */
export type SupportPolicy = z.infer<typeof policySchema>;
/** One weekly window of hours. */
export type OpeningHours = z.infer<typeof openingHours>;
/** A severity name, P0-P5. */
export type SeverityName = z.infer<typeof severityName>;
/** The severity names, most urgent first. */
export const SEVERITIES: readonly SeverityName[] = SEVERITY_NAMES;
/** Weekday names, Sunday first (index = `Date#getUTCDay`). */
export const WEEKDAY_NAMES: readonly z.infer<typeof weekday>[] = WEEKDAYS;
