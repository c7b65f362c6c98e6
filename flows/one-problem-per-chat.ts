import { normalizeText } from '../src/engine/intents';
import { done, type Flow } from '../src/engine/flow';
import { describeHours } from '../src/policy/opening-hours';
import { splitProblems } from './report-problem/split-problems';
import { policyOf } from './support-context';

const SYSTEM_WIDE =
  /\b(change|update|modify|reconfigure|migrate|move|redo|rebuild|review|audit|set up|setup|overhaul|redesign)\b.{0,30}\b(all|every|entire|whole|everything)\b.{0,30}\b(routes?|routing|accounts?|customers?|carriers?|trunks?|rates?|rate ?cards?|setup|configuration|config|system|platform|switch|servers?|numbers?|dids?)\b/;
const MANY_CONCERNS =
  /\b(several|multiple|many|a few|lots of|a lot of|a number of|bunch of|various|loads of|list of)\b.{0,15}\b(problems|issues|questions|concerns|things|requests|changes|tickets)\b/;

/**
 * The chat is for one specific problem. A request for system-wide changes, or many concerns at
 * once, is steered to separate tickets (or a call) so each reaches the right person.
 */
export const onePerChat: Flow = {
  id: 'one-problem-per-chat',
  matches: (text) => {
    const said = normalizeText(text);
    if (splitProblems(text).length > 1) return false;
    return SYSTEM_WIDE.test(said) || MANY_CONCERNS.test(said) || /\bsystem[- ]wide\b/.test(said);
  },
  async run(context) {
    const policy = policyOf(context);
    await context.say({
      text:
        'This chat works best for one specific problem at a time, so that each one reaches the right person and nothing gets lost. ' +
        `For a system-wide change, please email ${policy.contacts.email} describing it; every email becomes a ticket. ` +
        'For several problems, report them one at a time here (or send them as a numbered list and I will file one ticket each). ' +
        `To go through many concerns at once, calling is quickest: ${policy.contacts.phone}, ${describeHours(policy.phoneHours)}.`,
      summary: `One problem per chat, please. Changes: email ${policy.contacts.email}. Several problems: one at a time.`,
      quickReplies: [{ label: 'Report a problem', value: 'I want to report a problem' }],
    });
    return done;
  },
};
