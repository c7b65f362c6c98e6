/**
 * `npm run nlu:eval`: how well the understanding step generalises, measured on data it did not
 * learn from. Prints k-fold cross-validation of the intent, severity and category models on the
 * project's corpus (`nlu/`), next to the alternatives the README compares (NLP.js's network over the
 * same features). With `--probes FILE --kb DIR` it also starts the product on a free port with
 * those docs and plays the conversation probes through the widget's own protocol, so the README's
 * two figures come from one run.
 *
 *   npm run nlu:eval -- [--folds 5] [--no-baseline] [--probes ../shared/eval/dev-conversations.jsonl --kb ../shared/kb/connexcs-docs]
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { NeuralNetwork } from '@nlpjs/neural';
import { loadConfig } from '../../src/config';
import { loadKnowledgeBase } from '../../src/knowledge';
import { createLogger } from '../../src/logger';
import { crossValidate, type CrossValidation } from '../../src/understanding/cross-validate';
import { crossValidateAlsoAsked } from '../../src/understanding/cross-validate-also-asked';
import { crossValidatePersonTalk } from '../../src/understanding/cross-validate-person-talk';
import { PERSON_TALK_WEIGHT } from '../../src/understanding/person-words';
import { IntentClassifier, type LabelledExample } from '../../src/understanding/intent-classifier';
import { textFeatures } from '../../src/understanding/text-features';
import { readTrainingCorpus } from '../../src/understanding/training-corpus';
import { ALSO_ASKED } from '../../src/understanding/understander';
import { createApp } from '../create-app';
import { projectRoot } from '../project-root';

const run = promisify(execFile);

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The product's classifier, as the cross-validation trains it on each fold. */
function softmax<L extends string>(train: readonly LabelledExample<L>[]) {
  const model = IntentClassifier.train(train);
  return (text: string) => model.classify(text)[0]?.label;
}

/** NLP.js's own network (one perceptron per label) over the same features: the library baseline. */
function nlpjsNetwork<L extends string>(train: readonly LabelledExample<L>[]) {
  const network = new NeuralNetwork({ log: false });
  network.train(train.map((e) => ({ input: textFeatures(e.text), output: { [e.label]: 1 } })));
  return (text: string) => {
    const scores = Object.entries(network.run(textFeatures(text)) ?? {}).sort((a, b) => b[1] - a[1]);
    return scores[0]?.[0] as L | undefined;
  };
}

function percent(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}

function printCv(title: string, cv: CrossValidation<string>, perLabel: boolean): void {
  console.log(`${title}: ${percent(cv.accuracy)} of ${cv.examples} held-out examples (${cv.folds}-fold)`);
  if (!perLabel) return;
  for (const [label, r] of Object.entries(cv.recall).sort((a, b) => a[1].recall - b[1].recall)) {
    console.log(`  ${label.padEnd(26)} ${percent(r.recall).padStart(6)}  (${r.correct}/${r.n})`);
  }
  const common = cv.confusions.slice(0, 8).map((c) => `${c.expected} -> ${c.got ?? 'none'} (${c.count})`);
  console.log(`  most frequent mistakes: ${common.join('; ')}`);
}

