import type { FlowContext, FlowOutcome } from '../../src/engine/flow';
import type { MessageContent } from '../../src/model/message';
import { describeEscalationPrice } from '../../src/policy/classification';
import { describeHours, isOpen } from '../../src/policy/opening-hours';
import { matchIncident } from '../../src/status-page/match-incident';
import { reopensTicket } from '../../src/tickets/reopen-window';
import { customerPolicyOf, policyOf, ticketsOf } from '../support-context';
import { isCallProblem, isInterfaceProblem } from './problem-topic';
import { briefOf, reportState, type ReportDraft } from './report-draft';
import { textsFor } from '../../src/i18n/translate';
import {
  callIdQuestion,
  categoryQuestion,
  docsSuggestion,
  knownIncident,
  severityQuestion,
} from './report-texts';
import { submitReport } from './submit-report';

// The stages of a report and the questions that open them; the answers are handled in
// flows/report-problem.ts, which moves the draft from one stage to the next.

/** Asks a question and waits at `step`, keeping what was gathered on the conversation for agents. */
export async function ask(
  context: FlowContext,
  step: string,
  draft: ReportDraft,
  question: MessageContent | string,
): Promise<FlowOutcome> {
  return waitWith(context, step, { ...draft, retries: 0 }, question);
}

/** Sends the question and waits at `step` with exactly this draft (retries included). */
export async function waitWith(
  context: FlowContext,
  step: string,
  draft: ReportDraft,
  question: MessageContent | string,
): Promise<FlowOutcome> {
  await context.update((c) => ({ ...c, brief: briefOf(draft) }));
  await context.say(question);
  return reportState.waitAt(step, { ...draft });
}

/** Asks the same question again, at most twice; then goes on without an answer. */
export async function askAgain(
  context: FlowContext,
  step: string,
  draft: ReportDraft,
  question: MessageContent | string,
  giveUp: () => Promise<FlowOutcome>,
): Promise<FlowOutcome> {
  const retries = (draft.retries ?? 0) + 1;
  if (retries > 2) return giveUp();
  return waitWith(context, step, { ...draft, retries }, question);
}

/** Once the problem is described: an earlier ticket of the same problem, else the status page. */
export async function afterDescription(context: FlowContext, draft: ReportDraft): Promise<FlowOutcome> {
  const earlier = await ticketsOf(context).findEarlier(context.conversation, draft.description);
  if (earlier) {
    return ask(
      context,
      'same-as-earlier',
      { ...draft, earlierTicketId: earlier.id },
      {
        text: textsFor(context.conversation)(
          reopensTicket(earlier, context.now(), policyOf(context).ticketLifecycle.reopenWindowDays)
            ? 'report.sameAsEarlierReopen'
            : 'report.sameAsEarlierLink',
          { ticketId: earlier.id, title: earlier.title, status: earlier.status },
        ),
        quickReplies: [
          { label: textsFor(context.conversation)('report.sameProblem'), value: 'Same problem' },
          { label: textsFor(context.conversation)('report.newProblem'), value: 'New problem' },
        ],
      },
    );
  }
  return checkOutages(context, draft);
}

/** Step 1: a matching incident on the status page means the team already knows. */
export async function checkOutages(context: FlowContext, draft: ReportDraft): Promise<FlowOutcome> {
  const summary = await context.services.statusPage?.summary();
  if (!summary) {
    // Step one of the policy even without a status API to read: the customer checks the page.
    await context.say(
      textsFor(context.conversation)('report.statusPageFirst', {
        statusPage: policyOf(context).statusPage.url,
      }),
    );
  }
  if (summary) {
    const incident = matchIncident(summary, draft.description);
    if (incident)
      return ask(
        context,
        'known-incident',
        { ...draft, incident: incident.name },
        knownIncident(policyOf(context), incident, textsFor(context.conversation)),
      );
    const t = textsFor(context.conversation);
    const others = [
      ...summary.incidents.map((i) => t('policy.incident', { name: i.name, status: i.status })),
      ...summary.degraded.map((c) =>
        t('policy.degraded', { name: c.name, status: c.status.replace(/_/g, ' ') }),
      ),
    ];
    if (others.length > 0) {
      await context.say(
        t('report.statusShows', { active: others.join('; '), statusPage: policyOf(context).statusPage.url }),
      );
    }
  }
  return checkDocs(context, draft);
}

