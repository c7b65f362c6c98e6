import { z } from 'zod/v4';
import { ValidationError } from '../../../src/errors';

/**
 * The REST API's requests and answers as zod schemas: the routes validate with them and the
 * OpenAPI document's component schemas are generated from them, so the two cannot drift apart.
 */

const MODES = ['bot', 'queued', 'assigned', 'resolved', 'abandoned'] as const;
const CHANNELS = ['web', 'telegram', 'sms', 'email'] as const;
const TICKET_STATUSES = ['open', 'resolved', 'reopened'] as const;
const SEVERITIES = ['P0', 'P1', 'P2', 'P3', 'P4', 'P5'] as const;

/** `?limit=`: 1-200, 50 by default. */
const limit = z.coerce.number().int().min(1).max(200).default(50);

/** Query of `GET /conversations`: modes as a comma list. */
export const ConversationListQuery = z
  .object({
    mode: z
      .string()
      .transform((value) => value.split(',').map((part) => part.trim()))
      .pipe(z.array(z.enum(MODES)))
      .optional()
      .meta({ description: 'Comma list of handoff states, e.g. `queued,assigned`' }),
    channel: z.enum(CHANNELS).optional(),
    limit,
  })
  .strict();

/** Query of `GET /tickets`. */
export const TicketListQuery = z
  .object({
    status: z.enum(TICKET_STATUSES).optional(),
    text: z.string().max(200).optional().meta({ description: 'Part of the id, title or description' }),
    customerId: z.string().max(200).optional(),
    limit,
  })
  .strict();

/** Body of `POST /conversations/{id}/messages`. */
export const AgentMessageBody = z
  .object({
    agent: z.string().min(2).max(32).meta({ description: 'Username of the agent the message is from' }),
    text: z.string().min(1).max(4000),
    claim: z
      .boolean()
      .default(false)
      .meta({ description: 'Claim a queued conversation in the agent’s name first' }),
    severity: z.enum(SEVERITIES).optional().meta({
      description:
        'With `claim`: the severity the agent sets on a conversation the customer never classified (required then, with `category`)',
    }),
    category: z
      .enum(['platform', 'operational'])
      .optional()
      .meta({ description: 'With `claim`: the category the agent sets, as for `severity`' }),
  })
  .strict();

/** Body of `POST /tickets`. */
export const NewTicketBody = z
  .object({
    conversationId: z.string().min(1).max(100),
    title: z.string().min(1).max(120),
    description: z.string().min(1).max(4000),
    severity: z.enum(SEVERITIES).optional(),
    category: z.enum(['platform', 'operational']).optional(),
    callIds: z.array(z.string().min(1).max(200)).max(20).optional(),
  })
  .strict();

const Timestamp = z.string().meta({ format: 'date-time' });
const Brief = z.record(z.string(), z.unknown()).meta({ description: 'The problem report the bot collected' });

/** A conversation as the API shows it. */
export const Conversation = z
  .object({
    id: z.string(),
    channel: z.enum(CHANNELS),
    customerId: z.string(),
    customer: z.record(z.string(), z.string()).meta({ description: 'displayName, email, phone, locale, …' }),
    mode: z.enum(MODES),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    queuedAt: Timestamp.optional(),
    assignedAgent: z.object({ id: z.string(), name: z.string().optional() }).optional(),
    handoffReason: z.string().optional(),
    brief: Brief.optional(),
    tags: z.array(z.string()).optional(),
  })
  .meta({ id: 'Conversation' });

/** A transcript message as the API shows it. */
export const Message = z
  .object({
    seq: z.number().int(),
    author: z.enum(['customer', 'bot', 'agent', 'system']),
    text: z.string(),
    createdAt: Timestamp,
    authorName: z.string().optional(),
    attachments: z.array(z.record(z.string(), z.unknown())).optional(),
    delivery: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'Message' });

/** A ticket as the API shows it. */
export const Ticket = z
  .object({
    id: z.string().meta({ example: 'T-7K3Q9' }),
    conversationId: z.string(),
    channel: z.enum(CHANNELS),
    customerId: z.string(),
    status: z.enum(TICKET_STATUSES),
    title: z.string(),
    brief: Brief,
    createdAt: Timestamp,
    updatedAt: Timestamp,
    reopenedCount: z.number().int(),
  })
  .meta({ id: 'Ticket' });

/** Every error answer. */
export const ApiError = z
  .object({ error: z.object({ code: z.string(), message: z.string() }) })
  .meta({ id: 'Error' });

/** Reads a request part with a schema; a bad one is a 400 naming each field. */
export function parseRequest<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
  throw new ValidationError(problems.join('; '));
}
