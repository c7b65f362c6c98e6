import { NeuralNetwork } from '@nlpjs/neural';
import { textFeatures } from './text-features';

/** One labelled example a classifier learns from. */
export interface LabelledExample<L extends string = string> {
  text: string;
  label: L;
}

/** A label with its share of the classifier's evidence (0-1, summing to 1 over all labels). */
export interface Scored<L extends string = string> {
  label: L;
  confidence: number;
}

/** Settings that trade training time for fit; chosen by cross-validation (`npm run nlu:eval`). */
export interface ClassifierSettings {
  iterations: number;
  /** Sharpens the score distribution before it is read as confidence (1 = the raw share). */
  sharpness: number;
}

/** The settings the product uses (the cross-validation in the README picked them). */
export const DEFAULT_CLASSIFIER_SETTINGS: ClassifierSettings = { iterations: 300, sharpness: 2 };

/**
 * A text classifier: NLP.js's neural network (one perceptron per label, trained with momentum) over
 * our features (stemmed words, word pairs, character trigrams). Classifying one message is a sparse
 * dot product per label: a few microseconds.
 */
export class IntentClassifier<L extends string = string> {
  private readonly network: NeuralNetwork;
  private readonly labels: L[];

  private constructor(network: NeuralNetwork, labels: L[], private readonly settings: ClassifierSettings) {
    this.network = network;
    this.labels = labels;
  }

  /** Learns from examples; throws when there are none. */
  static train<L extends string>(
    examples: readonly LabelledExample<L>[],
    settings: ClassifierSettings = DEFAULT_CLASSIFIER_SETTINGS,
  ): IntentClassifier<L> {
    if (examples.length === 0) throw new Error('A classifier needs at least one example');
    const network = new NeuralNetwork({ iterations: settings.iterations, log: false });
    network.train(
      examples.map((example) => ({ input: textFeatures(example.text), output: { [example.label]: 1 } })),
    );
    const labels = [...new Set(examples.map((e) => e.label))];
    return new IntentClassifier(network, labels, settings);
  }

  /** The trained model as plain JSON (cached between starts by `loadUnderstander`). */
  toJSON(): { network: unknown; labels: L[]; settings: ClassifierSettings } {
    return { network: this.network.toJSON(), labels: this.labels, settings: this.settings };
  }

  /** A classifier from `toJSON()`'s output. */
  static fromJSON<L extends string>(json: { network: unknown; labels: L[]; settings: ClassifierSettings }): IntentClassifier<L> {
    const network = new NeuralNetwork({ log: false });
    network.fromJSON(json.network);
    return new IntentClassifier(network, json.labels, json.settings);
  }

  /** Every label, best first, with confidences that sum to 1 (empty when no feature was ever seen). */
  classify(text: string): Scored<L>[] {
    const outputs = this.network.run(textFeatures(text)) ?? {};
    const scored = this.labels
      .map((label) => ({ label, score: Math.max(0, outputs[label] ?? 0) ** this.settings.sharpness }))
      .filter((s) => s.score > 0);
    const total = scored.reduce((sum, s) => sum + s.score, 0);
    if (total === 0) return [];
    return scored
      .map((s) => ({ label: s.label, confidence: s.score / total }))
      .sort((a, b) => b.confidence - a.confidence);
  }
}
