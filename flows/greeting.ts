import { done, type Flow } from '../src/engine/flow';
import { textsFor, type Translate } from '../src/i18n/translate';
import type { MessageContent } from '../src/model/message';
import type { IntentName } from '../src/understanding/intents';

/** Menu choices offered after a greeting; picking one sends its value as the customer's message. */
const menu = (t: Translate) => [
  { label: t('menu.report'), value: 'I want to report a problem' },
  { label: t('menu.hours'), value: 'What are your support hours?' },
  { label: t('menu.human'), value: 'Human' },
];

/** What the bot says to small talk and to yes/no/solved outside a question it asked. */
const REPLIES: Partial<Record<IntentName, (t: Translate) => MessageContent>> = {
  greeting: (t) => ({ text: t('greeting.smallTalk'), quickReplies: menu(t) }),
  thanks: (t) => ({ text: t('greeting.thanks') }),
  goodbye: (t) => ({ text: t('greeting.goodbye') }),
  solved: (t) => ({ text: t('greeting.solved') }),
  affirm: (t) => ({ text: t('greeting.affirm') }),
  deny: (t) => ({ text: t('greeting.deny') }),
  not_solved: (t) => ({
    text: t('greeting.notSolved'),
    quickReplies: [
      { label: t('menu.report'), value: 'I want to report a problem' },
      { label: t('menu.person'), value: 'Human' },
    ],
  }),
};

/** How sure the understanding step must be before small talk is answered as small talk. */
const SMALL_TALK_CONFIDENCE = 0.5;

/** Answers greetings, /start, /help, thanks and goodbyes, so nobody is left guessing what the bot does. */
export const greeting: Flow = {
  id: 'greeting',
  matches: ({ understanding }) =>
    understanding.intent !== undefined &&
    REPLIES[understanding.intent] !== undefined &&
    understanding.confidence >= SMALL_TALK_CONFIDENCE,
  async run(context) {
    const reply = REPLIES[context.understanding.intent as IntentName]!;
    await context.say(reply(textsFor(context.conversation)));
    return done;
  },
};
