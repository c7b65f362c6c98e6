import path from 'node:path';
import proxyaddr from 'proxy-addr';
import { z } from 'zod';
import { isWebhookEventType, WEBHOOK_EVENT_TYPES } from './webhooks/webhook-event';

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));
const optionalUrl = optionalString.pipe(z.string().url().optional());
/** A whole number of events (or megabytes) allowed per window, with its default. */
const allowance = (fallback: number) => z.coerce.number().int().min(1).max(1_000_000_000).default(fallback);

/**
 * Express `trust proxy`: empty/false trusts no proxy; a number trusts that many hops in front of this
 * server; a comma list trusts those addresses, subnets or names (`loopback`, `uniquelocal`); `true`
 * trusts every hop, so any client can pick its own address with X-Forwarded-For (warned at start).
 */
const trustProxy = z
  .string()
  .optional()
  .transform((value, context): boolean | number | string[] => {
    const text = (value ?? '').trim().toLowerCase();
    if (['', 'false', 'no', '0'].includes(text)) return false;
    if (['true', 'yes'].includes(text)) return true;
    if (/^\d+$/.test(text)) return Number(text);
    const list = text
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    try {
      proxyaddr.compile(list);
    } catch {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        message:
          'must be a hop count, or a comma list of addresses, subnets or loopback/linklocal/uniquelocal',
      });
      return z.NEVER;
    }
    return list;
  });

