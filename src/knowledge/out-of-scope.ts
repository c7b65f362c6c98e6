/**
 * Kinds of messages the documentation can never answer, recognised by their shape rather than by
 * search scores: small talk, lookups of the customer's own account, how-tos for another vendor's
 * product, and requests for work unrelated to support. Each returns a short reason for the logs.
 */

/** Other vendors' products and networks: how to configure them is their documentation's job. */
const OTHER_VENDORS =
  /\b(3cx|asterisk|freepbx|freeswitch|kamailio|opensips|elastix|issabel|vicidial|twilio|vonage|plivo|telnyx|bandwidth\.com|ringcentral|zoom phone|microsoft teams|cisco|avaya|yealink|grandstream|polycom|zoiper|linphone|vodafone|at&t|verizon|t-mobile|comcast|skype|whatsapp)\b/i;
/** Asking how to do or what something costs, rather than reporting what happens. */
const HOW_TO = /\b(how (do|can|to|much|should)|configure|set ?up|install|port\b|charge|pricing)/i;
/** Mentions of our platform that make a vendor question an interop question we do document. */
const ABOUT_US =
  /\b(connexcs|your (switch|platform|system|server|trunk|portal)|with (you|u)|to (you|u)|through (you|u))\b/i;

/** Questions about the asker's own account state: only a person with access can answer. */
const OWN_ACCOUNT_LOOKUP =
  /\b(what('?s| is| are) my|did (you|u|ya) (get|receive|see)|have (you|u) (got|received)|where('?s| is) my|when will (i|my)|check my|status of my|is my \w+ (through|received|processed|approved))\b/i;
/** How-to words: "what's my password policy" style questions stay with the docs. */
const DOCS_QUESTION = /\b(how|where can|configure|set ?up|change|enable|disable|reset)\b/i;

/** Greetings that may open any message; what follows decides. */
const GREETING = /^(hey|hi|hello|hiya|yo|good (morning|evening|afternoon))\b[\s,!.]*/i;
/** Small talk and social messages with no support question in them. */
const SMALL_TALK =
  /^(thanks?|thank you|ok(ay)?|lol|how are (you|u)|how'?s (it going|your day|you|life)|what'?s up|who are (you|u)|are (you|u) (a )?(bot|human|real)|nice|cool|great)\b/i;
/** Work that is not support: writing code or prose, general knowledge, health and legal advice. */
const UNRELATED_REQUEST =
  /\b(write (me )?(a|an|some) (python|javascript|js|java|php|code|script|function|poem|essay|story|song)|tell me a joke|weather|recipe|horoscope|lawsuit|sue\b|lawyer|attorney|health risk|headaches?|doctor|medical)\b/i;

/** The reason a message is out of scope for the docs, or undefined when the docs may answer it. */
export function outOfScopeReason(question: string): string | undefined {
  const text = question.trim();
  const afterGreeting = text.replace(GREETING, '');
  if (afterGreeting === '' || SMALL_TALK.test(afterGreeting)) return 'small talk';
  if (UNRELATED_REQUEST.test(text)) return 'unrelated request';
  if (OWN_ACCOUNT_LOOKUP.test(text) && !DOCS_QUESTION.test(text)) return 'lookup of the customer account';
  if (OTHER_VENDORS.test(text) && HOW_TO.test(text) && !ABOUT_US.test(text))
    return "another vendor's product";
  return undefined;
}