async function probes(file: string, kbDir: string): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-nlu-eval-'));
  const config = loadConfig({
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    KB_DIR: kbDir,
    LOG_LEVEL: 'warn',
  });
  const log = createLogger('warn');
  const knowledge = await loadKnowledgeBase({
    dir: kbDir,
    baseUrl: config.KB_BASE_URL,
    cacheDir: path.join(dataDir, 'kb-index'),
    pageQuestions: config.KB_QUESTIONS,
  });
  const app = await createApp(config, log, { knowledge });
  const url = await app.listen();
  try {
    const tool = path.resolve(projectRoot(), '..', 'shared', 'tools', 'probe-conversations.mjs');
    const { stdout } = await run(process.execPath, [tool, '--url', url, '--probes', file, '--json'], {
      cwd: projectRoot(),
      maxBuffer: 16 * 1024 * 1024,
    });
    const result = JSON.parse(stdout) as {
      probes: number;
      passed: number;
      rate: number;
      byExpect: Record<string, number>;
    };
    console.log(
      `\nConversation probes (${path.basename(file)}, product docs ${kbDir}, ${new Date().toISOString().slice(11, 16)} UTC):`,
    );
    console.log(`  all ${result.passed}/${result.probes} (${percent(result.rate)})`);
    for (const [expect, rate] of Object.entries(result.byExpect))
      console.log(`  ${expect.padEnd(11)} ${percent(rate)}`);
  } finally {
    await app.close();
    knowledge.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const folds = Number(option('--folds') ?? 5);
  const corpus = readTrainingCorpus(path.join(projectRoot(), 'nlu'));
  const intents = new Set(corpus.intents.map((e) => e.label)).size;
  console.log(
    `Corpus: ${corpus.intents.length} intent examples over ${intents} intents, ${corpus.severity.length} severity and ${corpus.category.length} category examples.\n`,
  );
  let started = Date.now();
  printCv('Intents, logistic regression (the product)', crossValidate(corpus.intents, softmax, folds), true);
  console.log(`  (${((Date.now() - started) / folds / 1000).toFixed(2)} s to train on one fold)`);
  if (!process.argv.includes('--no-baseline')) {
    started = Date.now();
    printCv(
      'Intents, NLP.js network over the same features',
      crossValidate(corpus.intents, nlpjsNetwork, folds),
      false,
    );
    console.log(`  (${((Date.now() - started) / folds / 1000).toFixed(2)} s to train on one fold)`);
  }
  const personTalk = crossValidatePersonTalk(corpus.intents, folds);
  console.log(
    `Request for a person or not, on the ${personTalk.examples} examples that mention a person (${folds}-fold):`,
  );
  for (const [weight, tally] of personTalk.byWeight) {
    const name =
      weight === 0
        ? 'general model alone'
        : weight === 1
          ? 'person-talk model alone'
          : `person-talk weight ${weight}${weight === PERSON_TALK_WEIGHT ? ' (the product)' : ''}`;
    console.log(
      `  ${name.padEnd(36)} ${percent(tally.correct / personTalk.examples).padStart(6)}  (${tally.falseHandoffs} false handoffs, ${tally.missed} missed)`,
    );
  }
  const alsoAsked = crossValidateAlsoAsked(corpus.intents, folds);
  console.log(
    `Two policy questions in one message (${alsoAsked.pairs} held-out pairs joined, and ${alsoAsked.singles} single questions; exactly the facts asked, ${folds}-fold):`,
  );
  const bestAlsoAsked = Math.max(...alsoAsked.tallies.map((t) => t.pairsExact + t.singlesExact));
  for (const t of alsoAsked.tallies) {
    const product =
      t.settings.partConfidence === ALSO_ASKED.partConfidence && t.settings.share === ALSO_ASKED.share;
    const best = t.pairsExact + t.singlesExact === bestAlsoAsked;
    console.log(
      `  part ${t.settings.partConfidence.toFixed(2)} share ${t.settings.share.toFixed(2)}  pairs ${percent(t.pairsExact / alsoAsked.pairs).padStart(6)}  singles ${percent(t.singlesExact / alsoAsked.singles).padStart(6)}${best ? '  best' : ''}${product ? '  (the product)' : ''}`,
    );
  }
  printCv('Severity cues (P0-P5)', crossValidate(corpus.severity, softmax, folds), false);
  printCv('Category cues', crossValidate(corpus.category, softmax, folds), false);
  const model = IntentClassifier.train(corpus.intents);
  const texts = corpus.intents.map((e) => e.text);
  started = performance.now();
  for (let i = 0; i < 5; i += 1) for (const text of texts) model.classify(text);
  console.log(
    `Classifying one message: ${(((performance.now() - started) / (5 * texts.length)) * 1000).toFixed(0)} µs on average`,
  );
  const file = option('--probes');
  const kb = option('--kb');
  if (file && kb) await probes(file, kb);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
