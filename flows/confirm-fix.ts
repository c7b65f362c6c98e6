import { z } from 'zod';
import { done, pass, type Flow, type FlowContext, type FlowOutcome } from '../src/engine/flow';
import { defineFlowState } from '../src/engine/flow-state';
import { textsFor } from '../src/i18n/translate';
import type { FlowPosition } from '../src/model/flow-position';
import { CONFIRM_FIX_FLOW, FixConfirmation, verdictReplies } from '../src/tickets/fix-confirmation';
import type { Understanding } from '../src/understanding/understanding';
import type { Conversation } from '../src/model/conversation';

/** How sure the understanding step must be of a yes or no before it is taken as the verdict. */
const VERDICT_CONFIDENCE = 0.4;
/** Small talk that is no verdict but no other request either: the question is asked again. */
const SMALL_TALK = new Set(['thanks', 'greeting', 'goodbye']);

/** The ticket whose fix the customer is asked about (set by `FixConfirmation.propose`). */
const fixState = defineFlowState(z.object({ ticketId: z.string() }));

/** What the customer's answer says about the fix, from the understanding step only. */
export function verdictOf(understanding: Understanding): 'works' | 'broken' | undefined {
  const { intent, confidence } = understanding;
  if (confidence < VERDICT_CONFIDENCE) return undefined;
  if (intent === 'solved' || intent === 'affirm') return 'works';
  if (intent === 'not_solved' || intent === 'deny') return 'broken';
  return undefined;
}

/**
 * The customer's verdict on a fix an agent proposed (started by `FixConfirmation.propose`, never
 * by a message): "works" closes the ticket, "still broken" hands the conversation back to the
 * agent or the queue. Anything else is left to the other flows, and the question waits.
 */
export const confirmFix: Flow = {
  id: CONFIRM_FIX_FLOW,
  matches: () => false,
  answers: (input) => verdictOf(input.understanding) !== undefined,
  async run(context, position) {
    const state = fixState.read(position);
    if (!position || !state) return pass;
    const { ticketId } = state;
    const verdict = verdictOf(context.understanding);
    if (verdict === 'works') {
      await context.say(await lifecycleOf(context).confirmed(ticketId, textsFor(context.conversation)));
      return done;
    }
    if (verdict === 'broken') return stillBroken(context, ticketId);
    return askAgain(context, position, state);
  },
};

/** What the customer hears when the fix did not hold (every channel, e-mail included). */
function stillBrokenText(conversation: Conversation, ticketId: string): string {
  return textsFor(conversation)('fix.stillBroken', { ticketId });
}

/** Why the conversation is back in the queue, for the agents. */
function stillBrokenReason(ticketId: string, said: string): string {
  return `Fix did not work on ${ticketId}: the customer says "${said.slice(0, 200)}"`;
}

/**
 * The fix did not hold, on any channel: the ticket reopens with the customer's words, they are
 * told, the conversation goes back to the queue, and to the agent who proposed the fix if they can
 * take it.
 */
export async function fixDidNotHold(
  lifecycle: Pick<FixConfirmation, 'failed' | 'returnToAgent'>,
  conversation: Conversation,
  ticketId: string,
  said: string,
  reply: { say(text: string): Promise<unknown>; handoff(reason: string): Promise<unknown> },
): Promise<void> {
  const { agentId } = await lifecycle.failed(ticketId, said);
  await reply.say(stillBrokenText(conversation, ticketId));
  await reply.handoff(stillBrokenReason(ticketId, said));
  if (agentId) await lifecycle.returnToAgent(conversation.id, agentId);
}

async function stillBroken(context: FlowContext, ticketId: string): Promise<FlowOutcome> {
  await fixDidNotHold(lifecycleOf(context), context.conversation, ticketId, context.text, {
    say: (text) => context.say(text),
    handoff: (reason) => context.handoff(reason),
  });
  return done;
}

/** Small talk gets the question again; a request of another kind goes to the flow it belongs to. */
async function askAgain(
  context: FlowContext,
  position: FlowPosition,
  state: { ticketId: string },
): Promise<FlowOutcome> {
  const { intent, confidence } = context.understanding;
  if (intent !== undefined && confidence >= VERDICT_CONFIDENCE && !SMALL_TALK.has(intent)) return pass;
  const t = textsFor(context.conversation);
  await context.say({ text: t('fix.askAgain'), quickReplies: verdictReplies(t) });
  return fixState.waitAt(position.step, state);
}

function lifecycleOf(context: FlowContext): FixConfirmation {
  const lifecycle = context.services.fixConfirmation;
  if (!(lifecycle instanceof FixConfirmation)) throw new Error('The fix confirmation service is not wired');
  return lifecycle;
}
