import type { Logger } from '../logger';
import type { Conversation, ProblemBrief } from '../model/conversation';
import type { Ticket } from '../model/ticket';
import type { TicketStore } from '../store/ports';
import { reopensTicket } from './reopen-window';
import { saysItCameBack, similarity } from './same-problem';
import { withEvent } from './ticket-history';
import { newTicketId } from './ticket-id';
import type { TicketMailer } from './ticket-mailer';

/** How alike two descriptions must be to count as the same problem without the customer saying so. */
const SAME_PROBLEM = 0.6;

/** Options of the ticket service. */
export interface TicketServiceOptions {
  store: TicketStore;
  mailer?: TicketMailer;
  log?: Logger;
  clock?: () => number;
  /** Days after closing within which a recurrence reopens a ticket (the policy's; default 10). */
  reopenWindowDays?: number;
}

/** What a recurrence did: reopened the earlier ticket, or opened a new one linked to it. */
export interface Recurrence {
  ticket: Ticket;
  reopened: boolean;
}

/**
 * Files problem reports as tickets the customer can quote: one ticket per problem, a problem that
 * comes back reopens the customer's ticket instead of starting a new one, and each ticket is
 * emailed to the support mailbox when a mailer is configured.
 */
export class TicketService {
  private readonly now: () => number;

  constructor(private readonly options: TicketServiceOptions) {
    this.now = options.clock ?? Date.now;
  }

  /** Creates a ticket for one problem. */
  async create(
    conversation: Conversation,
    brief: ProblemBrief,
    title: string,
    extra: Pick<Ticket, 'linkedTicketId'> = {},
  ): Promise<Ticket> {
    const { store } = this.options;
    let id = newTicketId();
    while (await store.getTicket(id)) id = newTicketId();
    const at = this.now();
    const ticket: Ticket = {
      id,
      conversationId: conversation.id,
      channel: conversation.ref.channel,
      customerId: conversation.ref.customerId,
      status: 'open',
      title: title.slice(0, 120),
      brief: { ...brief, ticketId: id },
      createdAt: at,
      updatedAt: at,
      reopenedCount: 0,
      line: 1,
      ...extra,
    };
    await store.saveTicket(ticket);
    await this.mail(ticket, 'created');
    return ticket;
  }

  /**
   * The customer's earlier ticket this report is about: a strongly similar one (or one sharing a
   * Call-ID), or, when the customer says the problem came back, their newest resolved ticket.
   */
  async findEarlier(
    conversation: Conversation,
    description: string,
    callIds: string[] = [],
  ): Promise<Ticket | undefined> {
    const tickets = await this.options.store.listTickets({
      customerId: conversation.ref.customerId,
      channel: conversation.ref.channel,
      limit: 500,
    });
    const newestFirst = [...tickets].sort((a, b) => b.updatedAt - a.updatedAt);
    const scored = newestFirst
      .map((ticket) => ({ ticket, score: similarity(ticket, description, callIds) }))
      .sort((a, b) => b.score - a.score);
    const best = scored[0];
    if (best && best.score >= SAME_PROBLEM) return best.ticket;
    if (saysItCameBack(description)) {
      return (
        newestFirst.find((t) => t.status === 'resolved') ??
        (best && best.score > 0.3 ? best.ticket : undefined)
      );
    }
    return undefined;
  }

  /** Reopens (or adds to) an earlier ticket with the new report; the ticket keeps its id. */
  async reopen(
    ticketId: string,
    conversation: Conversation,
    addition: ProblemBrief,
  ): Promise<Ticket | undefined> {
    const ticket = await this.options.store.getTicket(ticketId);
    if (!ticket) return undefined;
    const at = this.now();
    const wasResolved = ticket.status === 'resolved' || ticket.status === 'fix-proposed';
    const note = addition.description
      ? `\n\nReported again on ${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC:\n${addition.description}`
      : '';
    const { fixProposal: _dropped, ...rest } = ticket;
    const base = wasResolved ? withEvent(rest, { at, event: 'reopened', note: addition.description }) : rest;
    const updated: Ticket = {
      ...base,
      conversationId: conversation.id,
      status: wasResolved ? 'reopened' : ticket.status,
      updatedAt: at,
      reopenedCount: ticket.reopenedCount + (wasResolved ? 1 : 0),
      brief: {
        ...ticket.brief,
        ...withoutEmpty(addition),
        description: `${ticket.brief.description ?? ''}${note}`.trim(),
        callIds: unique([...(ticket.brief.callIds ?? []), ...(addition.callIds ?? [])]),
        attachments: unique([...(ticket.brief.attachments ?? []), ...(addition.attachments ?? [])]),
        ticketId: ticket.id,
      },
    };
    await this.options.store.saveTicket(updated);
    await this.mail(updated, 'reopened');
    return updated;
  }

