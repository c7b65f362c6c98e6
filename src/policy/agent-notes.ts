import type { Agent } from '../model/agent';
import type { Conversation, ProblemBrief } from '../model/conversation';
import type { RecordStore, TicketStore } from '../store/ports';
import type { TicketService } from '../tickets/ticket-service';
import { describeEscalationPrice } from './classification';
import type { SupportPolicy } from './policy-schema';
import { countDowngrades, recordDowngrade } from './severity-downgrades';

/** What the console shows above a conversation, and what it does when an agent reclassifies. */
export interface AgentNoteHooks {
  notesFor(conversation: Conversation): Promise<string[]>;
  onReclassify(conversation: Conversation, agent: Agent, before: ProblemBrief['severity']): Promise<void>;
}

/**
 * The facts an agent needs before answering: the customer's tickets, a paid escalation they
 * agreed to, and how often their critical reports were downgraded (the policy warns about
 * repeated misreporting).
 */
export function agentNoteHooks(options: {
  store: TicketStore & RecordStore;
  policy: SupportPolicy;
  tickets: TicketService;
  clock?: () => number;
}): AgentNoteHooks {
  const { store, policy, tickets } = options;
  const now = options.clock ?? Date.now;
  return {
    async notesFor(conversation) {
      const notes: string[] = [];
      const brief = conversation.brief;
      if (brief?.paidEscalationConsent) {
        notes.push(
          `Paid escalation accepted (${describeEscalationPrice(policy)}): "${brief.paidEscalationConsent.text}" at ${new Date(brief.paidEscalationConsent.at).toISOString()}`,
        );
      }
      const downgrades = await countDowngrades(store, conversation);
      if (downgrades > 0) {
        const warn = downgrades >= policy.downgradeWarnAfter ? ' (repeated misreporting)' : '';
        notes.push(`Critical reports from this customer downgraded by agents: ${downgrades}${warn}`);
      }
      const theirs = await tickets.ofCustomer(conversation);
      if (theirs.length > 0) {
        notes.push(
          `Tickets of this customer: ${theirs
            .slice(0, 5)
            .map((t) => `${t.id} ${t.status} ${t.brief.severity ?? ''} "${t.title}"`.replace(/\s+/g, ' '))
            .join('; ')}`,
        );
      }
      return notes;
    },
    async onReclassify(conversation, agent, before) {
      await recordDowngrade(store, policy, conversation, agent, before, now());
      const ticketId = conversation.brief?.ticketId;
      const ticket = ticketId ? await store.getTicket(ticketId) : undefined;
      if (ticket && conversation.brief) {
        await store.saveTicket({
          ...ticket,
          brief: {
            ...ticket.brief,
            severity: conversation.brief.severity,
            category: conversation.brief.category ?? ticket.brief.category,
          },
          updatedAt: now(),
        });
      }
    },
  };
}
