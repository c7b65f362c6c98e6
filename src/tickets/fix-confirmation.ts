import { textsFor, translator, type Translate } from '../i18n/translate';
import { ConflictError, NotFoundError } from '../errors';
import type { TransitionInput } from '../handoff/handoff-machine';
import type { Logger } from '../logger';
import type { Agent } from '../model/agent';
import type { Conversation } from '../model/conversation';
import type { MessageContent, TranscriptMessage } from '../model/message';
import type { Ticket } from '../model/ticket';
import type { Store } from '../store/store';
import { withEvent } from './ticket-history';

/** The flow that waits for the customer's verdict on a proposed fix (flows/confirm-fix.ts). */
export const CONFIRM_FIX_FLOW = 'confirm-fix';
/** The step it waits at. */
export const CONFIRM_FIX_STEP = 'verdict';

/** What the fix confirmation needs from the engine: the same actions agents' consoles use. */
export interface LifecycleDesk {
  readonly store: Store;
  say(conversation: Conversation, content: MessageContent | string): Promise<TranscriptMessage>;
  transition(conversationId: string, input: TransitionInput): Promise<Conversation>;
  updateConversation(
    conversationId: string,
    change: (conversation: Conversation) => Conversation,
  ): Promise<Conversation>;
  claim(conversationId: string, agent: Agent): Promise<Conversation>;
}

/** Options of the fix confirmation. */
export interface FixConfirmationOptions {
  /** The engine, read when first used (the engine is built after the services it is given). */
  desk: () => LifecycleDesk;
  /** How long the customer has to answer (the policy's `ticketLifecycle.confirmFixHours`). */
  confirmFixHours: number;
  /** Days within which a recurrence reopens a closed ticket, for what the customer is told. */
  reopenWindowDays: number;
  /** Whether an agent is signed in now, so a fix that failed goes back to them, not the queue. */
  isAgentAvailable?: (agentId: string) => Promise<boolean>;
  clock?: () => number;
  log?: Logger;
}

/** The quick replies under the "does it work now?" question (values in the words the bot reads). */
export function verdictReplies(t: Translate) {
  return [
    { label: t('fix.works'), value: 'It works now' },
    { label: t('fix.broken'), value: 'Still broken' },
  ];
}

/**
 * Confirmed fixes, as the support policy asks: an agent proposes a fix, the customer is asked on
 * their own channel to test it; "works" closes the ticket, "still broken" sends it back to the
 * agent (or the queue) with the history, and no answer in time closes it with a note.
 */
export class FixConfirmation {
  private readonly now: () => number;

  constructor(private readonly options: FixConfirmationOptions) {
    this.now = options.clock ?? Date.now;
  }

  /** The agent says a fix is in place: the conversation goes back to the bot, which asks the customer. */
  async propose(ticketId: string, agent: Agent, note?: string): Promise<Ticket> {
    const desk = this.options.desk();
    const ticket = await desk.store.getTicket(ticketId);
    if (!ticket) throw new NotFoundError('Ticket');
    if (ticket.status === 'resolved') throw new ConflictError('The ticket is closed');
    const conversation = await desk.store.getConversation(ticket.conversationId);
    if (!conversation) throw new NotFoundError('Conversation');
    if (
      conversation.mode === 'assigned' &&
      conversation.assignedAgentId !== agent.id &&
      agent.role !== 'admin'
    ) {
      throw new ConflictError('Another agent has this conversation', 'not_assigned');
    }
    const at = this.now();
    const dueAt = at + this.options.confirmFixHours * 3600_000;
    const proposed: Ticket = {
      ...withEvent(ticket, {
        at,
        event: 'fix-proposed',
        agentName: agent.displayName,
        ...(note && { note }),
      }),
      status: 'fix-proposed',
      fixProposal: { at, agentId: agent.id, agentName: agent.displayName, dueAt, ...(note && { note }) },
    };
    await desk.store.saveTicket(proposed);
    let current = conversation;
    if (conversation.mode === 'assigned' || conversation.mode === 'queued') {
      current = await desk.transition(conversation.id, {
        event: 'resolve',
        at,
        agentId: agent.id,
        agentName: agent.displayName,
        reason: `fix proposed on ${ticket.id}`,
      });
    }
    const t = textsFor(conversation);
    const question = {
      text: note
        ? t('fix.proposedWithNote', { agent: agent.displayName, ticketId: ticket.id, note })
        : t('fix.proposed', { agent: agent.displayName, ticketId: ticket.id }),
      quickReplies: verdictReplies(t),
    };
    await desk.say(current, question);
    await desk.updateConversation(conversation.id, (c) => ({
      ...c,
      flow: {
        flowId: CONFIRM_FIX_FLOW,
        step: CONFIRM_FIX_STEP,
        data: { ticketId: ticket.id },
        at,
        prompt: question,
      },
    }));
    return proposed;
  }

