import type { EngineEventMap, EngineEvents } from '../events/engine-events';
import { publicConversation, publicTicket, publicTransition } from '../integrations/public-records';
import type { HandoffEventName } from '../model/conversation';
import type { Logger } from '../logger';
import { webhookEvent, type WebhookEvent, type WebhookEventType } from './webhook-event';

/** Which handoff transitions the operator's systems hear about, and as what. */
const TRANSITION_EVENTS: Partial<Record<HandoffEventName, WebhookEventType>> = {
  request: 'handoff.requested',
  claim: 'conversation.assigned',
  resolve: 'conversation.resolved',
  end: 'conversation.resolved',
};

/** The engine's handoff event as a webhook event, when it is one the operator hears about. */
export function handoffWebhook({
  conversation,
  transition,
}: EngineEventMap['handoff'][0]): WebhookEvent | undefined {
  const type = TRANSITION_EVENTS[transition.event];
  if (!type) return undefined;
  return webhookEvent(type, `${conversation.id}:${transition.event}:${transition.at}`, transition.at, {
    conversation: publicConversation(conversation),
    transition: publicTransition(transition),
  });
}

/** A saved ticket as a webhook event: created, or updated when something the operator sees changed. */
export function ticketWebhook({ ticket, previous }: EngineEventMap['ticket'][0]): WebhookEvent | undefined {
  if (!previous)
    return webhookEvent('ticket.created', ticket.id, ticket.createdAt, { ticket: publicTicket(ticket) });
  if (JSON.stringify(publicTicket(previous)) === JSON.stringify(publicTicket(ticket))) return undefined;
  return webhookEvent(
    'ticket.updated',
    `${ticket.id}:${JSON.stringify(publicTicket(ticket))}`,
    ticket.updatedAt,
    {
      ticket: publicTicket(ticket),
      previousStatus: previous.status,
    },
  );
}

/** A saved rating as `csat.received`: once for the score, once more if a comment follows. */
export function ratingWebhook({ rating }: EngineEventMap['rating'][0]): WebhookEvent {
  return webhookEvent(
    'csat.received',
    `${rating.id}:${rating.comment === undefined ? 'score' : 'comment'}`,
    rating.ratedAt,
    {
      conversationId: rating.conversationId,
      channel: rating.channel,
      satisfied: rating.satisfied,
      ...(rating.score !== undefined && { score: rating.score }),
      ...(rating.comment !== undefined && { comment: rating.comment }),
      ...(rating.agentId !== undefined && { agentId: rating.agentId }),
      ...(rating.severity !== undefined && { severity: rating.severity }),
      askedAt: rating.askedAt,
      ratedAt: rating.ratedAt,
    },
  );
}

/**
 * Feeds the engine's events to the webhooks: handoff requested, conversation assigned and
 * resolved, ticket created and updated, satisfaction rating received. Returns the function that
 * stops listening.
 */
export function followEngineForWebhooks(
  events: EngineEvents,
  dispatch: (event: WebhookEvent) => Promise<void>,
  log: Logger,
): () => void {
  const send = (event: WebhookEvent | undefined): void => {
    if (!event) return;
    dispatch(event).catch((error: unknown) =>
      log.warn({ err: error, eventId: event.id, type: event.type }, 'webhook could not be queued'),
    );
  };
  const onHandoff = (payload: EngineEventMap['handoff'][0]) => send(handoffWebhook(payload));
  const onTicket = (payload: EngineEventMap['ticket'][0]) => send(ticketWebhook(payload));
  const onRating = (payload: EngineEventMap['rating'][0]) => send(ratingWebhook(payload));
  events.on('handoff', onHandoff);
  events.on('ticket', onTicket);
  events.on('rating', onRating);
  return () => {
    events.off('handoff', onHandoff);
    events.off('ticket', onTicket);
    events.off('rating', onRating);
  };
}