  /**
   * The same problem reported again: within the reopen window the earlier ticket reopens (an open
   * one takes the report as an addition); after it, a new ticket links the earlier one.
   */
  async recurrence(
    earlierId: string,
    conversation: Conversation,
    brief: ProblemBrief,
    title: string,
  ): Promise<Recurrence> {
    const earlier = await this.options.store.getTicket(earlierId);
    if (earlier && reopensTicket(earlier, this.now(), this.options.reopenWindowDays ?? 10)) {
      const reopened = await this.reopen(earlierId, conversation, brief);
      if (reopened) return { ticket: reopened, reopened: true };
    }
    const ticket = await this.create(
      conversation,
      brief,
      title,
      earlier ? { linkedTicketId: earlier.id } : {},
    );
    return { ticket, reopened: false };
  }

  /**
   * The open outage ticket whose outage an agent or the status page confirmed in the last
   * `withinMs` and has not ended: further outage reports join it. Without a confirmed outage
   * every report is queued on its own, so one customer's mistaken P0 cannot hide another's.
   */
  async openOutage(severity: string, withinMs: number): Promise<Ticket | undefined> {
    const since = this.now() - withinMs;
    const tickets = await this.options.store.listTickets({ limit: 1000 });
    return tickets
      .filter(
        (t) =>
          t.status !== 'resolved' &&
          t.brief.severity === severity &&
          t.outage !== undefined &&
          t.outage.endedAt === undefined &&
          t.outage.confirmedAt >= since,
      )
      .sort((a, b) => a.createdAt - b.createdAt)[0];
  }

  /** Records another customer's report on an open outage ticket. */
  async linkReport(
    ticketId: string,
    conversation: Conversation,
    brief: ProblemBrief,
  ): Promise<Ticket | undefined> {
    const ticket = await this.options.store.getTicket(ticketId);
    if (!ticket) return undefined;
    const reports = Array.isArray(ticket.brief.linkedReports)
      ? (ticket.brief.linkedReports as unknown[])
      : [];
    const updated: Ticket = {
      ...ticket,
      updatedAt: this.now(),
      brief: {
        ...ticket.brief,
        linkedReports: [
          ...reports,
          {
            conversationId: conversation.id,
            channel: conversation.ref.channel,
            customerId: conversation.ref.customerId,
            description: brief.description,
            at: this.now(),
          },
        ],
      },
    };
    await this.options.store.saveTicket(updated);
    return updated;
  }

  /** Marks the open tickets of a conversation resolved (the agent resolved or ended it). */
  async resolveConversation(conversationId: string): Promise<void> {
    const tickets = await this.options.store.listTickets({ limit: 1000 });
    for (const ticket of tickets) {
      if (ticket.conversationId !== conversationId || ticket.status === 'resolved') continue;
      const { fixProposal: _dropped, ...rest } = ticket;
      await this.options.store.saveTicket({
        ...rest,
        status: 'resolved',
        updatedAt: this.now(),
        closedAt: this.now(),
        closeNote: 'Closed by an agent',
      });
    }
  }

  /** The customer's tickets, newest first. */
  async ofCustomer(conversation: Conversation): Promise<Ticket[]> {
    const tickets = await this.options.store.listTickets({
      customerId: conversation.ref.customerId,
      channel: conversation.ref.channel,
      limit: 500,
    });
    return tickets.sort((a, b) => b.updatedAt - a.updatedAt);
  }

  private async mail(ticket: Ticket, event: 'created' | 'reopened'): Promise<void> {
    if (!this.options.mailer) return;
    try {
      await this.options.mailer.send(ticket, event);
    } catch (error) {
      // The ticket exists either way; a mail outage must not lose the customer's report.
      this.options.log?.warn({ err: error, ticketId: ticket.id }, 'ticket email failed');
    }
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function withoutEmpty(brief: ProblemBrief): ProblemBrief {
  return Object.fromEntries(Object.entries(brief).filter(([, v]) => v !== undefined && v !== ''));
}
