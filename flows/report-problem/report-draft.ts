import { z } from 'zod';
import { defineFlowState } from '../../src/engine/flow-state';
import type { ProblemBrief } from '../../src/model/conversation';
import { severityName } from '../../src/policy/policy-schema';

const category = z.enum(['platform', 'operational']);

/** What the report-problem flow has collected so far; kept in the flow position, so a restart resumes. */
export const reportDraftSchema = z.object({
  /** The customer's own words about the problem. */
  description: z.string(),
  /** Further problems from the same message, each filed as its own ticket after this one. */
  queue: z.array(z.string()),
  /** Tickets already filed in this run (several problems in one message). */
  filed: z.array(z.object({ ticketId: z.string(), severity: severityName.optional() })),
  category: category.optional(),
  severity: severityName.optional(),
  /** What the customer's words suggest, until they confirm a severity or category. */
  suggestedSeverity: severityName.optional(),
  suggestedCategory: category.optional(),
  /** What the customer picked when the policy made it non-critical. */
  requestedSeverity: severityName.optional(),
  nonCriticalReason: z.string().optional(),
  callIds: z.array(z.string()).optional(),
  attachments: z.array(z.string()).optional(),
  startedAt: z.string().optional(),
  tried: z.string().optional(),
  observed: z.string().optional(),
  assumed: z.string().optional(),
  suggestedDocs: z.array(z.object({ title: z.string(), url: z.string() })).optional(),
  /** The customer came from a docs answer that did not help: the docs step is skipped. */
  docsShown: z.boolean().optional(),
  /** The customer's earlier ticket this report reopens. */
  earlierTicketId: z.string().optional(),
  /** The incident on the status page the customer was told about. */
  incident: z.string().optional(),
  escalation: z.object({ at: z.number(), text: z.string() }).optional(),
  /** How many times the current question was asked again. */
  retries: z.number().optional(),
});
export type ReportDraft = z.infer<typeof reportDraftSchema>;

/** The report-problem flow's state: its draft, validated when a waiting report is resumed. */
export const reportState = defineFlowState(reportDraftSchema);

/** A fresh draft for one problem description. */
export function newDraft(
  description: string,
  queue: string[] = [],
  filed: ReportDraft['filed'] = [],
): ReportDraft {
  return { description, queue, filed };
}

/** The brief an agent reads: the customer's words, then what they observed, then what they only suspect. */
export function briefOf(draft: ReportDraft): ProblemBrief {
  const parts = [
    draft.description,
    draft.observed && `Observed: ${draft.observed}`,
    draft.assumed && `Suspected cause (not confirmed): ${draft.assumed}`,
  ].filter(Boolean);
  const brief: ProblemBrief = {
    description: parts.join('\n'),
    ...(draft.category && { category: draft.category }),
    ...(draft.severity && { severity: draft.severity }),
    ...(draft.suggestedSeverity && { suggestedSeverity: draft.suggestedSeverity }),
    ...(draft.suggestedCategory && { suggestedCategory: draft.suggestedCategory }),
    ...(draft.callIds && { callIds: draft.callIds }),
    ...(draft.startedAt && { startedAt: draft.startedAt }),
    ...(draft.tried && { tried: draft.tried }),
    ...(draft.attachments && { attachments: draft.attachments }),
    ...(draft.suggestedDocs && { suggestedDocs: draft.suggestedDocs }),
    ...(draft.observed && { observations: draft.observed }),
    ...(draft.assumed && { assumptions: draft.assumed }),
    ...(draft.requestedSeverity && { requestedSeverity: draft.requestedSeverity }),
    ...(draft.nonCriticalReason && { nonCriticalReason: draft.nonCriticalReason }),
    ...(draft.incident && { statusPageIncident: draft.incident }),
    ...(draft.escalation && { paidEscalationConsent: draft.escalation }),
  };
  return brief;
}

/** A ticket title from the description: its first sentence, short. */
export function titleOf(description: string): string {
  const flat = description.replace(/\s+/g, ' ').trim();
  const sentence = flat.match(/^.+?[.!?](\s|$)/)?.[0]?.trim() ?? flat;
  return sentence.length <= 80 ? sentence : `${sentence.slice(0, 79).replace(/\s+\S*$/, '')}…`;
}
