import { done, pass, type Flow, type FlowContext, type FlowOutcome } from '../src/engine/flow';
import { conversationLanguage } from '../src/i18n/languages';
import { textsFor } from '../src/i18n/translate';
import { describeEscalationPrice, isCritical, nonCriticalSituation } from '../src/policy/classification';
import { describeHours, isOpen } from '../src/policy/opening-hours';
import { hasNoCallId, parseCallIds } from '../src/understanding/call-ids';
import { looksLikeQuestion } from '../src/understanding/question-form';
import { means, type Understanding } from '../src/understanding/understanding';
import type { FlowPosition } from '../src/model/flow-position';
import type { FlowInput } from '../src/engine/flow';
import { newDraft, reportState, type ReportDraft } from './report-problem/report-draft';
import {
  afterDescription,
  afterTiming,
  ask,
  askAgain,
  askDetails,
  askScreenshotOrTiming,
  askSeverity,
  checkDocs,
  checkOutages,
  maybeOfferEscalation,
  submit,
} from './report-problem/report-stages';
import { categoryQuestion, severityQuestion } from './report-problem/report-texts';
import { splitProblems } from './report-problem/split-problems';
import { customerPolicyOf, isNo, isYes, policyOf } from './support-context';

/** The prefix of the "Report this problem" quick reply under a docs answer. */
export const REPORT_PREFIX = /^report (a|this) problem:\s*/i;

/** A report not continued for this long is dropped rather than resumed. */
const STALE_AFTER_MS = 12 * 3600 * 1000;
/** How sure the understanding step must be that a message reports a problem. */
const REPORT_CONFIDENCE = 0.35;

/** Whether a message starts a report: it reports a problem, or is the "Report this problem" button. */
function startsReport({ text, understanding }: { text: string; understanding: Understanding }): boolean {
  return REPORT_PREFIX.test(text) || means(understanding, 'report.problem', REPORT_CONFIDENCE);
}

/** The steps whose answer is yes or no (or a choice between two). */
const YES_NO_STEPS = new Set(['same-as-earlier', 'known-incident', 'docs-solved', 'escalation']);
const YES_NO_INTENTS = new Set(['affirm', 'deny', 'solved', 'not_solved']);

/** Whether a message answers the question the report waits on; else it may be a digression. */
function answersStep({ text, understanding, attachments }: FlowInput, position: FlowPosition): boolean {
  const { entities, intent } = understanding;
  switch (position.step) {
    case 'category':
      return entities.category !== undefined || YES_NO_INTENTS.has(intent ?? '') || !looksLikeQuestion(text);
    case 'severity':
      return entities.severity !== undefined && !(looksLikeQuestion(text) && intent?.startsWith('policy.'));
    case 'call-ids':
      return entities.callIds.length > 0 || hasNoCallId(text) || means(understanding, 'deny');
    case 'screenshot':
      return attachments.length > 0 || /^(skip|no|none)\b/i.test(text.trim());
    default:
      if (YES_NO_STEPS.has(position.step))
        return YES_NO_INTENTS.has(intent ?? '') || !looksLikeQuestion(text);
      // Free-text answers (what happened, when, what was tried): anything but a question.
      return !looksLikeQuestion(text);
  }
}

type Step = (context: FlowContext, draft: ReportDraft) => Promise<FlowOutcome>;

/**
 * Report a problem, the way the support policy asks: check for known outages, check the docs,
 * gather category, severity, Call-IDs, timing, what was tried, observations apart from guesses and
 * a screenshot for interface problems, then file a ticket and hand the brief to the queue.
 */
export const reportProblem: Flow = {
  id: 'report-problem',
  matches: startsReport,
  answers: answersStep,
  async run(context, position) {
    if (!position) return start(context);
    if (context.now() - position.at > STALE_AFTER_MS) {
      // A report left half-way long ago: the new message is not an answer to the old question.
      await context.update((c) => ({ ...c, flow: undefined }));
      return startsReport(context) ? start(context) : pass;
    }
    // A draft that does not read as one (written by an older version) starts the report afresh.
    const draft = reportState.read(position);
    const step = STEPS[position.step];
    return step && draft ? step(context, draft) : start(context);
  },
};

async function start(context: FlowContext): Promise<FlowOutcome> {
  if (context.understanding.frustrated) {
    await context.say(textsFor(context.conversation)('report.frustrated'));
  }
  const afterAnswer = REPORT_PREFIX.test(context.text);
  const text = context.text.replace(REPORT_PREFIX, '');
  const parts = splitProblems(text);
  if (parts.length > 1) {
    await context.say(
      textsFor(context.conversation)('report.several', { count: parts.length, first: parts[0] }),
    );
    return afterDescription(context, newDraft(parts[0]!, parts.slice(1)));
  }
  if (saysNothingYet(context.understanding, text)) {
    return ask(context, 'describe', newDraft(''), {
      text: textsFor(context.conversation)('report.describe'),
    });
  }
  return afterDescription(context, {
    ...withDetails(newDraft(text), context.understanding),
    ...(afterAnswer && { docsShown: true }),
  });
}

