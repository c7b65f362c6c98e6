import { stemmer as stem } from 'stemmer';

/**
 * Words that carry no topic, including the fillers customers type in chat ("hey", "lol", "pls"),
 * and the closings and urgency they wrap a question in ("cheers", "asap", "any idea?").
 * Removed from both the index and the queries.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all almost also am an and any anybody anyone anything are aren as at
  be because been before being below between both but by can cannot could couldn did didn do does doesn doing
  don done down during each either else etc even ever every few for from further get gets getting got had hasn
  has have haven having he her here hers herself him himself his how however i if in into is isn it its itself
  just let lets like me might mine more most much must my myself need needs no nor not now of off often on once
  only or other our ours ourselves out over own per please pls plz quite rather really right same shall she
  should shouldn so some somebody someone something still such than that the their theirs them themselves then
  there these they this those through thru to too under until up upon us very via was wasn we were weren what
  whats when where which while who whom whose why will with within without won would wouldn yet you your yours
  yourself yourselves hey hi hello hiya yo lol lmao haha thanks thank thx ty ok okay guys hmm um uh pls plz
  want wants wanted trying try tried im ive id youre theyre its dont doesnt cant wont isnt arent didnt
  anyway any way there's well kinda sorta maybe possible possibly thing things stuff tell know let's u ur r ya
  yeah yes yep sure able
  cheers regards asap urgent urgently today since sorry bother kindly appreciate appreciated dear idea`.split(
    /\s+/,
  ),
);

/**
 * Domain words that collide with a stop word or with another word's stem, and the token that
 * stands for them: "DID" (a phone number) is not the verb "did", and an audio "recording" is not
 * the "record" of a Call Detail Record.
 */
const DOMAIN_TOKENS: readonly (readonly [RegExp, string])[] = [
  [/\bDIDs?\b/g, ' didnumber '],
  [/\bdids\b/gi, ' didnumber '], // the verb has no plural
  [
    /\b(a|an|the|my|our|your|their|each|per|new|bulk|inbound|of|on|to|for|those|these|some|many|few)\s+dids?\b/gi,
    ' $1 didnumber ',
  ],
  [/\brecordings?\b/gi, ' callrecording '],
  [/\brecord(s|ed)?\s+((all|the|every|my|our|their|its|his|her)\s+)?calls?\b/gi, ' callrecording $2 calls '],
];

/** Splits text into lowercase word tokens; apostrophes vanish so "can't" is one token. */
export function tokenize(text: string): string[] {
  let marked = text;
  for (const [pattern, token] of DOMAIN_TOKENS) marked = marked.replace(pattern, token);
  return marked
    .toLowerCase()
    .replace(/['’`]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((token) => token !== '');
}

/** The index form of a token: stemmed, or null when it is a stop word or noise. */
export function indexTerm(token: string): string | null {
  if (STOP_WORDS.has(token)) return null;
  if (token.length === 1 && !/[0-9]/.test(token)) return null;
  return stem(token);
}

/** Tokens of `text` in index form, stop words removed. */
export function indexTerms(text: string): string[] {
  const out: string[] = [];
  for (const token of tokenize(text)) {
    const term = indexTerm(token);
    if (term !== null) out.push(term);
  }
  return out;
}
