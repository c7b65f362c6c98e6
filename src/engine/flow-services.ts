import type { SupportPolicy } from '../policy/policy-schema';
import type { StatusPage } from '../status-page/status-page';
import type { FixConfirmation } from '../tickets/fix-confirmation';
import type { TicketService } from '../tickets/ticket-service';

/**
 * Services the composition root hands to flows (policy, status page, mailer, ...). Declared open
 * so that each service adds its own optional member here without the engine knowing it.
 */
export interface FlowServices {
  /** The validated support policy (hours, severities, contacts, prices). */
  policy?: SupportPolicy;
  /** The public status page, when one is configured. */
  statusPage?: StatusPage;
  /** Files problem reports as tickets. */
  tickets?: TicketService;
  /** Asks the customer to confirm a proposed fix and closes or reopens the ticket. */
  fixConfirmation?: FixConfirmation;
  [name: string]: unknown;
}
