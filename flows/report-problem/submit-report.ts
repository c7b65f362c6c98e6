import { done, type FlowContext, type FlowOutcome } from '../../src/engine/flow';
import { textsFor } from '../../src/i18n/translate';
import { priorityOf } from '../../src/policy/classification';
import { policyOf, ticketsOf } from '../support-context';
import { confirmByStatusPage, joinableOutage, statusPageIncident } from './confirmed-outage';
import { briefOf, titleOf, type ReportDraft } from './report-draft';
import { filedSummary } from './report-texts';

/**
 * Files the report: an outage report joins the open outage ticket instead of queueing another
 * conversation; a recurrence reopens the customer's earlier ticket; anything else gets a new
 * ticket. The brief goes on the conversation, which is handed to the queue at its severity.
 * Returns the draft of the next problem when the message listed several.
 */
export async function submitReport(
  context: FlowContext,
  draft: ReportDraft,
): Promise<{ outcome: FlowOutcome } | { next: ReportDraft }> {
  const policy = policyOf(context);
  const tickets = ticketsOf(context);
  const brief = briefOf(draft);
  const outage = draft.severity === policy.outageSeverity;

  // Outage reports join one ticket only while the outage is confirmed (see confirmed-outage.ts).
  const incident = outage ? await statusPageIncident(context) : undefined;
  if (outage) {
    const open = await joinableOutage(context, incident);
    if (open && open.conversationId !== context.conversation.id) {
      await tickets.linkReport(open.id, context.conversation, brief);
      await context.update((c) => ({
        ...c,
        brief: { ...brief, ticketId: open.id },
        priority: priorityOf(draft.severity),
        tags: unique([...(c.tags ?? []), 'outage-report']),
      }));
      await context.say(
        textsFor(context.conversation)('report.joinedOutage', {
          ticketId: open.id,
          statusPage: policy.statusPage.url,
        }),
      );
      return { outcome: done };
    }
  }

  const title = titleOf(draft.description);
  const recurrence = draft.earlierTicketId
    ? await tickets.recurrence(draft.earlierTicketId, context.conversation, brief, title)
    : undefined;
  const earlier = recurrence?.reopened ? recurrence.ticket : undefined;
  const ticket = recurrence?.ticket ?? (await tickets.create(context.conversation, brief, title));
  if (outage && incident && !recurrence) await confirmByStatusPage(context, ticket.id, incident);
  const filed = [
    ...draft.filed,
    { ticketId: ticket.id, ...(ticket.brief.severity && { severity: ticket.brief.severity }) },
  ];
  const escalated = Boolean(draft.escalation);
  const priority = Math.min(
    ...filed.map((f) => priorityOf(f.severity)),
    escalated ? policy.paidEscalation.priority : 5,
  );
  await context.say(
    filedSummary(
      ticket.id,
      ticket.brief,
      Boolean(earlier),
      ticket.linkedTicketId,
      textsFor(context.conversation),
    ),
  );

  const [following, ...rest] = draft.queue;
  if (following) {
    await context.update((c) => ({ ...c, brief: { ...ticket.brief }, priority }));
    await context.say(textsFor(context.conversation)('report.nextProblem', { problem: following }));
    return { next: { description: following, queue: rest, filed } };
  }

  await context.update((c) => ({
    ...c,
    brief: {
      ...ticket.brief,
      ...(filed.length > 1 && { relatedTickets: filed.map((f) => f.ticketId) }),
    },
    priority,
    tags: unique([
      ...(c.tags ?? []),
      'problem-report',
      ...(escalated ? ['paid-escalation', 'page-on-call'] : []),
      ...(ticket.brief.severity === policy.featureRequestSeverity ? ['feature-request'] : []),
      ...(outage ? ['outage-report'] : []),
    ]),
  }));
  const what = [ticket.brief.category, ticket.brief.severity].filter(Boolean).join(' ');
  const ticketList = filed.map((f) => f.ticketId).join(', ');
  await context.handoff(
    `${earlier ? 'Reopened' : 'Problem report'} ${ticketList}${what ? ` (${what})` : ''}${escalated ? ', paid escalation accepted: page the on-call engineer' : ''}`,
  );
  return { outcome: done };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
