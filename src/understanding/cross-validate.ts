import type { LabelledExample } from './intent-classifier';
import { mulberry32 } from '../random/mulberry32';

/** A classifier under test: learns from examples, then names the best label of a text. */
export type TrainAndPredict<L extends string> = (
  train: readonly LabelledExample<L>[],
) => (text: string) => L | undefined;

/** What k-fold cross-validation measured. */
export interface CrossValidation<L extends string> {
  folds: number;
  examples: number;
  accuracy: number;
  /** Per label: how many of its held-out examples were recognised. */
  recall: Record<string, { n: number; correct: number; recall: number }>;
  /** The most frequent mistakes, "expected -> got", with counts. */
  confusions: { expected: L; got: L | undefined; count: number }[];
}

/**
 * Stratified k-fold cross-validation: every label's examples are dealt round-robin into `k` folds (in
 * a fixed shuffled order, so runs repeat), each fold is held out once while the rest train.
 */
export function crossValidate<L extends string>(
  examples: readonly LabelledExample<L>[],
  trainAndPredict: TrainAndPredict<L>,
  k = 5,
  seed = 1,
): CrossValidation<L> {
  const fold = new Map<LabelledExample<L>, number>();
  const byLabel = new Map<L, LabelledExample<L>[]>();
  for (const example of shuffled(examples, seed)) {
    const list = byLabel.get(example.label) ?? [];
    list.push(example);
    byLabel.set(example.label, list);
  }
  for (const list of byLabel.values()) list.forEach((example, i) => fold.set(example, i % k));
  const recall: CrossValidation<L>['recall'] = {};
  const confusions = new Map<string, { expected: L; got: L | undefined; count: number }>();
  let correct = 0;
  for (let f = 0; f < k; f += 1) {
    const predict = trainAndPredict(examples.filter((e) => fold.get(e) !== f));
    for (const example of examples.filter((e) => fold.get(e) === f)) {
      const got = predict(example.text);
      const entry = (recall[example.label] ??= { n: 0, correct: 0, recall: 0 });
      entry.n += 1;
      if (got === example.label) {
        entry.correct += 1;
        correct += 1;
      } else {
        const key = `${example.label}->${got}`;
        const confusion = confusions.get(key) ?? { expected: example.label, got, count: 0 };
        confusion.count += 1;
        confusions.set(key, confusion);
      }
    }
  }
  for (const entry of Object.values(recall)) entry.recall = entry.correct / entry.n;
  return {
    folds: k,
    examples: examples.length,
    accuracy: correct / Math.max(1, examples.length),
    recall,
    confusions: [...confusions.values()].sort((a, b) => b.count - a.count),
  };
}

/** A seeded Fisher-Yates shuffle (mulberry32), so a cross-validation run can be repeated exactly. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = mulberry32(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
