import { done, pass, waitAt, type Flow, type FlowContext, type FlowOutcome } from '../src/engine/flow';
import type { FlowPosition } from '../src/model/flow-position';
import { CONFIRM_FIX_FLOW, FixConfirmation, VERDICT_REPLIES } from '../src/tickets/fix-confirmation';
import type { Understanding } from '../src/understanding/understanding';

/** How sure the understanding step must be of a yes or no before it is taken as the verdict. */
const VERDICT_CONFIDENCE = 0.4;
/** Small talk that is no verdict but no other request either: the question is asked again. */
const SMALL_TALK = new Set(['thanks', 'greeting', 'goodbye']);

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
    const ticketId = position?.data.ticketId;
    if (!position || typeof ticketId !== 'string') return pass;
    const verdict = verdictOf(context.understanding);
    if (verdict === 'works') {
      await context.say(await lifecycleOf(context).confirmed(ticketId));
      return done;
    }
    if (verdict === 'broken') return stillBroken(context, ticketId);
    return askAgain(context, position);
  },
};

/** What the customer hears when the fix did not hold (every channel, e-mail included). */
export function stillBrokenText(ticketId: string): string {
  return `Sorry it is still not right. I have reopened ticket ${ticketId} with what you said and passed it back to the team, with its history.`;
}

/** Why the conversation is back in the queue, for the agents. */
export function stillBrokenReason(ticketId: string, said: string): string {
  return `Fix did not work on ${ticketId}: the customer says "${said.slice(0, 200)}"`;
}

async function stillBroken(context: FlowContext, ticketId: string): Promise<FlowOutcome> {
  const lifecycle = lifecycleOf(context);
  const { agentId } = await lifecycle.failed(ticketId, context.text);
  await context.say(stillBrokenText(ticketId));
  await context.handoff(stillBrokenReason(ticketId, context.text));
  if (agentId) await lifecycle.returnToAgent(context.conversation.id, agentId);
  return done;
}

/** Small talk gets the question again; a request of another kind goes to the flow it belongs to. */
async function askAgain(context: FlowContext, position: FlowPosition): Promise<FlowOutcome> {
  const { intent, confidence } = context.understanding;
  if (intent !== undefined && confidence >= VERDICT_CONFIDENCE && !SMALL_TALK.has(intent)) return pass;
  await context.say({
    text: 'Please tell me whether the fix works: does the problem still happen?',
    quickReplies: VERDICT_REPLIES,
  });
  return waitAt(position.step, position.data);
}

function lifecycleOf(context: FlowContext): FixConfirmation {
  const lifecycle = context.services.fixConfirmation;
  if (!(lifecycle instanceof FixConfirmation)) throw new Error('The fix confirmation service is not wired');
  return lifecycle;
}
