import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { INSULT_WORDS } from './abuse-lexicon';
import { IntentClassifier, DEFAULT_CLASSIFIER_SETTINGS } from './intent-classifier';
import { PERSON_WORDS, personTalkExamples } from './person-words';
import { textFeatures } from './text-features';
import { readTrainingCorpus } from './training-corpus';
import { Understander } from './understander';

/** Bump when the model changes, so an old cache is not read. */
const MODEL_VERSION = 3;
/**
 * Texts whose features go into the cache key: any change to how features are made changes them, so a
 * cache trained with the old features is never read (a forgotten version bump cannot serve one).
 */
const FEATURE_PROBES = [
  "Hi! Can't you connect me to someone?? It's urgent",
  'you nitwit, f*ck this sh1t',
  'P1: call-id 4f9c2e17@10.0.0.1 failed at 14:05, +44 20 7946 0321',
  'Café naïve ÉTÉ 24/7 & co.',
  'got 488 Not Acceptable Here, then 503',
];

/** Models trained in this process, by corpus hash (several apps in one process share them). */
const trained = new Map<string, Understander>();

/**
 * Trains the understanding step from the corpus in `corpusDir`, or reads the models trained from the
 * same corpus before (kept in `cacheDir` under the corpus's hash, like the docs index): training
 * takes a few seconds, reading the cache a few milliseconds.
 */
export function loadUnderstander(options: { corpusDir: string; cacheDir?: string }): Understander {
  const corpus = readTrainingCorpus(options.corpusDir);
  const hash = createHash('sha256')
    .update(
      JSON.stringify({
        corpus,
        settings: DEFAULT_CLASSIFIER_SETTINGS,
        version: MODEL_VERSION,
        features: FEATURE_PROBES.map(textFeatures),
        insults: INSULT_WORDS,
        people: PERSON_WORDS,
      }),
    )
    .digest('hex')
    .slice(0, 16);
  const known = trained.get(hash);
  if (known) return known;
  const file = options.cacheDir ? path.join(options.cacheDir, `nlu-model-${hash}.json`) : undefined;
  if (file) {
    try {
      const json = JSON.parse(readFileSync(file, 'utf8')) as Record<
        'intents' | 'severity' | 'category' | 'personTalk',
        never
      >;
      const understander = new Understander({
        intents: IntentClassifier.fromJSON(json.intents),
        severity: IntentClassifier.fromJSON(json.severity),
        category: IntentClassifier.fromJSON(json.category),
        personTalk: IntentClassifier.fromJSON(json.personTalk),
      });
      trained.set(hash, understander);
      return understander;
    } catch {
      // No cache yet (or an unreadable one): train below and write it.
    }
  }
  const models = {
    intents: IntentClassifier.train(corpus.intents),
    severity: IntentClassifier.train(corpus.severity),
    category: IntentClassifier.train(corpus.category),
    personTalk: IntentClassifier.train(personTalkExamples(corpus.intents)),
  };
  if (file && options.cacheDir) {
    try {
      mkdirSync(options.cacheDir, { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(
        temporary,
        JSON.stringify({
          intents: models.intents.toJSON(),
          severity: models.severity.toJSON(),
          category: models.category.toJSON(),
          personTalk: models.personTalk.toJSON(),
        }),
      );
      renameSync(temporary, file);
    } catch {
      // A read-only install (a container image) trains at every start instead; nothing is lost.
    }
  }
  const understander = new Understander(models);
  trained.set(hash, understander);
  return understander;
}
