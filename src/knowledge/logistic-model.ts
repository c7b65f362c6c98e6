/**
 * A small L2-regularised logistic regression, fitted by gradient descent. Enough for a handful of
 * evidence features and a hundred labelled questions; no library needed for 30 lines of algebra.
 */

/** Weights of a fitted model: one per feature, then the bias. */
export interface LogisticModel {
  weights: readonly number[];
  bias: number;
}

/** One labelled example: features and whether the outcome happened (1) or not (0). */
export interface LabelledExample {
  features: readonly number[];
  label: 0 | 1;
}

/** Fitting settings, fixed in advance (not tuned on the data). */
export interface FitOptions {
  /** Strength of the L2 penalty on the weights (not the bias). */
  l2?: number;
  iterations?: number;
  learningRate?: number;
  /**
   * The sign each weight must keep (1: at least 0, -1: at most 0, 0: free): what is known in
   * advance about a feature's direction, so that a few examples cannot turn it around.
   */
  signs?: readonly number[];
}

/** The model's probability for one feature vector. */
export function predict(model: LogisticModel, features: readonly number[]): number {
  let z = model.bias;
  features.forEach((x, i) => (z += (model.weights[i] ?? 0) * x));
  return 1 / (1 + Math.exp(-z));
}

/**
 * Fits the model with each class weighted by the inverse of its size, so that a class with few
 * examples (questions the docs do not answer) counts as much as the other.
 */
export function fitLogistic(
  examples: readonly LabelledExample[],
  { l2 = 0.01, iterations = 3000, learningRate = 0.5, signs = [] }: FitOptions = {},
): LogisticModel {
  const width = examples[0]?.features.length ?? 0;
  const weights = new Array<number>(width).fill(0);
  let bias = 0;
  const positives = examples.filter((e) => e.label === 1).length;
  const classWeight = [
    examples.length / (2 * Math.max(1, examples.length - positives)),
    examples.length / (2 * Math.max(1, positives)),
  ];
  for (let step = 0; step < iterations; step++) {
    const gradient = new Array<number>(width).fill(0);
    let biasGradient = 0;
    for (const { features, label } of examples) {
      const error = (predict({ weights, bias }, features) - label) * (classWeight[label] ?? 1);
      features.forEach((x, i) => (gradient[i] = (gradient[i] ?? 0) + error * x));
      biasGradient += error;
    }
    const n = Math.max(1, examples.length);
    for (let i = 0; i < width; i++) {
      const next = (weights[i] ?? 0) - learningRate * ((gradient[i] ?? 0) / n + l2 * (weights[i] ?? 0));
      const sign = signs[i] ?? 0;
      weights[i] = sign > 0 ? Math.max(0, next) : sign < 0 ? Math.min(0, next) : next;
    }
    bias -= (learningRate * biasGradient) / n;
  }
  return { weights, bias };
}
