/**
 * The words that mean "let me talk to a person". The policy tells customers to type "Human"; people
 * also write "agent", "/human", "talk to a human", "real person", so all of those count, in any case.
 * Only short messages count, so "the human resources page is broken" is not a handoff request.
 */
const HUMAN_PATTERNS: RegExp[] = [
  /^\/?(human|agent|operator|person|representative|support agent|live agent|live chat|staff)$/,
  /^(i want|i need|i'?d like|can i|could i|let me|please|pls|plz)?\s*(to )?(talk|speak|chat|connect)( to| with)? (a |an |the |some )?(human|agent|person|real person|someone|somebody|operator|representative|live agent|support)( please| pls| plz| now)?$/,
  /^(get|give) me (a |an )?(human|agent|person|real person)( please| pls| now)?$/,
  /^(human|agent|real person) (please|pls|plz|now)$/,
  /^(please|pls|plz) (human|agent)$/,
];

/** Normalises a message for intent matching: lower case, no punctuation at the ends, single spaces. */
export function normalizeText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[!?.,;:'"()\s]+$/g, '')
    .replace(/^[\s"'(]+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether the customer asks for a human. */
export function isHumanRequest(text: string): boolean {
  const normalized = normalizeText(text);
  if (normalized.length > 60) return false;
  return HUMAN_PATTERNS.some((pattern) => pattern.test(normalized));
}

/** Whether a waiting customer wants to go back to the bot instead. */
export function isCancelRequest(text: string): boolean {
  return /^\/?(cancel|nevermind|never mind|back to (the )?bot|no longer needed|stop waiting)$/.test(
    normalizeText(text),
  );
}
