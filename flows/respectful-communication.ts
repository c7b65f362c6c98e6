import { done, type Flow } from '../src/engine/flow';
import { textsFor } from '../src/i18n/translate';
import { means } from '../src/understanding/understanding';

/** How sure the understanding step must be that a message is abusive before the bot warns. */
const ABUSE_CONFIDENCE = 0.35;

/**
 * The policy does not tolerate rudeness, intimidation or threats. The first abusive message gets
 * one calm warning (and whatever the customer was doing goes on); a repeat flags the conversation
 * for an agent, who may end it.
 */
export const respectfulCommunication: Flow = {
  id: 'respectful-communication',
  interrupts: true,
  matches: ({ understanding }) => means(understanding, 'abuse', ABUSE_CONFIDENCE),
  async run(context) {
    const warned = Number(context.conversation.memory?.abuseWarnings ?? 0);
    await context.update((c) => ({
      ...c,
      memory: { ...c.memory, abuseWarnings: warned + 1, lastAbuseAt: context.now() },
      ...(warned >= 1 && { tags: [...new Set([...(c.tags ?? []), 'abusive'])] }),
    }));
    await context.store.appendRecord('abuse', {
      conversationId: context.conversation.id,
      text: context.text.slice(0, 500),
      warning: warned + 1,
      at: context.now(),
    });
    if (warned === 0) {
      await context.say(textsFor(context.conversation)('decline.abuseWarning'));
      return done;
    }
    await context.say(textsFor(context.conversation)('decline.abuseHandedOver'));
    await context.handoff(
      'Repeated abusive or threatening messages after a warning: an agent may end the conversation',
    );
    return done;
  },
};
