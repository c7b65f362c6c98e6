/**
 * Questions about the asker's own account state ("where is my payment", "did you get my
 * invoice", "what is my balance") rather than how the product works. Written from the shape of
 * English questions, not from any list of questions: a status question about something the
 * asker owns, with no how-to verb. Only a person with access to the account can answer these.
 */

/** A question about the state of something the asker owns. */
const OWN_STATE =
  /\b(what('?s| is| are| was| were) (my|our)|where('?s| is| are) (my|our)|when (will|does|do|did) (my|our)|did (you|u) (get|receive|see|process)|have (you|u) (got|received|processed)|(status|state) of (my|our)|check (my|our)|why (is|was|are|were|did) (my|our))\b/i;
/** Verbs of a how-to question: "what is my password policy, how do I change it" is for the docs. */
const HOW_TO = /\b(how|where (can|do) (i|we)|configure|set ?up|change|enable|disable|reset|create|add)\b/i;

/** True when the question asks about the customer's own account data rather than the product. */
export function asksAboutOwnAccount(question: string): boolean {
  return OWN_STATE.test(question) && !HOW_TO.test(question);
}
