import path from 'node:path';
import { crossValidate } from '../../src/understanding/cross-validate';
import { crossValidatePersonTalk } from '../../src/understanding/cross-validate-person-talk';
import { PERSON_TALK_WEIGHT } from '../../src/understanding/person-words';
import { IntentClassifier, type LabelledExample } from '../../src/understanding/intent-classifier';
import { readTrainingCorpus } from '../../src/understanding/training-corpus';
import { productUnderstanding } from '../support/understanding';

const corpus = readTrainingCorpus(path.resolve(__dirname, '../../nlu'));

/**
 * The general model of each cross-validation fold, by the texts it trains on: both cross-validations
 * below deal the same folds (same seed) and train the same deterministic model on each, so the
 * second reuses the first's instead of training all five again.
 */
const foldModels = new Map<string, IntentClassifier<string>>();
function trainFold<L extends string>(train: readonly LabelledExample<L>[]): IntentClassifier<L> {
  const key = train.map((e) => `${e.label}\t${e.text}`).join('\n');
  const known = foldModels.get(key) as IntentClassifier<L> | undefined;
  if (known) return known;
  const model = IntentClassifier.train(train);
  foldModels.set(key, model);
  return model;
}

describe('the understanding step learned from nlu/', () => {
  it('generalises to examples it did not see (5-fold cross-validation floor)', () => {
    const cv = crossValidate(corpus.intents, (train) => {
      const model = trainFold(train);
      return (text) => model.classify(text)[0]?.label;
    });
    // The README prints the current figure (npm run nlu:eval); this guards against a regression.
    expect(cv.accuracy).toBeGreaterThan(0.62);
    expect(cv.recall['handoff.request']!.recall).toBeGreaterThan(0.75);
    expect(cv.recall['report.problem']!.recall).toBeGreaterThan(0.6);
  }, 120_000);

  it.each([
    ['could somebody from your staff pick this up', 'handoff.request'],
    ['our outbound calls to Italy all fail with a 480 since noon', 'report.problem'],
    ['how much is the out of hours escalation', 'policy.paid_escalation'],
    ['explain the difference between p3 and p4', 'policy.severity'],
    ['how do I add a new carrier with two IPs', 'docs.question'],
    ['whats the capital of australia', 'off_topic'],
    ['you are all incompetent morons', 'abuse'],
  ])('"%s" is %s', (text, intent) => {
    expect(productUnderstanding().understandNow(text).intent).toBe(intent);
  });

  it('an insult no example uses counts like the ones they do (a word class, not a word)', () => {
    const examples = corpus.intents.map((e) => e.text.toLowerCase()).join(' ');
    expect(examples).not.toMatch(/\bnitwit/);
    expect(productUnderstanding().understandNow('shut it, nitwit').intent).toBe('abuse');
  });

  it('a message asking two facts gets both', () => {
    const understood = productUnderstanding().understandNow('your email address + the telegram bot pls');
    expect([understood.intent, ...(understood.alsoAsked ?? [])].sort()).toEqual([
      'policy.email',
      'policy.telegram',
    ]);
  });

  it.each([
    ['how do I add a new agent to the agent dialer', false],
    ['can the dialer tell a live person from voicemail', false],
    ['can I route calls for someone who left the company to their replacement', false],
    ['we run a call centre with 30 operators, does the dialer support agent queues', false],
    ['i would rather talk with a person about this', true],
    ['can a technician call me back', true],
    ['let me chat with an actual agent', true],
  ])('a person in "%s" is a request for one of ours: %s', (text, request) => {
    const understood = productUnderstanding().understandNow(text);
    expect(understood.intent === 'handoff.request').toBe(request);
  });

  it('judging messages that mention a person with both models does no worse than the general model alone', () => {
    const cv = crossValidatePersonTalk(corpus.intents, 5, trainFold);
    const correct = (weight: number) => cv.byWeight.get(weight)!.correct;
    expect(correct(PERSON_TALK_WEIGHT)).toBeGreaterThanOrEqual(correct(0));
  }, 120_000);

  it('one sentence asking for a person decides a longer message', () => {
    const understood = productUnderstanding().understandNow(
      'That did not answer it at all. Put me through to a person please.',
    );
    expect(understood.intent).toBe('handoff.request');
  });

  it('suggests a severity from the words of a report, to be confirmed', () => {
    const understood = productUnderstanding().understandNow(
      'the entire platform is down, nothing works at all',
    );
    expect(understood.intent).toBe('report.problem');
    expect(['P0', 'P1']).toContain(understood.entities.severityCue?.severity);
  });

  it('rejects a corpus file naming an unknown intent, naming the file', () => {
    expect(() => readTrainingCorpus(path.resolve(__dirname, 'fixtures/bad-corpus'))).toThrow(
      /bad-corpus.*intent/,
    );
  });
});
