import type { ChannelName, ProblemBrief } from './conversation';

/** A problem report filed by the report-problem flow: one problem per ticket. */
export interface Ticket {
  /** Human-readable id the customer sees, e.g. `T-7K3Q9`. */
  id: string;
  conversationId: string;
  channel: ChannelName;
  customerId: string;
  status: 'open' | 'resolved' | 'reopened';
  title: string;
  brief: ProblemBrief;
  createdAt: number;
  updatedAt: number;
  reopenedCount: number;
}
