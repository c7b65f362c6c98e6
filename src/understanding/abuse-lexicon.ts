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
  return profanity.hasMatch(text);
}

/** Whether one normalised, lower-case word is a common English insult. */
export function isInsult(word: string): boolean {
  return insults.has(word);
}
