import path from 'node:path';
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import { hasProfanity, profanityShortcutInUse } from '../../src/understanding/abuse-lexicon';
import { readTrainingCorpus } from '../../src/understanding/training-corpus';

describe('the profanity check', () => {
  it("answers as obscenity's own matcher does, masked and whitelisted words included", () => {
    const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
    const corpus = readTrainingCorpus(path.join(__dirname, '..', '..', 'nlu'));
    const texts = [
      ...corpus.intents.map((e) => e.text),
      'f*ck this',
      'this is sh1t',
      'FUUUCK',
      'what a b1tch of a day',
      'the assassin creed server',
      'I live in Scunthorpe',
      'a classic bass line',
      'can you help me export my CDRs',
    ];
    // A new obscenity release may change the parts the shortcut reads: then this says so.
    expect(profanityShortcutInUse()).toBe(true);
    const differing = texts.filter((text) => hasProfanity(text) !== matcher.hasMatch(text));
    expect(differing).toEqual([]);
    // Both kinds are in the set, so agreement means something.
    expect(texts.filter((text) => matcher.hasMatch(text)).length).toBeGreaterThan(10);
    expect(texts.filter((text) => !matcher.hasMatch(text)).length).toBeGreaterThan(1000);
  });
});