  /** The customer says the fix works: the ticket closes with their confirmation. Gives the reply. */
  async confirmed(ticketId: string, t: Translate = translator('en')): Promise<string> {
    const { store } = this.options.desk();
    const ticket = await store.getTicket(ticketId);
    if (ticket?.status === 'fix-proposed') {
      const at = this.now();
      await store.saveTicket(closed(ticket, at, 'fix-confirmed', 'The customer confirmed the fix works'));
    }
    return t('fix.confirmed', { ticketId, count: this.options.reopenWindowDays });
  }

  /**
   * The customer says it is still broken: the ticket reopens with their words in its history and
   * the agent who proposed the fix. Gives that agent's id, when they should get it back.
   */
  async failed(ticketId: string, said: string): Promise<{ agentId?: string }> {
    const { store } = this.options.desk();
    const ticket = await store.getTicket(ticketId);
    if (!ticket || ticket.status !== 'fix-proposed') return {};
    const { fixProposal, ...rest } = ticket;
    await store.saveTicket({
      ...withEvent(rest, { at: this.now(), event: 'fix-failed', note: said.slice(0, 500) }),
      status: 'reopened',
      reopenedCount: ticket.reopenedCount + 1,
    });
    return fixProposal ? { agentId: fixProposal.agentId } : {};
  }

  /** Gives a conversation back to the agent who proposed the fix, when they are signed in. */
  async returnToAgent(conversationId: string, agentId: string): Promise<boolean> {
    const desk = this.options.desk();
    const agent = await desk.store.getAgent(agentId);
    if (!agent || !(await this.options.isAgentAvailable?.(agentId))) return false;
    try {
      await desk.claim(conversationId, agent);
      return true;
    } catch (error) {
      // Someone else claimed it first, or it left the queue: it stays where it is.
      this.options.log?.warn({ err: error, conversationId }, 'returning a failed fix to its agent failed');
      return false;
    }
  }

  /**
   * Closes, with a note, every proposed fix the customer has not answered in time, and tells them.
   * Each is claimed first, so of several instances sweeping at once one closes it. Gives how many.
   */
  async closeUnanswered(): Promise<number> {
    const desk = this.options.desk();
    const now = this.now();
    const waiting = await desk.store.listTickets({ status: 'fix-proposed', limit: 1000 });
    let count = 0;
    for (const ticket of waiting) {
      const proposal = ticket.fixProposal;
      if (!proposal || proposal.dueAt > now) continue;
      if (!(await desk.store.remember(`fix-timeout:${ticket.id}:${proposal.at}`, 3600_000))) continue;
      const hours = this.options.confirmFixHours;
      await desk.store.saveTicket(
        closed(ticket, now, 'closed-unconfirmed', `No answer within ${hours} hours of the proposed fix`),
      );
      count += 1;
      const conversation = await desk.store.getConversation(ticket.conversationId);
      if (!conversation) continue;
      const waitsHere =
        conversation.flow?.flowId === CONFIRM_FIX_FLOW && conversation.flow.data.ticketId === ticket.id;
      const after = waitsHere
        ? await desk.updateConversation(conversation.id, (c) => ({ ...c, flow: undefined }))
        : conversation;
      await desk.say(
        after,
        `I have not heard back about the fix for ticket ${ticket.id}, so I have closed it. ` +
          `If the problem is still there or comes back within ${this.options.reopenWindowDays} days, tell me and I will reopen it.`,
      );
    }
    return count;
  }
}

/** The ticket closed at `at`, with the reason in its note and history. */
function closed(
  ticket: Ticket,
  at: number,
  event: 'fix-confirmed' | 'closed-unconfirmed',
  note: string,
): Ticket {
  const { fixProposal: _answered, ...rest } = ticket;
  return {
    ...withEvent(rest, { at, event, note }),
    status: 'resolved',
    closedAt: at,
    closeNote: note,
  };
}
