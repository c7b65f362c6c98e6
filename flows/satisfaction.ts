import { done, pass, waitAt, type Flow, type FlowContext } from '../src/engine/flow';
import type { SatisfactionRating } from '../src/model/satisfaction';
import { readComment, readRating } from '../src/satisfaction/read-rating';
import { RATING_FLOW_ID, ratingWindowMs, type RatingAsked } from '../src/satisfaction/rating-question';

/**
 * The answer to "how did we do?" after a resolve (the question is asked by `askForRating`, which
 * leaves this flow waiting). A score or a feeling is stored as the rating; a sentence with it is
 * its comment, otherwise one more message is taken as the comment. Anything that is not an answer
 * (a question, a new problem) passes on to the rest of the bot, as if nothing had been asked.
 */
export const satisfaction: Flow = {
  id: RATING_FLOW_ID,
  // Never starts on its own: only a resolve asks.
  matches: () => false,
  answers: ({ text, understanding }, position) =>
    position.step === 'comment'
      ? readComment(text, understanding) !== 'other'
      : readRating(text, understanding).kind !== 'other',
  async run(context, position) {
    if (!position) return pass;
    const asked = position.data as unknown as RatingAsked;
    if (context.now() - asked.askedAt > ratingWindowMs) return forget(context);
    return position.step === 'comment' ? takeComment(context, asked) : takeRating(context, asked);
  },
};

async function takeRating(context: FlowContext, asked: RatingAsked) {
  const reading = readRating(context.text, context.understanding);
  if (reading.kind === 'other') return pass;
  if (reading.kind === 'declined') {
    await context.say('All right. Thank you for contacting us!');
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
  const sorry = reading.satisfied ? '' : ' I am sorry it was not better.';
  if (reading.comment !== undefined) {
    await context.say(`Thank you for your feedback; the team will read it.${sorry}`);
    return done;
  }
  await context.say(
    `Thank you for rating us!${sorry} If you would like to tell us more, just write it here.`,
  );
  return waitAt('comment', { ...asked });
}

async function takeComment(context: FlowContext, asked: RatingAsked) {
  const kind = readComment(context.text, context.understanding);
  if (kind === 'other') return forget(context);
  if (kind === 'declined') {
    await context.say('All right. Thank you for contacting us!');
    return done;
  }
  const id = `${context.conversation.id}:${asked.askedAt}`;
  const rating = await context.store.ratings.get(id);
  if (rating) await context.store.ratings.save({ ...rating, comment: context.text.trim().slice(0, 1000) });
  await context.say('Thank you; I have passed that on to the team.');
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
