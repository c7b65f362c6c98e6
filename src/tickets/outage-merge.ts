import type { TransitionInput } from '../handoff/handoff-machine';
import type { Conversation } from '../model/conversation';
import type { MessageContent } from '../model/message';
import type { Ticket } from '../model/ticket';
import type { SupportPolicy } from '../policy/policy-schema';
import type { StatusPage } from '../status-page/status-page';
import type { ConversationStore, TicketStore } from '../store/ports';
import { confirmOutage, incidentOutage } from './outages';
import { withEvent } from './ticket-history';
import type { TicketService } from './ticket-service';
import { textsFor } from '../i18n/translate';

/** What merging needs from the engine: the same actions the console's routes use. */
export interface OutageDesk {
  readonly store: TicketStore & Pick<ConversationStore, 'getConversation'>;
  say(conversation: Conversation, content: MessageContent | string): Promise<unknown>;
  transition(conversationId: string, input: TransitionInput): Promise<Conversation>;
  updateConversation(
    conversationId: string,
    change: (conversation: Conversation) => Conversation,
  ): Promise<Conversation>;
}

/** Who confirmed the outage, for the transcript and the tickets' history. */
export interface MergeOptions {
  policy: SupportPolicy;
  tickets: TicketService;
  at: number;
  /** The agent who confirmed it, or the status page's incident. */
  by: string;
}

/**
 * Outage reports that were each queued on their own while nothing was confirmed (so that one
 * customer's mistaken P0 hid nobody) join the outage ticket once it is confirmed: each report still
 * waiting in the queue is linked to the outage ticket (its customer becomes one of the reporters
 * agents update at once), its own ticket is closed with a note naming the outage ticket, the
 * conversation leaves the queue, and the customer is told where to follow the outage. A report an
 * agent has already taken stays with that agent. Gives the ids of the tickets merged.
 */
export async function mergeWaitingOutageReports(
  desk: OutageDesk,
  outage: Ticket,
  options: MergeOptions,
): Promise<string[]> {
  const { policy, tickets, at, by } = options;
  const since = at - policy.outageDedupeHours * 3600_000;
  const candidates = (await desk.store.listTickets({ limit: 1000 })).filter(
    (t) =>
      t.id !== outage.id &&
      t.status !== 'resolved' &&
      t.outage === undefined &&
      t.brief.severity === policy.outageSeverity &&
      t.createdAt <= at &&
      t.createdAt >= since,
  );
  const merged: string[] = [];
  for (const report of candidates.sort((a, b) => a.createdAt - b.createdAt)) {
    const conversation = await desk.store.getConversation(report.conversationId);
    if (conversation?.mode !== 'queued' || conversation.brief?.ticketId !== report.id) continue;
    await tickets.linkReport(outage.id, conversation, report.brief);
    await desk.store.saveTicket({
      ...withEvent(report, { at, event: 'merged', note: `into outage ticket ${outage.id}` }),
      status: 'resolved',
      closedAt: at,
      closeNote: `Merged into outage ticket ${outage.id} when the outage was confirmed (${by}).`,
      updatedAt: at,
    });
    await desk.updateConversation(conversation.id, (c) => ({
      ...c,
      brief: { ...c.brief, ticketId: outage.id, mergedTicketId: report.id },
      tags: [...new Set([...(c.tags ?? []), 'outage-report'])],
    }));
    const left = await desk.transition(conversation.id, {
      event: 'resolve',
      at,
      agentName: by,
      reason: `report ${report.id} merged into outage ticket ${outage.id}`,
    });
    await desk.say(
      left,
      textsFor(left)('outage.merged', {
        report: report.id,
        outage: outage.id,
        statusPage: policy.statusPage.url,
      }),
    );
    merged.push(report.id);
  }
  return merged;
}

/**
 * While the status page shows an incident, it confirms the outage even when no new report comes
 * in: the incident's outage ticket (or, when it has none yet, the earliest outage report still
 * waiting, which becomes it) takes in every outage report waiting in the queue. Gives the ids merged.
 */
export async function mergeIntoIncident(
  desk: OutageDesk,
  incident: string,
  options: Omit<MergeOptions, 'by'>,
): Promise<string[]> {
  const existing = await incidentOutage(desk.store, incident);
  const outage = existing ?? (await firstWaitingReport(desk, options));
  if (!outage) return [];
  const confirmed =
    existing ??
    (await confirmOutage(desk.store, outage.id, {
      confirmedAt: options.at,
      source: 'status-page',
      by: incident,
    }));
  return mergeWaitingOutageReports(desk, confirmed, { ...options, by: `status page: ${incident}` });
}

async function firstWaitingReport(
  desk: OutageDesk,
  { policy, at }: Omit<MergeOptions, 'by'>,
): Promise<Ticket | undefined> {
  const since = at - policy.outageDedupeHours * 3600_000;
  const reports = (await desk.store.listTickets({ limit: 1000 }))
    .filter(
      (t) =>
        t.status !== 'resolved' &&
        t.brief.severity === policy.outageSeverity &&
        t.createdAt >= since &&
        t.createdAt <= at,
    )
    .sort((a, b) => a.createdAt - b.createdAt);
  for (const report of reports) {
    const conversation = await desk.store.getConversation(report.conversationId);
    if (conversation?.mode === 'queued') return report;
  }
  return undefined;
}

/**
 * The status page's part of the lifecycle sweep: each call looks once, and when the page shows an
 * incident, the outage reports waiting in the queue join the incident's outage ticket. A call made
 * while the previous one still runs does nothing (two overlapping looks could each pick a ticket).
 * Gives the ids merged.
 */
export function incidentSweep(
  desk: OutageDesk,
  statusPage: StatusPage,
  options: { policy: SupportPolicy; tickets: TicketService; clock: () => number },
): () => Promise<string[]> {
  let running = false;
  return async () => {
    if (running) return [];
    running = true;
    try {
      const incident = (await statusPage.summary())?.incidents[0]?.name;
      if (!incident) return [];
      return await mergeIntoIncident(desk, incident, { ...options, at: options.clock() });
    } finally {
      running = false;
    }
  };
}
