import {
  done,
  pass,
  type Flow,
  type FlowContext,
  type FlowInput,
  type FlowOutcome,
} from '../src/engine/flow';
import { textsFor } from '../src/i18n/translate';
import type { Conversation, ProblemBrief } from '../src/model/conversation';
import { priorityOf } from '../src/policy/classification';
import type { SeverityName } from '../src/policy/policy-schema';
import { means } from '../src/understanding/understanding';
import { ticketsOf } from './support-context';

type Category = NonNullable<ProblemBrief['category']>;

/** The one-tap answers: how bad (a catalog key), and the category each usually means. */
const OPTIONS: { label: string; severity: SeverityName; category: Category }[] = [
  { label: 'triage.allDown', severity: 'P1', category: 'platform' },
  { label: 'triage.someFail', severity: 'P3', category: 'platform' },
  { label: 'triage.account', severity: 'P4', category: 'operational' },
  { label: 'triage.request', severity: 'P5', category: 'operational' },
];

/** How sure the understanding step must be that the message asks for a person. */
const REQUEST_CONFIDENCE = 0.5;

/** What the triage keeps on the conversation's memory. */
interface TriageState {
  askedAt: number;
  answeredAt?: number;
}

/**
 * Triage at every handoff: when a customer asks for a person (outside a report, or in one that
 * has no classification yet), the conversation is queued at once and the bot asks one quick question (how bad, which also tells what it is about:
 * one tap on web and Telegram, one word such as "P3" by SMS), so the queue can order it. Skipped
 * when the conversation already has a category and severity, or the request names them. The
 * answer sets the brief and the queue priority, and a problem gets a ticket. Runs only while the
 * conversation is queued (`whileQueued`): the engine offers it the request, then later messages.
 */
export const triage: Flow = {
  id: 'triage',
  whileQueued: true,
  matches: (input) => input.conversation.mode === 'queued' && (isRequest(input) || awaitsAnswer(input)),
  async run(context) {
    const told = classificationOf(context);
    if (awaitsAnswer(context)) {
      if (told) return record(context, told);
      await keepSuggestion(context);
      return pass;
    }
    if (told) return record(context, told);
    await context.update((c) => ({
      ...c,
      brief: { ...c.brief, ...suggestionOf(context, c.brief) },
      memory: { ...c.memory, triage: { askedAt: context.now() } },
    }));
    const t = textsFor(context.conversation);
    const options = OPTIONS.map((o) =>
      t('triage.option', { severity: o.severity, label: t(o.label).toLowerCase() }),
    );
    await context.say({
      text: t('triage.question', { options: options.join(', ') }),
      quickReplies: OPTIONS.map((o) => ({ label: t(o.label), value: o.severity })),
    });
    return done;
  },
};

function needsTriage(conversation: Conversation): boolean {
  const { brief, tags } = conversation;
  return !(brief?.severity && brief.category) && !tags?.includes('abusive');
}

/** The customer's own request for a person, on a conversation the team cannot yet order. */
function isRequest(input: FlowInput): boolean {
  return (
    means(input.understanding, 'handoff.request', REQUEST_CONFIDENCE) &&
    needsTriage(input.conversation) &&
    stateOf(input.conversation) === undefined
  );
}

/** The question was asked and not answered yet. */
function awaitsAnswer(input: FlowInput): boolean {
  const state = stateOf(input.conversation);
  return state !== undefined && state.answeredAt === undefined && needsTriage(input.conversation);
}

function stateOf(conversation: Conversation): TriageState | undefined {
  const state = conversation.memory?.triage;
  return typeof state === 'object' && state !== null ? (state as TriageState) : undefined;
}

/** Severity named in the message (the understanding step's entity), with its category. */
function classificationOf(input: FlowInput): { severity: SeverityName; category: Category } | undefined {
  const { severity, category } = input.understanding.entities;
  if (!severity) return undefined;
  const usual = OPTIONS.find((o) => o.severity === severity)?.category;
  return { severity, category: category ?? usual ?? 'platform' };
}

/**
 * What the customer's words suggest (the understanding step's cues), kept on the brief as the bot's
 * suggestion: the agent who takes an unanswered conversation finds the classification form prefilled.
 */
function suggestionOf(input: FlowInput, brief: ProblemBrief | undefined): Partial<ProblemBrief> {
  const { severityCue, categoryCue } = input.understanding.entities;
  return {
    ...(severityCue && !brief?.severity && { suggestedSeverity: severityCue.severity }),
    ...(categoryCue && !brief?.category && { suggestedCategory: categoryCue }),
  };
}

async function keepSuggestion(context: FlowContext): Promise<void> {
  if (Object.keys(suggestionOf(context, context.conversation.brief)).length === 0) return;
  await context.update((c) => ({ ...c, brief: { ...c.brief, ...suggestionOf(context, c.brief) } }));
}

/** Puts the answer on the brief and the queue, files a ticket for a problem, and thanks the customer. */
async function record(
  context: FlowContext,
  told: { severity: SeverityName; category: Category },
): Promise<FlowOutcome> {
  const at = context.now();
  const ticket =
    told.severity !== 'P5' && !context.conversation.brief?.ticketId
      ? await ticketsOf(context).create(
          context.conversation,
          { ...told, description: await recentWords(context) },
          `Asked for a person: ${told.category} ${told.severity}`,
        )
      : undefined;
  await context.update((c) => ({
    ...c,
    brief: { ...c.brief, ...told, ...(ticket && { ticketId: ticket.id }) },
    priority: priorityOf(told.severity),
    memory: { ...c.memory, triage: { ...stateOf(c), askedAt: stateOf(c)?.askedAt ?? at, answeredAt: at } },
  }));
  const t = textsFor(context.conversation);
  const noted = { severity: told.severity, category: t(`triage.${told.category}`) };
  await context.say(
    ticket ? t('triage.notedWithTicket', { ...noted, ticketId: ticket.id }) : t('triage.noted', noted),
  );
  return done;
}

/** What the customer wrote before asking for a person, for the ticket's description. */
async function recentWords(context: FlowContext): Promise<string> {
  const { conversation } = context;
  const recent = await context.store.getMessages(conversation.id, Math.max(0, conversation.lastSeq - 12));
  return recent
    .filter((m) => m.author === 'customer' && m.seq !== context.message.seq)
    .map((m) => m.text)
    .join('\n')
    .slice(-2000);
}
