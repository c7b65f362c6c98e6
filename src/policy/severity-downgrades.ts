import type { Agent } from '../model/agent';
import type { Conversation, ProblemBrief } from '../model/conversation';
import type { RecordStore } from '../store/ports';
import { isCritical, priorityOf } from './classification';
import type { SupportPolicy } from './policy-schema';

/** The record log of critical reports that agents downgraded. */
export const DOWNGRADES_LOG = 'severity-downgrades';

/** One customer across conversations on the same channel. */
export function customerKey(conversation: Conversation): string {
  return `${conversation.ref.channel}:${conversation.ref.customerId}`;
}

/** Records an agent's reclassification when it takes a report from critical to non-critical. */
export async function recordDowngrade(
  store: RecordStore,
  policy: SupportPolicy,
  conversation: Conversation,
  agent: Agent,
  before: ProblemBrief['severity'],
  at: number,
): Promise<boolean> {
  const after = conversation.brief?.severity;
  if (!isCritical(policy, before) || isCritical(policy, after) || priorityOf(after) <= priorityOf(before)) {
    return false;
  }
  await store.appendRecord(DOWNGRADES_LOG, {
    customer: customerKey(conversation),
    conversationId: conversation.id,
    ticketId: conversation.brief?.ticketId,
    from: before,
    to: after,
    agentId: agent.id,
    at,
  });
  return true;
}

/** How many of this customer's critical reports agents have downgraded. */
export async function countDowngrades(store: RecordStore, conversation: Conversation): Promise<number> {
  const key = customerKey(conversation);
  const records = await store.listRecords(DOWNGRADES_LOG, 100_000);
  return records.filter((r) => r.customer === key).length;
}
