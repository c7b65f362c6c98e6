import type { ChannelName, ProblemBrief } from './conversation';

/**
 * Where a ticket is in its lifecycle: `open` (being worked on), `fix-proposed` (waiting for the
 * customer to test the fix), `resolved` (closed: confirmed, timed out, or closed by an agent),
 * `reopened` (the fix did not hold, or the problem came back within the reopen window).
 */
export type TicketStatus = 'open' | 'fix-proposed' | 'resolved' | 'reopened';

/** The support line that has a ticket: 1st (NOC engineers), 2nd (senior experts), 3rd (developers). */
export type SupportLine = 1 | 2 | 3;

/** One recorded change of a ticket, for the agents' history. */
export interface TicketEvent {
  at: number;
  event:
    | 'fix-proposed'
    | 'fix-confirmed'
    | 'fix-failed'
    | 'closed-unconfirmed'
    | 'reopened'
    | 'escalated'
    | 'outage-confirmed'
    | 'outage-ended'
    /** A waiting outage report joined the outage ticket once the outage was confirmed. */
    | 'merged';
  /** The agent who acted, when an agent did. */
  agentName?: string;
  note?: string;
}

/** The fix an agent proposed, waiting for the customer's confirmation. */
export interface FixProposal {
  at: number;
  agentId: string;
  agentName: string;
  note?: string;
  /** Without an answer by then, the ticket is closed with a note. */
  dueAt: number;
}

/** A platform-wide outage an agent (or the status page) has confirmed on this ticket. */
export interface ConfirmedOutage {
  confirmedAt: number;
  source: 'agent' | 'status-page';
  /** The agent's name, or the status page incident's name. */
  by: string;
  /** Set when the outage is over: reports no longer join the ticket. */
  endedAt?: number;
}

/** A problem report filed by the report-problem flow: one problem per ticket. */
export interface Ticket {
  /** Human-readable id the customer sees, e.g. `T-7K3Q9`. */
  id: string;
  conversationId: string;
  channel: ChannelName;
  customerId: string;
  status: TicketStatus;
  title: string;
  brief: ProblemBrief;
  createdAt: number;
  updatedAt: number;
  reopenedCount: number;
  /** The support line working on it; 1 when never escalated. */
  line?: SupportLine;
  fixProposal?: FixProposal;
  /** When it was last closed, and why (confirmed by the customer, no answer in time). */
  closedAt?: number;
  closeNote?: string;
  /** The customer's earlier ticket of the same problem, closed longer ago than the reopen window. */
  linkedTicketId?: string;
  outage?: ConfirmedOutage;
  events?: TicketEvent[];
}
