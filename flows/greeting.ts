import { done, type Flow } from '../src/engine/flow';
import type { IntentName } from '../src/understanding/intents';

/** Menu choices offered after a greeting; picking one sends its value as the customer's message. */
const MENU = [
  { label: 'Report a problem', value: 'I want to report a problem' },
  { label: 'Support hours', value: 'What are your support hours?' },
  { label: 'Talk to a human', value: 'Human' },
];

/** What the bot says to small talk and to yes/no/solved outside a question it asked. */
const REPLIES: Partial<Record<IntentName, { text: string; quickReplies?: typeof MENU }>> = {
  greeting: {
    text:
      'Hi! I am the support bot. I can answer questions from our documentation, help you report a problem ' +
      '(so the team gets everything it needs), and tell you our support hours and contacts. ' +
      'Type "Human" at any time to reach a person.',
    quickReplies: MENU,
  },
  thanks: {
    text: 'You are welcome! Anything else I can help with? Type "Human" any time to reach a person.',
  },
  goodbye: { text: 'Goodbye! If anything else comes up, just write here.' },
  solved: { text: 'Great, glad that is sorted. Anything else, just ask.' },
  affirm: { text: 'OK. What can I help you with? Ask me a question, report a problem, or type "Human".' },
  deny: { text: 'All right. Is there anything else I can help with?' },
  not_solved: {
    text: 'Sorry that did not help. I can take a problem report for the team, or connect you with a person.',
    quickReplies: [
      { label: 'Report a problem', value: 'I want to report a problem' },
      { label: 'Talk to a person', value: 'Human' },
    ],
  },
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
    await context.say(reply);
    return done;
  },
};
