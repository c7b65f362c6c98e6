import type { FlowContext } from '../../src/engine/flow';
import type { Ticket } from '../../src/model/ticket';
import { confirmOutage, incidentOutage } from '../../src/tickets/outages';
import { policyOf, ticketsOf } from '../support-context';

/** The name of the incident the status page shows right now, if it shows one. */
export async function statusPageIncident(context: FlowContext): Promise<string | undefined> {
  const summary = await context.services.statusPage?.summary();
  return summary?.incidents[0]?.name;
}

/**
 * The outage ticket an outage report joins: one whose outage an agent confirmed, or the one the
 * status page's current incident confirmed. Without either, each report is queued on its own.
 */
export async function joinableOutage(
  context: FlowContext,
  incident: string | undefined,
): Promise<Ticket | undefined> {
  const policy = policyOf(context);
  const confirmed = await ticketsOf(context).openOutage(
    policy.outageSeverity,
    policy.outageDedupeHours * 3600_000,
  );
  return confirmed ?? (incident ? await incidentOutage(context.store, incident) : undefined);
}

/** The first report during a status page incident becomes the incident's outage ticket. */
export async function confirmByStatusPage(
  context: FlowContext,
  ticketId: string,
  incident: string,
): Promise<void> {
  await confirmOutage(context.store, ticketId, {
    confirmedAt: context.now(),
    source: 'status-page',
    by: incident,
  });
}
