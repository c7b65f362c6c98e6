import { createHash } from 'node:crypto';

/** Every event an outgoing webhook can carry (README: Webhooks). */
export const WEBHOOK_EVENT_TYPES = [
  'ticket.created',
  'ticket.updated',
  'handoff.requested',
  'conversation.assigned',
  'conversation.resolved',
  'csat.received',
] as const;

/** The name of one event type. */
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The JSON body of one webhook request. */
export interface WebhookEvent {
  /** Stable across retries and restarts: receivers deduplicate on it. */
  id: string;
  type: WebhookEventType;
  /** When the change happened (ISO 8601). */
  createdAt: string;
  data: Record<string, unknown>;
}

/**
 * Builds an event whose id is derived from what happened (`source` names the change uniquely, e.g.
 * the conversation, transition and its time), so the same change always gets the same id.
 */
export function webhookEvent(
  type: WebhookEventType,
  source: string,
  at: number,
  data: Record<string, unknown>,
): WebhookEvent {
  const id = `evt_${createHash('sha256').update(`${type}\n${source}`).digest('hex').slice(0, 24)}`;
  return { id, type, createdAt: new Date(at).toISOString(), data };
}

/** Whether a name is a webhook event type (for the WEBHOOK_EVENTS setting). */
export function isWebhookEventType(name: string): name is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(name);
}
