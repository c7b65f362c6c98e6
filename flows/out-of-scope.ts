import { done, pass, type Flow } from '../src/engine/flow';
import { textsFor } from '../src/i18n/translate';
import { means } from '../src/understanding/understanding';
import { policyOf } from './support-context';

/** How sure the understanding step must be that a question is not one for this bot. */
const DECLINE_CONFIDENCE = 0.45;
/** A docs answer at least this sure outweighs "off-topic": the docs are the evidence. */
const DOCS_EVIDENCE = 0.5;

/**
 * Questions the bot should not pretend to answer: nothing to do with the product, or the customer's
 * own account data, which it cannot see. An honest decline, and the way to someone who can help.
 */
export const outOfScope: Flow = {
  id: 'out-of-scope',
  matches: ({ understanding }) =>
    means(understanding, 'off_topic', DECLINE_CONFIDENCE) ||
    means(understanding, 'account_data', DECLINE_CONFIDENCE),
  async run(context) {
    if (context.understanding.intent === 'off_topic' && context.knowledge) {
      // Other vendors' words ("configure a trunk") also describe our product: when the docs answer
      // the question confidently, and more surely than the message reads as off-topic, it was not
      // off-topic after all. A request to write a letter that merely names a product term stays
      // declined: the step is surer of what it is than the docs are of their closest page.
      const answer = await context.knowledge.answer(context.text);
      const evidence = Math.max(DOCS_EVIDENCE, context.understanding.confidence);
      if (answer.kind === 'answer' && answer.confidence >= evidence) return pass;
    }
    const t = textsFor(context.conversation);
    if (context.understanding.intent === 'account_data') {
      await context.say({
        text: t('decline.accountData', { email: policyOf(context).contacts.email }),
        quickReplies: [{ label: t('menu.person'), value: 'Human' }],
      });
      return done;
    }
    await context.say(t('decline.offTopic'));
    return done;
  },
};
