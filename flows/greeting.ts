import { normalizeText } from '../src/engine/intents';
import { done, type Flow } from '../src/engine/flow';

const GREETING =
  /^(\/start|\/help|help|menu|hi|hello|hey|hiya|good (morning|afternoon|evening)|start|yo|hola|hi there|hello there|hey there)$/;
const THANKS =
  /^(thanks|thank you|thx|ty|cheers|thanks a lot|many thanks|great thanks|ok thanks|perfect thanks)$/;

/** Menu choices offered after a greeting; picking one sends its value as the customer's message. */
const MENU = [
  { label: 'Report a problem', value: 'I want to report a problem' },
  { label: 'Support hours', value: 'What are your support hours?' },
  { label: 'Talk to a human', value: 'Human' },
];

/** Answers greetings, /start, /help and thanks with what the bot can do, so nobody is left guessing. */
export const greeting: Flow = {
  id: 'greeting',
  matches: (text) => {
    const normalized = normalizeText(text).replace(/[!.]+$/, '');
    return GREETING.test(normalized) || THANKS.test(normalized);
  },
  async run(context) {
    const normalized = normalizeText(context.text);
    if (THANKS.test(normalized)) {
      await context.say(
        'You are welcome! Anything else I can help with? Type "Human" any time to reach a person.',
      );
      return done;
    }
    await context.say({
      text:
        'Hi! I am the support bot. I can answer questions from our documentation, help you report a problem ' +
        '(so the team gets everything it needs), and tell you our support hours and contacts. ' +
        'Type "Human" at any time to reach a person.',
      quickReplies: MENU,
    });
    return done;
  },
};
