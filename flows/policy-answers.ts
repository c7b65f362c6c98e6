import { done, type Flow } from '../src/engine/flow';
import { conversationLanguage } from '../src/i18n/languages';
import { textsFor } from '../src/i18n/translate';
import { policyFact, type PolicyFact } from '../src/policy/policy-facts';
import { customerTimeZone } from '../src/policy/reply-expectation';
import { namedSeverities } from '../src/understanding/entity-extractors';
import { isPolicyIntent, type PolicyIntent } from '../src/understanding/intents';
import { newAnswerId, sayRecordedAnswer } from './answer-record';
import { policyOf } from './support-context';

/** How sure the understanding step must be that a message asks about the policy. */
const POLICY_CONFIDENCE = 0.35;
/** How sure a docs answer must be before its page is offered under a policy answer. */
const DOCS_CONFIDENCE = 0.8;

/**
 * Answers every question about the support policy on every channel, directly and briefly, from the
 * policy file: hours and whether support is open now, phone hours, contacts, paid escalation,
 * severities, categories, the status page (live when configured), Call-IDs, one problem per ticket.
 * NOC-on-Demand enquiries outside another flow go to the lead flow, which can take the enquiry.
 */
export const policyAnswers: Flow = {
  id: 'policy-answers',
  matches: ({ understanding, conversation }) =>
    understanding.intent !== undefined &&
    isPolicyIntent(understanding.intent) &&
    understanding.confidence >= POLICY_CONFIDENCE &&
    (understanding.intent !== 'policy.noc' || conversation.flow !== undefined),
  async run(context) {
    const intents = [context.understanding.intent, ...(context.understanding.alsoAsked ?? [])]
      .filter((i): i is PolicyIntent => i !== undefined && isPolicyIntent(i))
      .slice(0, 3);
    const policy = policyOf(context);
    const statusNow = intents.includes('policy.status_page') ? await liveStatus(context) : undefined;
    const severities = namedSeverities(context.text);
    const zone = customerTimeZone(context.conversation);
    const situation = {
      now: context.now(),
      ...(zone && { zone }),
      ...(severities.length && { severities }),
      ...(statusNow && { statusNow }),
    };
    const language = conversationLanguage(context.conversation);
    const answers = intents.map((intent) =>
      policyFact(policy, intent.slice('policy.'.length) as PolicyFact, situation, language),
    );
    const content = { text: answers.map((a) => a.text).join('\n\n') };
    const more = await docsPage(context);
    if (!more) {
      await context.say(content);
      return done;
    }
    // With the docs page that covers it, the answer is a docs answer too: cited, and rated.
    await sayRecordedAnswer(
      context,
      {
        ...content,
        answerId: newAnswerId(),
        text: `${content.text}\n\n${textsFor(context.conversation)('answer.fromDocs', { title: more.title })}\n${more.url}`,
        citations: [{ title: more.title, url: more.url }],
      },
      { page: more.pagePath, confidence: more.confidence },
      { quotesDocs: false },
    );
    return done;
  },
};

/** The docs page that covers the same question, when the docs answer it confidently. */
async function docsPage(
  context: Parameters<Flow['run']>[0],
): Promise<{ title: string; url: string; pagePath: string; confidence: number } | undefined> {
  const answer = await context.knowledge?.answer(context.text).catch(() => undefined);
  const best = answer?.kind === 'answer' && answer.confidence >= DOCS_CONFIDENCE ? answer.hits[0] : undefined;
  if (!best) return undefined;
  return {
    title: [best.pageTitle, ...best.headingPath.slice(1)].filter(Boolean).join(' › '),
    url: best.url,
    pagePath: best.pagePath,
    confidence: answer?.confidence ?? 0,
  };
}

async function liveStatus(context: Parameters<Flow['run']>[0]): Promise<string | undefined> {
  const summary = await context.services.statusPage?.summary().catch(() => undefined);
  if (!summary) return undefined;
  const t = textsFor(context.conversation);
  const active = [
    ...summary.incidents.map((i) => t('policy.incident', { name: i.name, status: i.status })),
    ...summary.degraded.map((c) =>
      t('policy.degraded', { name: c.name, status: c.status.replace(/_/g, ' ') }),
    ),
  ];
  return active.length ? active.join('; ') : t('policy.allOperational');
}
