import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';

/**
 * Profanity, found by `obscenity`'s English dataset, which also sees through masking and
 * look-alike characters ("f*ck", "sh1t", "b1tch"). Insults that are not profanity are a lexical
 * class no such dataset covers, so the few dozen common English ones are listed below. Neither
 * decides anything: each becomes one feature of the learned classifier, so every word of the class
 * shares what the training examples taught about the others ("jerk" counts like "moron" even though
 * no example says "jerk"), and the context decides the rest.
 */
const profanity = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });

/**
 * What `hasMatch` does inside (obscenity 0.4): it runs each of its ~120 term patterns over the text
 * as its transformers leave it (confusables and leetspeak resolved, lower case, letters only), then
 * drops matches inside whitelisted words. One alternation of the same patterns answers "does any
 * term match at all?" in one pass, about a sixth of the time, and almost every message ends there;
 * only a text that has a match goes on to the full check, whitelist included, so the answer is
 * the matcher's own. These are the matcher's private parts: when a release changes them, the
 * shortcut is left out and every text takes the full check.
 */
interface MatcherInternals {
  blacklistedTerms: { regExp: RegExp }[];
  blacklistMatcherTransformers: unknown;
  applyTransformers(input: string, transformers: unknown): [number[], string];
}
const internals = profanity as unknown as Partial<MatcherInternals>;
const anyTerm =
  Array.isArray(internals.blacklistedTerms) &&
  internals.blacklistedTerms.every((term) => term.regExp instanceof RegExp) &&
  typeof internals.applyTransformers === 'function'
    ? new RegExp(internals.blacklistedTerms.map((term) => `(?:${term.regExp.source})`).join('|'), 's')
    : undefined;

/** Whether the one-pass shortcut is in use with this obscenity release (for its test). */
export function profanityShortcutInUse(): boolean {
  return anyTerm !== undefined;
}

function mayHaveProfanity(text: string): boolean {
  if (!anyTerm) return true;
  const matcher = internals as MatcherInternals;
  const [, transformed] = matcher.applyTransformers(text, matcher.blacklistMatcherTransformers);
  return anyTerm.test(transformed);
}

/**
 * General English insults aimed at people (not words that also describe things, such as "useless"
 * or "rubbish": those are as often anger at the service), with their plurals and shortenings.
 */
export const INSULT_WORDS: readonly string[] = [
  'idiot',
  'idiots',
  'moron',
  'morons',
  'imbecile',
  'cretin',
  'dumbass',
  'dumbo',
  'retard',
  'retarded',
  'loser',
  'losers',
  'jerk',
  'jerks',
  'clown',
  'clowns',
  'fool',
  'fools',
  'incompetent',
  'clueless',
  'brainless',
  'braindead',
  'halfwit',
  'dimwit',
  'nitwit',
  'numpty',
  'muppet',
  'pillock',
  'prat',
  'twit',
  'scum',
  'scumbag',
  'scumbags',
  'liar',
  'liars',
  'thief',
  'thieves',
  'crooks',
  'fraudsters',
  'scammers',
  'stfu',
  'gtfo',
  'fu',
];
const insults = new Set(INSULT_WORDS);

/** Whether a message uses profanity, masked or not. */
export function hasProfanity(text: string): boolean {
  return mayHaveProfanity(text) && profanity.hasMatch(text);
}

/** Whether one normalised, lower-case word is a common English insult. */
export function isInsult(word: string): boolean {
  return insults.has(word);
}
