import { ConflictError, NotFoundError } from '../errors';
import type { Agent } from '../model/agent';
import type { SupportLine, Ticket } from '../model/ticket';
import type { SupportPolicy } from '../policy/policy-schema';
import type { TicketStore } from '../store/ports';
import { withEvent } from './ticket-history';

/** What an escalation did: the ticket at its new line, and what the customer is told. */
export interface Escalation {
  ticket: Ticket;
  customerNotice: string;
}

/**
 * Moves a ticket up the policy's escalation matrix (to the next line, or to `toLine`), recording
 * the agent's reason in its history. The customer hears in plain words who has it now; a feature
 * request reaching the developers is told that a project cost may apply.
 */
export async function escalateTicket(
  store: TicketStore,
  policy: SupportPolicy,
  input: { ticketId: string; agent: Agent; reason: string; toLine?: SupportLine; at: number },
): Promise<Escalation> {
  const ticket = await store.getTicket(input.ticketId);
  if (!ticket) throw new NotFoundError('Ticket');
  if (ticket.status === 'resolved') throw new ConflictError('The ticket is closed');
  const from = ticket.line ?? 1;
  const to = input.toLine ?? (from === 1 ? 2 : 3);
  if (to <= from) {
    throw new ConflictError(`The ticket is already at the ${lineOf(policy, from).name}`);
  }
  const line = lineOf(policy, to);
  const updated: Ticket = {
    ...withEvent(ticket, {
      at: input.at,
      event: 'escalated',
      agentName: input.agent.displayName,
      note: `${lineOf(policy, from).name} to ${line.name}: ${input.reason}`,
    }),
    line: to,
  };
  await store.saveTicket(updated);
  const featureRequest = ticket.brief.severity === policy.featureRequestSeverity;
  const cost =
    to === 3 && featureRequest
      ? ' As this asks for a new feature, a project cost may apply; the team will discuss it with you before any work starts.'
      : '';
  return {
    ticket: updated,
    customerNotice: `Your ticket ${ticket.id} is now with our ${line.name}: ${line.who}. They have everything you told us, so there is no need to repeat it.${cost}`,
  };
}

/** The policy's description of one line. */
export function lineOf(policy: SupportPolicy, line: SupportLine): SupportPolicy['escalationLines'][number] {
  const [first, second, third] = policy.escalationLines;
  return line === 1 ? first : line === 2 ? second : third;
}