/** Step 2: the docs sections that may already solve it. */
export async function checkDocs(context: FlowContext, draft: ReportDraft): Promise<FlowOutcome> {
  if (draft.docsShown) return askCategory(context, draft);
  const seen = new Set<string>();
  const hits = (context.knowledge?.search(draft.description, 6) ?? [])
    .filter((hit) => !seen.has(hit.url) && seen.add(hit.url))
    .slice(0, 3);
  if (hits.length === 0) return askCategory(context, draft);
  const message = docsSuggestion(hits, textsFor(context.conversation));
  return ask(context, 'docs-solved', { ...draft, suggestedDocs: message.citations ?? [] }, message);
}

/** Asks for the category, unless the customer already named it. */
export async function askCategory(context: FlowContext, draft: ReportDraft): Promise<FlowOutcome> {
  if (draft.category) return askSeverity(context, draft);
  return ask(
    context,
    'category',
    draft,
    categoryQuestion(customerPolicyOf(context), draft.suggestedCategory, textsFor(context.conversation)),
  );
}

/** Asks for the severity with the policy's examples, unless the customer already named it. */
export async function askSeverity(context: FlowContext, draft: ReportDraft): Promise<FlowOutcome> {
  if (draft.severity) return askDetails(context, draft);
  return ask(
    context,
    'severity',
    draft,
    severityQuestion(customerPolicyOf(context), draft.suggestedSeverity, textsFor(context.conversation)),
  );
}

/** After the severity: the questions that fit this kind of problem. */
export async function askDetails(context: FlowContext, draft: ReportDraft): Promise<FlowOutcome> {
  const fresh = draft;
  if (draft.callIds === undefined && isCallProblem(draft.description)) {
    return ask(
      context,
      'call-ids',
      fresh,
      callIdQuestion(customerPolicyOf(context), textsFor(context.conversation)),
    );
  }
  return askScreenshotOrTiming(context, fresh);
}

/** A screenshot for interface problems, then when it started. */
export async function askScreenshotOrTiming(context: FlowContext, draft: ReportDraft): Promise<FlowOutcome> {
  if (draft.attachments === undefined && isInterfaceProblem(draft.description)) {
    return ask(
      context,
      'screenshot',
      { ...draft, retries: 0 },
      {
        text: textsFor(context.conversation)('report.screenshot'),
        quickReplies: [{ label: textsFor(context.conversation)('report.skip'), value: 'skip' }],
      },
    );
  }
  if (draft.startedAt) return afterTiming(context, draft);
  return ask(
    context,
    'started',
    { ...draft, retries: 0 },
    {
      text: textsFor(context.conversation)(draft.earlierTicketId ? 'report.cameBack' : 'report.started'),
    },
  );
}

/** After the timing: what was tried (a reopened ticket skips what it already has). */
export async function afterTiming(context: FlowContext, draft: ReportDraft): Promise<FlowOutcome> {
  if (draft.earlierTicketId) return maybeOfferEscalation(context, draft);
  return ask(context, 'tried', draft, textsFor(context.conversation)('report.tried'));
}

/** Out of hours, a P3/P4 the customer considers critical may be escalated for a fee, with consent. */
export async function maybeOfferEscalation(context: FlowContext, draft: ReportDraft): Promise<FlowOutcome> {
  const policy = policyOf(context);
  const eligible = draft.severity !== undefined && policy.paidEscalation.severities.includes(draft.severity);
  if (!eligible || isOpen(policy.businessHours, context.now())) return submit(context, draft);
  return ask(
    context,
    'escalation',
    { ...draft, retries: 0 },
    {
      text: textsFor(context.conversation)('report.escalationOffer', {
        hours: describeHours(policy.businessHours),
        severity: draft.severity,
        price: describeEscalationPrice(policy),
      }),
      quickReplies: [
        { label: textsFor(context.conversation)('report.escalate'), value: 'I agree to pay for escalation' },
        { label: textsFor(context.conversation)('report.waitForHours'), value: 'No' },
      ],
    },
  );
}

/** Step 4: files the ticket, then goes on with the next listed problem, if any. */
export async function submit(context: FlowContext, draft: ReportDraft): Promise<FlowOutcome> {
  const result = await submitReport(context, draft);
  if ('outcome' in result) return result.outcome;
  return afterDescription(context, result.next);
}