/** Every environment variable the product reads, with its default and rule. */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** Where the embedded store and the persisted docs index live. */
  DATA_DIR: z.string().default('./data'),
  /** The docs the bot answers from. */
  KB_DIR: z.string().default('./kb'),
  /**
   * Questions in customers' words per docs page (a folder of `.jsonl` files, or one file): a file
   * is used when most of the pages it names are in KB_DIR.
   */
  KB_QUESTIONS: z.string().default('./kb-questions'),
  /** Prefix of the links in answers: page URL = KB_BASE_URL + page path. */
  KB_BASE_URL: z.string().url().default('https://docs.connexcs.com'),
  /** Distinct questions whose answers are kept in memory per docs index; 0 turns the cache off. */
  ANSWER_CACHE_SIZE: z.coerce.number().int().min(0).max(1_000_000).default(1000),
  /** The address customers and providers reach this server at (webhook signatures, links). */
  PUBLIC_URL: optionalUrl,
  /** Password of the `admin` agent created on first start; random and printed once when unset. */
  ADMIN_PASSWORD: optionalString.pipe(z.string().min(8, 'must be at least 8 characters').optional()),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Hours an agent stays signed in. */
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  /** Longest customer or agent message accepted, in characters. */
  MAX_MESSAGE_LENGTH: z.coerce.number().int().min(100).max(100_000).default(4000),
  /** Which reverse proxies' X-Forwarded-* headers to believe: a hop count or addresses (see above). */
  TRUST_PROXY: trustProxy,
  /**
   * Addresses exempt from the per-address limits (a load balancer's health checks, a benchmark).
   * Loopback by default: local tools and a same-host proxy without TRUST_PROXY would otherwise put
   * every customer in one bucket. `none` exempts nothing. Per-session limits always apply.
   */
  RATE_LIMIT_ALLOW: optionalString.transform((value) =>
    value === undefined
      ? ['127.0.0.1', '::1', '::ffff:127.0.0.1']
      : value
          .split(',')
          .map((part) => part.trim())
          .filter((part) => part !== '' && part !== 'none'),
  ),

  /** New web chat sessions one address may open per minute. */
  RATE_NEW_CHATS_PER_ADDRESS: allowance(30),
  /** Chat messages per minute: per widget session, and per address over all its sessions. */
  RATE_MESSAGES_PER_SESSION: allowance(30),
  RATE_MESSAGES_PER_ADDRESS: allowance(120),
  /** Uploads per hour, counted in files and in megabytes, per widget session and per address. */
  RATE_UPLOADS_PER_SESSION: allowance(20),
  RATE_UPLOADS_PER_ADDRESS: allowance(60),
  RATE_UPLOAD_MB_PER_SESSION: allowance(50),
  RATE_UPLOAD_MB_PER_ADDRESS: allowance(200),
  /** "Did this help?" answers per minute, per session and per address. */
  RATE_FEEDBACK_PER_SESSION: allowance(20),
  RATE_FEEDBACK_PER_ADDRESS: allowance(60),
  /** Typing signals per minute (customer and agent); more are dropped silently. */
  RATE_TYPING_PER_SESSION: allowance(60),
  RATE_TYPING_PER_ADDRESS: allowance(240),
  /** Console sign-in attempts per 15 minutes, per normalised username and per address. */
  RATE_LOGINS_PER_USERNAME: allowance(10),
  RATE_LOGINS_PER_ADDRESS: allowance(30),
  /** REST API requests per minute per integration token (README: REST API). */
  RATE_API_PER_TOKEN: allowance(600),
  /** Warning lines logged per minute per source for refused or malformed webhooks; more are dropped. */
  WEBHOOK_WARNINGS_PER_MINUTE: allowance(10),
  /** Days an uploaded file is kept; files never attached to a message go after one day. */
  UPLOAD_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** Milliseconds a client may take to send a whole request, and its headers (slow-client guard). */
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(15_000),
  /** Set to share state and socket.io events between several instances. */
  REDIS_URL: optionalString.pipe(
    z
      .string()
      .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
      .optional(),
  ),
  /** Channels whose customers are asked to rate the help after a resolve (comma-separated); `none` asks nobody. */
  CSAT_CHANNELS: optionalString.transform((value) =>
    (value ?? 'web,telegram,sms')
      .split(',')
      .map((part) => part.trim())
      .filter((part): part is 'web' | 'telegram' | 'sms' | 'email' =>
        ['web', 'telegram', 'sms', 'email'].includes(part),
      ),
  ),
  REDIS_PREFIX: z.string().default('handoff:'),
  /** Attempts to reach Redis at startup before giving up with one clear line (about 2 s apart). */
  REDIS_CONNECT_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(15),
  /** When set, `GET /metrics` requires `Authorization: Bearer <METRICS_TOKEN>`. */
  METRICS_TOKEN: optionalString,
  /** Key of the HMAC-SHA256 the site computes over a customer's id so the widget's identity is trusted. */
  IDENTITY_SECRET: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  TELEGRAM_BOT_TOKEN: optionalString,
  TELEGRAM_WEBHOOK_URL: optionalUrl,
  TELEGRAM_WEBHOOK_SECRET: optionalString.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,256}$/, 'may hold only A-Z, a-z, 0-9, _ and - (1-256 characters)')
      .optional(),
  ),
  TELEGRAM_API_ROOT: optionalUrl,
  TWILIO_ACCOUNT_SID: optionalString,
  TWILIO_AUTH_TOKEN: optionalString,
  TWILIO_PHONE_NUMBER: optionalString,
  TWILIO_MESSAGING_SERVICE_SID: optionalString,
  TWILIO_API_BASE_URL: optionalUrl,
  /** Atlassian Statuspage-compatible base URL; `/api/v2/summary.json` is read from it. */
  STATUS_PAGE_URL: optionalUrl,
  SMTP_URL: optionalString,
  SUPPORT_EMAIL: optionalString.pipe(z.string().email().optional()),
  /** A JSON file overriding the support policy (hours, severities, contacts, prices). */
  POLICY_FILE: optionalString,
  /** Answers written by a chat model from the docs: an OpenAI-compatible base URL and model. */
  LLM_BASE_URL: optionalUrl,
  LLM_MODEL: optionalString,
  LLM_API_KEY: optionalString,
  /** With LLM_BASE_URL: an embeddings model for hybrid retrieval (keyword + vector). */
  EMBEDDINGS_MODEL: optionalString,
  // --- E-mail tickets (adapters/email): SUPPORT_EMAIL is the mailbox, SMTP_URL sends the replies. ---
  /** The support mailbox read over IMAP: `imaps://user:password@host:993` (or imap:// with STARTTLS). */
  IMAP_URL: optionalString.pipe(
    z
      .string()
      .regex(/^imaps?:\/\//, 'must start with imap:// or imaps://')
      .optional(),
  ),
  IMAP_MAILBOX: z.string().default('INBOX'),
  /** Seconds between mailbox checks besides IMAP IDLE (and the only check where IDLE is missing). */
  IMAP_POLL_SECONDS: z.coerce.number().positive().max(3600).default(60),
  /** Mailgun's HTTP webhook signing key: enables `POST /webhooks/email/mailgun/mime`. */
  MAIL_WEBHOOK_SIGNING_KEY: optionalString,
  /** Largest e-mail taken in whole; a larger one is stored as its headers plus a note to the agent. */
  EMAIL_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(10_000)
    .default(25 * 1024 * 1024),
  /** Most attachments kept from one e-mail (the rest are named in a note to the agent). */
  EMAIL_MAX_ATTACHMENTS: z.coerce.number().int().min(0).max(100).default(10),
  /** Display name on the e-mails the desk sends. */
  EMAIL_FROM_NAME: z.string().default('Support'),
  // --- end of e-mail tickets ---
  // --- Phone line (adapters/voice), with the Twilio account above. ---
  /** The number calls are put through to within phone hours (and critical calls outside them), E.164. */
  VOICE_ON_CALL_NUMBER: optionalString.pipe(
    z
      .string()
      .regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number such as +14155550100')
      .optional(),
  ),
  /** Longest voicemail recorded, in seconds. */
  VOICE_RECORDING_MAX_SECONDS: z.coerce.number().int().min(10).max(3600).default(180),
  // --- end of phone line ---
  // --- Outgoing webhooks (src/webhooks): signed POSTs of desk events to the operator's systems. ---
  /** Comma list of endpoints every event is POSTed to. */
  WEBHOOK_URLS: optionalString.transform((value, context) => {
    const urls = (value ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    for (const url of urls) {
      if (!/^https?:\/\/[^\s]+$/.test(url) || !URL.canParse(url)) {
        context.addIssue({ code: z.ZodIssueCode.custom, message: `not an http(s) URL: ${url}` });
      }
    }
    return urls;
  }),
  /** Key of the HMAC-SHA256 signature on every webhook (the receiver checks it); needed with WEBHOOK_URLS. */
  WEBHOOK_SECRET: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  /** Comma list of the event types sent (default: all; README: Webhooks). */
  WEBHOOK_EVENTS: optionalString.transform((value, context) => {
    const names = (value ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    const unknown = names.filter((name) => !isWebhookEventType(name));
    if (unknown.length > 0) {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        message: `unknown event ${unknown.join(', ')} (known: ${WEBHOOK_EVENT_TYPES.join(', ')})`,
      });
    }
    return names.filter(isWebhookEventType);
  }),
  /** How long a receiver may take to answer one request. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** Attempts per event and endpoint before it counts as failed, and the first retry's delay (doubled each time, up to an hour). */
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(12),
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(10_000),
  // --- end of outgoing webhooks ---
});

/** The validated configuration. */
export type Config = z.infer<typeof schema>;

/** Thrown when the environment holds a bad value; the message names every bad variable. */
export class ConfigError extends Error {}

/** Reads and validates the configuration from an environment (defaults to `process.env`). */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = schema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const config = result.data;
  config.DATA_DIR = path.resolve(config.DATA_DIR);
  config.KB_DIR = path.resolve(config.KB_DIR);
  config.KB_QUESTIONS = path.resolve(config.KB_QUESTIONS);
  return config;
}

/** Names of the settings that hold secrets: never logged. */
export const SECRET_SETTINGS: readonly (keyof Config)[] = [
  'ADMIN_PASSWORD',
  'TELEGRAM_BOT_TOKEN',
  'TELEGRAM_WEBHOOK_SECRET',
  'TWILIO_AUTH_TOKEN',
  'SMTP_URL',
  'LLM_API_KEY',
  'REDIS_URL',
  'METRICS_TOKEN',
  'IDENTITY_SECRET',
  'IMAP_URL',
  'MAIL_WEBHOOK_SIGNING_KEY',
  'WEBHOOK_SECRET',
];