/**
 * Whether the message only says there is a problem, not what it is ("I want to report an issue"):
 * no entity and too few words of its own to be a description.
 */
function saysNothingYet(understanding: Understanding, text: string): boolean {
  const { entities } = understanding;
  if (entities.callIds.length > 0 || entities.when) return false;
  return text.trim().split(/\s+/).length <= 6 && /\b(report|problem|issue|ticket|bug|fault)\b/i.test(text);
}

/** Details the customer gave up front go into the draft, so they are never asked for again. */
function withDetails(draft: ReportDraft, understanding: Understanding): ReportDraft {
  const { callIds, severity, severityCue, category, categoryCue, when } = understanding.entities;
  return {
    ...draft,
    ...(callIds.length > 0 && { callIds }),
    ...(severity && { severity }),
    ...(!severity && severityCue && { suggestedSeverity: severityCue.severity }),
    ...(category && { category }),
    ...(!category && categoryCue && { suggestedCategory: categoryCue }),
    ...(when && { startedAt: when }),
  };
}

const STEPS: Record<string, Step> = {
  async describe(context, draft) {
    const parts = splitProblems(context.text);
    if (parts.length > 1) {
      await context.say(
        textsFor(context.conversation)('report.severalThanks', { count: parts.length, first: parts[0] }),
      );
    }
    return afterDescription(context, {
      ...draft,
      description: parts[0] ?? context.text,
      queue: parts.slice(1),
    });
  },
  async 'same-as-earlier'(context, draft) {
    const same =
      (isYes(context.text) || /\bsame\b/i.test(context.text)) &&
      !/\b(new|different|not)\b/i.test(context.text);
    if (same) return askDetails(context, draft);
    const rest = { ...draft };
    delete rest.earlierTicketId;
    return checkOutages(context, rest);
  },
  async 'known-incident'(context, draft) {
    if (isNo(context.text) || /different|not (it|the same|related)|something else/i.test(context.text)) {
      return checkDocs(context, draft);
    }
    await context.say(
      textsFor(context.conversation)('report.followIncident', {
        statusPage: policyOf(context).statusPage.url,
      }),
    );
    return done;
  },
  async 'docs-solved'(context, draft) {
    if (isYes(context.text)) {
      await context.store.appendRecord('report-deflections', {
        conversationId: context.conversation.id,
        docs: draft.suggestedDocs?.map((d) => d.url),
        at: context.now(),
      });
      await context.update((c) => ({ ...c, brief: undefined }));
      await context.say(textsFor(context.conversation)('report.docsSolved'));
      return done;
    }
    return ask(
      context,
      'category',
      draft,
      categoryQuestion(customerPolicyOf(context), undefined, textsFor(context.conversation)),
    );
  },
  async category(context, draft) {
    const said = context.text.toLowerCase();
    if (/platform/.test(said)) return askSeverity(context, { ...draft, category: 'platform' });
    if (/operational|config/.test(said)) return askSeverity(context, { ...draft, category: 'operational' });
    if (/not sure|unsure|don'?t know|no idea|\?/.test(said)) {
      await context.say(textsFor(context.conversation)('report.categoryOpen'));
      return askSeverity(context, draft);
    }
    return askAgain(
      context,
      'category',
      draft,
      categoryQuestion(customerPolicyOf(context), undefined, textsFor(context.conversation)),
      () => askSeverity(context, draft),
    );
  },
  async severity(context, draft) {
    const policy = policyOf(context);
    const confirmsSuggestion =
      draft.suggestedSeverity && (isYes(context.text) || means(context.understanding, 'affirm', 0.5));
    const chosen =
      context.understanding.entities.severity ?? (confirmsSuggestion ? draft.suggestedSeverity : undefined);
    if (!chosen) {
      return askAgain(
        context,
        'severity',
        draft,
        severityQuestion(customerPolicyOf(context), undefined, textsFor(context.conversation)),
        () => askDetails(context, draft),
      );
    }
    let next: ReportDraft = { ...draft, severity: chosen };
    const situation = nonCriticalSituation(policy, `${draft.description} ${context.text}`);
    if (situation && isCritical(policy, chosen)) {
      next = {
        ...next,
        severity: policy.nonCritical.severity,
        requestedSeverity: chosen,
        nonCriticalReason: situation,
      };
      const local = customerPolicyOf(context);
      const index = policy.nonCritical.situations.findIndex((s) => s.name === situation);
      await context.say(
        textsFor(context.conversation)('report.notCritical', {
          situation: local.nonCritical.situations[index]?.name ?? situation,
          severity: policy.nonCritical.severity,
          label: local.severities[policy.nonCritical.severity].label,
          chosen,
        }),
      );
    } else if (chosen === policy.outageSeverity) {
      next = { ...next, category: next.category ?? 'platform' };
      await context.say(
        textsFor(context.conversation)('report.outage', { chosen, statusPage: policy.statusPage.url }),
      );
      return submit(context, next);
    } else if (isCritical(policy, chosen) && !isOpen(policy.businessHours, context.now())) {
      // The policy answers critical reports at any hour and warns against misreporting them.
      await context.say(
        textsFor(context.conversation)('report.criticalOutOfHours', {
          chosen,
          hours: describeHours(policy.businessHours, conversationLanguage(context.conversation)),
        }),
      );
    } else if (chosen === policy.featureRequestSeverity) {
      await context.say(textsFor(context.conversation)('report.featureRequest', { chosen }));
    }
    return askDetails(context, next);
  },
  async 'call-ids'(context, draft) {
    const { maxPerReport } = policyOf(context).callIds;
    if (hasNoCallId(context.text)) return askScreenshotOrTiming(context, { ...draft, callIds: [] });
    const { plausible, rejected } = parseCallIds(context.text);
    if (plausible.length > maxPerReport) {
      return askAgain(
        context,
        'call-ids',
        draft,
        textsFor(context.conversation)('report.tooManyCallIds', {
          count: plausible.length,
          max: maxPerReport,
        }),
        () => askScreenshotOrTiming(context, { ...draft, callIds: plausible.slice(0, maxPerReport) }),
      );
    }
    if (plausible.length === 0) {
      return askAgain(
        context,
        'call-ids',
        draft,
        textsFor(context.conversation)('report.notACallId', {
          where: customerPolicyOf(context).callIds.whereToFind,
        }),
        () => askScreenshotOrTiming(context, { ...draft, callIds: [] }),
      );
    }
    const t = textsFor(context.conversation);
    const got = [
      t('report.gotCallIds', { count: plausible.length }),
      ...(rejected.length ? [t('report.leftOut', { ignored: rejected.join(', ') })] : []),
    ];
    await context.say(got.join(' '));
    return askScreenshotOrTiming(context, { ...draft, callIds: plausible });
  },
  async screenshot(context, draft) {
    const files = context.attachments.map((a) => a.url);
    if (files.length > 0) return askScreenshotOrTiming(context, { ...draft, attachments: files });
    if (/^(skip|no|none|n\/a|no screenshot)/i.test(context.text.trim())) {
      return askScreenshotOrTiming(context, { ...draft, attachments: [] });
    }
    return askAgain(context, 'screenshot', draft, textsFor(context.conversation)('report.noImage'), () =>
      askScreenshotOrTiming(context, { ...draft, attachments: [] }),
    );
  },
  async started(context, draft) {
    return afterTiming(context, { ...draft, startedAt: context.text });
  },
  async tried(context, draft) {
    return ask(
      context,
      'observed',
      { ...draft, tried: context.text },
      {
        text: textsFor(context.conversation)('report.observed'),
      },
    );
  },
  async observed(context, draft) {
    return ask(
      context,
      'assumed',
      { ...draft, observed: context.text },
      {
        text: textsFor(context.conversation)('report.suspected'),
        quickReplies: [{ label: textsFor(context.conversation)('report.noIdea'), value: 'no idea' }],
      },
    );
  },
  async assumed(context, draft) {
    const none = /^(no idea|none|no|not sure|don'?t know|idk|nothing|n\/a)[.!]*$/i.test(context.text.trim());
    return maybeOfferEscalation(context, { ...draft, ...(!none && { assumed: context.text }) });
  },
  async escalation(context, draft) {
    const said = context.text.trim();
    if (/\b(agree|accept)\b/i.test(said) && !/\b(not|don'?t|do not|no)\b/i.test(said)) {
      return submit(context, { ...draft, escalation: { at: context.now(), text: said } });
    }
    if (isYes(said) || /^escalate/i.test(said)) {
      return askAgain(
        context,
        'escalation',
        draft,
        textsFor(context.conversation)('report.agreementNeeded', {
          price: describeEscalationPrice(policyOf(context), conversationLanguage(context.conversation)),
        }),
        () => submit(context, draft),
      );
    }
    return submit(context, draft);
  },
};
