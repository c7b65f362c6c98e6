import { z } from 'zod/v4';
import { API_SCOPES, type ApiScope } from '../../../src/integrations/api-tokens';
import {
  AgentMessageBody,
  ApiError,
  Conversation,
  ConversationListQuery,
  Message,
  NewTicketBody,
  Ticket,
  TicketListQuery,
} from './api-schemas';

type JsonSchema = Record<string, unknown>;

/** A zod schema as an OpenAPI 3.1 schema (JSON Schema 2020-12 without the dialect line). */
function schemaOf(schema: z.ZodType, io: 'input' | 'output' = 'output'): JsonSchema {
  const { $schema: _dialect, id: _id, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  return rest;
}

/** A query schema's fields as OpenAPI query parameters. */
function queryParameters(schema: z.ZodObject): JsonSchema[] {
  const json = schemaOf(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: 'query',
      required: json.required?.includes(name) ?? false,
      ...(description !== undefined && { description }),
      schema: rest,
    };
  });
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonSchema) => ({ content: { 'application/json': { schema } } });
const errors = {
  '400': {
    description: 'The request breaks the schema; the message names each field',
    ...json(ref('Error')),
  },
  '401': { description: 'Missing, unknown or revoked token', ...json(ref('Error')) },
  '403': { description: 'The token lacks the scope', ...json(ref('Error')) },
  '429': { description: 'Too many requests for this token; wait and retry', ...json(ref('Error')) },
};
const notFound = { '404': { description: 'No such record', ...json(ref('Error')) } };
const idParameter = (description: string) => ({
  name: 'id',
  in: 'path',
  required: true,
  description,
  schema: { type: 'string' },
});
const secured = (scope: ApiScope) => ({ security: [{ token: [scope] }], 'x-scope': scope });

/**
 * The OpenAPI 3.1 document of the REST API, served at `/api/v1/openapi.json`: written as data,
 * with the request and record schemas generated from the zod schemas the routes validate with.
 */
export function openApiDocument(serverUrl?: string): JsonSchema {
  return {
    openapi: '3.1.0',
    info: {
      title: 'handoff REST API',
      version: '1.0.0',
      description:
        'Read conversations and tickets, post an agent message and file a ticket from your own systems. ' +
        'Authenticate with a per-integration token: `Authorization: Bearer hoff_…` (created with `npm run api-tokens`).',
    },
    ...(serverUrl && { servers: [{ url: `${serverUrl.replace(/\/$/, '')}/api/v1` }] }),
    paths: {
      '/conversations': {
        get: {
          operationId: 'listConversations',
          summary: 'Conversations, most recently active first',
          ...secured('conversations:read'),
          parameters: queryParameters(ConversationListQuery),
          responses: {
            '200': {
              description: 'The conversations',
              ...json({
                type: 'object',
                properties: { conversations: { type: 'array', items: ref('Conversation') } },
              }),
            },
            ...errors,
          },
        },
      },
      '/conversations/{id}': {
        get: {
          operationId: 'getConversation',
          summary: 'One conversation and its transcript',
          ...secured('conversations:read'),
          parameters: [idParameter('Conversation id')],
          responses: {
            '200': {
              description: 'The conversation and its messages, oldest first',
              ...json({
                type: 'object',
                properties: {
                  conversation: ref('Conversation'),
                  messages: { type: 'array', items: ref('Message') },
                },
              }),
            },
            ...errors,
            ...notFound,
          },
        },
      },
      '/conversations/{id}/messages': {
        post: {
          operationId: 'postAgentMessage',
          summary: 'Send a message to the customer as an agent, on the customer’s own channel',
          description:
            'The agent must hold the conversation (or pass `claim: true` while it is queued). ' +
            'An `Idempotency-Key` header makes a retried request send the message once.',
          ...secured('messages:write'),
          parameters: [
            idParameter('Conversation id'),
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: false,
              schema: { type: 'string', maxLength: 100 },
            },
          ],
          requestBody: { required: true, ...json(schemaOf(AgentMessageBody, 'input')) },
          responses: {
            '201': {
              description: 'Sent (or queued for the channel)',
              ...json({ type: 'object', properties: { message: ref('Message') } }),
            },
            '200': {
              description: 'Already sent with this Idempotency-Key',
              ...json({ type: 'object', properties: { message: ref('Message') } }),
            },
            ...errors,
            ...notFound,
            '409': { description: 'The agent does not hold the conversation', ...json(ref('Error')) },
          },
        },
      },
      '/tickets': {
        get: {
          operationId: 'listTickets',
          summary: 'Tickets, most recently updated first',
          ...secured('tickets:read'),
          parameters: queryParameters(TicketListQuery),
          responses: {
            '200': {
              description: 'The tickets',
              ...json({ type: 'object', properties: { tickets: { type: 'array', items: ref('Ticket') } } }),
            },
            ...errors,
          },
        },
        post: {
          operationId: 'createTicket',
          summary: 'File a ticket for a conversation',
          ...secured('tickets:write'),
          requestBody: { required: true, ...json(schemaOf(NewTicketBody, 'input')) },
          responses: {
            '201': {
              description: 'The new ticket',
              ...json({ type: 'object', properties: { ticket: ref('Ticket') } }),
            },
            ...errors,
            '404': { description: 'No such conversation', ...json(ref('Error')) },
          },
        },
      },
      '/tickets/{id}': {
        get: {
          operationId: 'getTicket',
          summary: 'One ticket',
          ...secured('tickets:read'),
          parameters: [idParameter('Ticket id, e.g. T-7K3Q9')],
          responses: {
            '200': {
              description: 'The ticket',
              ...json({ type: 'object', properties: { ticket: ref('Ticket') } }),
            },
            ...errors,
            ...notFound,
          },
        },
      },
    },
    components: {
      securitySchemes: {
        token: {
          type: 'http',
          scheme: 'bearer',
          description: `A per-integration token. Scopes: ${API_SCOPES.join(', ')}.`,
        },
      },
      schemas: {
        Conversation: schemaOf(Conversation),
        Message: schemaOf(Message),
        Ticket: schemaOf(Ticket),
        Error: schemaOf(ApiError),
      },
    },
  };
}
