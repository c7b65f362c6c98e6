import path from 'node:path';
import { z } from 'zod';

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));
const optionalUrl = optionalString.pipe(z.string().url().optional());
const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .optional()
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** Every environment variable the product reads, with its default and rule. */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** Where the embedded store and the persisted docs index live. */
  DATA_DIR: z.string().default('./data'),
  /** The docs the bot answers from. */
  KB_DIR: z.string().default('./kb'),
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
  /** Honour X-Forwarded-* from a reverse proxy (Express `trust proxy`). */
  TRUST_PROXY: booleanFlag,
  /** Set to share state and socket.io events between several instances. */
  REDIS_URL: optionalString.pipe(
    z
      .string()
      .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
      .optional(),
  ),
  REDIS_PREFIX: z.string().default('handoff:'),
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
  'IMAP_URL',
  'MAIL_WEBHOOK_SIGNING_KEY',
];
