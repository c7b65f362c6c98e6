import { SoftmaxRegression, type SoftmaxSettings, type SparseVector } from './softmax-regression';
import { textFeatures } from './text-features';

/** One labelled example a classifier learns from. */
export interface LabelledExample<L extends string = string> {
  text: string;
  label: L;
}

/** A label with its probability (0-1, summing to 1 over all labels). */
export interface Scored<L extends string = string> {
  label: L;
  confidence: number;
}

/** The settings the product uses; `npm run nlu:eval` cross-validates them against the alternatives. */
export const DEFAULT_CLASSIFIER_SETTINGS: SoftmaxSettings = { epochs: 20, learningRate: 0.5, l2: 0.001 };

interface ClassifierJson<L extends string> {
  features: string[];
  labels: L[];
  model: ReturnType<SoftmaxRegression['toJSON']>;
}

/**
 * A text classifier: multinomial logistic regression over stemmed words (NLP.js's English stemmer),
 * pairs of neighbouring words and character trigrams (so typos still match). Classifying one
 * message is one sparse dot product per label: microseconds.
 */
export class IntentClassifier<L extends string = string> {
  private constructor(
    private readonly features: Map<string, number>,
    private readonly labels: L[],
    private readonly model: SoftmaxRegression,
  ) {}

  /** Learns from examples; throws when there are none. */
  static train<L extends string>(
    examples: readonly LabelledExample<L>[],
    settings: SoftmaxSettings = DEFAULT_CLASSIFIER_SETTINGS,
  ): IntentClassifier<L> {
    if (examples.length === 0) throw new Error('A classifier needs at least one example');
    const features = new Map<string, number>();
    const labels = [...new Set(examples.map((e) => e.label))];
    const vectors = examples.map((example) => ({
      x: trainingVector(example.text, features),
      y: labels.indexOf(example.label),
    }));
    const model = SoftmaxRegression.train(vectors, features.size, labels.length, settings);
    return new IntentClassifier(features, labels, model);
  }

  /** The trained model as plain JSON (cached between starts by `loadUnderstander`). */
  toJSON(): ClassifierJson<L> {
    return { features: [...this.features.keys()], labels: this.labels, model: this.model.toJSON() };
  }

  /** A classifier from `toJSON()`'s output. */
  static fromJSON<L extends string>(json: ClassifierJson<L>): IntentClassifier<L> {
    return new IntentClassifier(
      new Map(json.features.map((feature, i) => [feature, i])),
      json.labels,
      SoftmaxRegression.fromJSON(json.model),
    );
  }

  /** Every label, best first, with its probability. */
  classify(text: string): Scored<L>[] {
    return this.classifyFeatures(textFeatures(text));
  }

  /**
   * `classify` for features already made by `textFeatures`: the understanding step asks several
   * classifiers about the same text and makes its features once.
   */
  classifyFeatures(textFeatures: Readonly<Record<string, number>>): Scored<L>[] {
    const indices: number[] = [];
    const values: number[] = [];
    for (const name in textFeatures) {
      const index = this.features.get(name);
      if (index === undefined) continue;
      indices.push(index);
      values.push(textFeatures[name]!);
    }
    const probabilities = this.model.probabilitiesOf(indices, values);
    return this.labels
      .map((label, i) => ({ label, confidence: probabilities[i]! }))
      .sort((a, b) => b.confidence - a.confidence);
  }
}

/** The training vector of one example, adding the features not seen before to `features`. */
function trainingVector(text: string, features: Map<string, number>): SparseVector {
  const vector: SparseVector = new Map();
  for (const [name, value] of Object.entries(textFeatures(text))) {
    let index = features.get(name);
    if (index === undefined) {
      index = features.size;
      features.set(name, index);
    }
    vector.set(index, value);
  }
  return vector;
}
