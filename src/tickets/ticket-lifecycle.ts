import type { EngineEvents } from '../events/engine-events';
import type { Logger } from '../logger';
import type { TicketService } from './ticket-service';

/**
 * Resolves a conversation's tickets when an agent ends it, so a recurrence reopens them. Resolving
 * a conversation leaves its tickets open unless the agent asks (the console's resolve dialog).
 */
export function followHandoffs(events: EngineEvents, tickets: TicketService, log?: Logger): void {
  events.on('handoff', ({ conversation, transition }) => {
    if (transition.event !== 'end') return;
    tickets
      .resolveConversation(conversation.id)
      .catch((error: unknown) =>
        log?.warn({ err: error, conversationId: conversation.id }, 'ticket resolve failed'),
      );
  });
}
