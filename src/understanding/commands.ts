import type { IntentName } from './intents';

/**
 * Commands customers are told to type, matched exactly (case, slash and trailing punctuation aside)
 * and never left to a model: the policy says "type Human", Telegram sends /start and /help.
 * SMS keywords (STOP, START, HELP) are answered by the SMS adapter before the engine sees them.
 */
const COMMANDS = new Map<string, IntentName>([
  ['human', 'handoff.request'],
  ['agent', 'handoff.request'],
  ['start', 'greeting'],
  ['help', 'greeting'],
  ['menu', 'greeting'],
  ['cancel', 'cancel'],
  ['contacts', 'policy.contacts'],
  ['hours', 'policy.hours'],
]);

/** The intent of an exact command ("Human", "/human", "/start"), if the message is one. */
export function commandIntent(text: string): IntentName | undefined {
  const word = text
    .trim()
    .toLowerCase()
    .replace(/^\//, '')
    .replace(/@\w+$/, '')
    .replace(/[.!]+$/, '');
  return COMMANDS.get(word);
}
