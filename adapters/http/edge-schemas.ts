import { z } from 'zod';
import { ValidationError } from '../../src/errors';

/**
 * The one schema layer at the edge: every socket.io payload and HTTP body is parsed here before
 * any adapter reads it, so a wrong type or shape is a clear `invalid_input`, never a crash deeper in.
 */

/** A conversation id as the console sends it. */
const conversationId = z.string().min(1, 'conversationId is required').max(64);

/** A widget's message. Only files uploaded to this server may be attached: no links elsewhere. */
export const chatMessage = z.object(
  {
    text: z.string({ invalid_type_error: 'text must be a string', required_error: 'text must be a string' }),
    clientId: z
      .string({ required_error: 'clientId is required' })
      .regex(/^[A-Za-z0-9_-]{1,64}$/, 'clientId must be 1-64 characters: letters, digits, - or _'),
    attachments: z
      .array(
        z.object({
          url: z
            .string()
            .regex(/^\/uploads\/[A-Za-z0-9_-]{22}$/, 'attachments must be files uploaded to this server'),
          name: z.string().optional(),
          mimeType: z.string().optional(),
        }),
        { invalid_type_error: 'attachments must be a list of at most 5' },
      )
      .max(5, 'attachments must be a list of at most 5')
      .optional(),
  },
  { invalid_type_error: 'message must be an object { text, clientId }' },
);

/** "Did this help?" on one bot answer. */
export const chatFeedback = z.object(
  { seq: z.number().int().min(1), helpful: z.boolean() },
  { invalid_type_error: 'feedback needs { seq: number, helpful: boolean }' },
);

/** Console actions naming one conversation (claim, resolve, release, close). */
export const conversationAction = z.object({ conversationId });
/** Opening a conversation, optionally from a sequence number on. */
export const openAction = z.object({ conversationId, afterSeq: z.number().int().min(0).optional() });
/** An agent's reply. */
export const replyAction = z.object({
  conversationId,
  text: z.string({ invalid_type_error: 'text must be a string' }),
  clientId: z.string().max(64).optional(),
});
/** An agent's internal note: agents see it, customers never do. */
export const noteAction = z.object({
  conversationId,
  text: z
    .string({ invalid_type_error: 'text must be a string' })
    .trim()
    .min(1, 'The note is empty')
    .max(4000, 'The note is longer than 4000 characters'),
  clientId: z.string().max(64).optional(),
});
/** Resolving, optionally with the conversation's open tickets. */
export const resolveAction = z.object({ conversationId, resolveTickets: z.boolean().optional() });
/** Handing an assigned conversation to another agent. */
export const transferAction = z.object({ conversationId, agentId: z.string().min(1).max(200) });
/** An agent's availability for new handoffs. */
export const presenceAction = z.object({ status: z.enum(['online', 'away']) });
/** An agent's typing signal. */
export const agentTyping = z.object({ conversationId, on: z.boolean().optional() });

/**
 * Taking a conversation (claim, reopen): the classification the agent set when the conversation
 * had none (see adapters/console/classify-before-taking.ts).
 */
export function takeAction(severities: readonly string[], categories: readonly string[]) {
  return z.object({
    conversationId,
    severity: z
      .string()
      .refine((value) => severities.includes(value), `severity must be one of ${severities.join(', ')}`)
      .optional(),
    category: z
      .string()
      .refine((value) => categories.includes(value), `category must be one of ${categories.join(', ')}`)
      .optional(),
  });
}

/** A reclassification, checked against the support policy's own severities and categories. */
export function reclassifyAction(severities: readonly string[], categories: readonly string[]) {
  return z.object({
    conversationId,
    severity: z
      .string({ required_error: 'severity is required' })
      .refine((value) => severities.includes(value), `severity must be one of ${severities.join(', ')}`),
    category: z
      .string()
      .refine((value) => categories.includes(value), `category must be one of ${categories.join(', ')}`)
      .optional(),
  });
}

/** The console's sign-in body. */
export const loginBody = z.object(
  {
    username: z.string({ required_error: 'username and password are required' }).min(1).max(200),
    password: z.string({ required_error: 'username and password are required' }).min(1).max(1000),
  },
  {
    invalid_type_error: 'username and password are required',
    required_error: 'username and password are required',
  },
);

/** Parses `value` or throws `ValidationError` naming the first problem. */
export function parsePayload<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where =
    issue && issue.path.length > 0 && !issue.message.includes(String(issue.path[0]))
      ? `${issue.path.join('.')}: `
      : '';
  throw new ValidationError(`${where}${issue?.message ?? 'invalid input'}`);
}

const telegramUser = z
  .object({
    id: z.number().int(),
    first_name: z.string().optional(),
    last_name: z.string().optional(),
    username: z.string().optional(),
    language_code: z.string().optional(),
  })
  .passthrough();
const telegramChat = z.object({ id: z.number().int(), type: z.string() }).passthrough();
const telegramMessage = z
  .object({
    message_id: z.number().int(),
    date: z.number(),
    chat: telegramChat,
    from: telegramUser.optional(),
    text: z.string().optional(),
    caption: z.string().optional(),
    photo: z
      .array(z.object({ file_id: z.string(), file_size: z.number().optional() }).passthrough())
      .optional(),
    document: z
      .object({ file_id: z.string(), file_name: z.string().optional(), file_size: z.number().optional() })
      .passthrough()
      .optional(),
  })
  .passthrough();

/**
 * The parts of a Telegram update the adapter reads, checked; everything else passes through
 * untouched (kept as the raw payload). Update kinds the adapter does not handle pass as they are.
 */
export const telegramUpdate = z
  .object({
    update_id: z.number().int(),
    message: telegramMessage.optional(),
    callback_query: z
      .object({
        id: z.string(),
        from: telegramUser,
        data: z.string().optional(),
        message: z.object({ chat: telegramChat }).passthrough().optional(),
      })
      .passthrough()
      .optional(),
  })
  .passthrough();

/** Twilio's webhook parameters: one string per name (a repeated field or a JSON body is not Twilio's). */
export const twilioParams = z.record(z.string(), z.string());
