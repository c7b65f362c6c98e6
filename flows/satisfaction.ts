import { z, type ZodType, type ZodTypeDef } from 'zod';
import { done, pass, type Flow, type FlowContext, type FlowInput } from '../src/engine/flow';
import { defineFlowState } from '../src/engine/flow-state';
import { textsFor } from '../src/i18n/translate';
import type { FlowPosition } from '../src/model/flow-position';
import type { SatisfactionRating } from '../src/model/satisfaction';
import { readComment, readRating } from '../src/satisfaction/read-rating';
import { RATING_FLOW_ID, ratingWindowMs, type RatingAsked } from '../src/satisfaction/rating-question';

/** What `askForRating` keeps when it asks; other fields it may add are kept as they are. */
const ratingAsked: ZodType<RatingAsked, ZodTypeDef, unknown> = z
  .object({
    askedAt: z.number(),
    agentId: z.string().optional(),
    agentName: z.string().optional(),
    severity: z.string().optional(),
  })
  .passthrough();
const ratingState = defineFlowState(ratingAsked);

/**
 * The answer to "how did we do?" after a resolve (the question is asked by `askForRating`, which
 * leaves this flow waiting). A score or a feeling is stored as the rating; a sentence with it is
 * its comment, otherwise one more message is taken as the comment. Anything that is not an answer
 * (a question, a new problem) passes on to the rest of the bot, as if nothing had been asked.
 */
export const satisfaction: Flow = {
  id: RATING_FLOW_ID,
  // Checked before the waiting flow's digressions: a rating worded like a question ("would I rate
  // it a 4? yes") is still the answer. It takes up a message only while its question is open.
  interrupts: true,
  matches: (input) =>
    input.conversation.flow?.flowId === RATING_FLOW_ID && isAnswer(input, input.conversation.flow),
  answers: (input, position) => isAnswer(input, position),
  async run(context, position) {
    const at = position ?? context.conversation.flow;
    if (at?.flowId !== RATING_FLOW_ID) return pass;
    const asked = ratingState.read(at);
    if (!asked || context.now() - asked.askedAt > ratingWindowMs) return forget(context);
    return at.step === 'comment' ? takeComment(context, asked) : takeRating(context, asked);
  },
};

/** Whether a message answers the open question (the rating, or the comment after it). */
function isAnswer({ text, understanding }: FlowInput, position: FlowPosition): boolean {
  return position.step === 'comment'
    ? readComment(text, understanding) !== 'other'
    : readRating(text, understanding).kind !== 'other';
}

async function takeRating(context: FlowContext, asked: RatingAsked) {
  const reading = readRating(context.text, context.understanding);
  if (reading.kind === 'other') return pass;
  const t = textsFor(context.conversation);
  if (reading.kind === 'declined') {
    await context.say(t('rating.declined'));
    return done;
  }
  const rating: SatisfactionRating = {
    id: `${context.conversation.id}:${asked.askedAt}`,
    conversationId: context.conversation.id,
    channel: context.conversation.ref.channel,
    satisfied: reading.satisfied,
    ...(reading.score !== undefined && { score: reading.score }),
    ...(reading.comment !== undefined && { comment: reading.comment }),
    ...(asked.agentId !== undefined && { agentId: asked.agentId }),
    ...(asked.agentName !== undefined && { agentName: asked.agentName }),
    ...(asked.severity !== undefined && { severity: asked.severity }),
    askedAt: asked.askedAt,
    ratedAt: context.now(),
  };
  await context.store.ratings.save(rating);
  // i18next's context: the `_sorry` variant of a text when the customer was not satisfied.
  const sorry = reading.satisfied ? {} : { context: 'sorry' };
  if (reading.comment !== undefined) {
    await context.say(t('rating.thanksComment', sorry));
    return done;
  }
  await context.say(t('rating.thanksRating', sorry));
  return ratingState.waitAt('comment', { ...asked });
}

async function takeComment(context: FlowContext, asked: RatingAsked) {
  const kind = readComment(context.text, context.understanding);
  if (kind === 'other') return forget(context);
  const t = textsFor(context.conversation);
  if (kind === 'declined') {
    await context.say(t('rating.declined'));
    return done;
  }
  const id = `${context.conversation.id}:${asked.askedAt}`;
  const rating = await context.store.ratings.get(id);
  if (rating) await context.store.ratings.save({ ...rating, comment: context.text.trim().slice(0, 1000) });
  await context.say(t('rating.passedOn'));
  return done;
}

/** The question is no longer open: the message goes on to the rest of the bot. */
async function forget(context: FlowContext) {
  await context.update((c) => {
    if (c.flow?.flowId === RATING_FLOW_ID) delete c.flow;
    return c;
  });
  return pass;
}
