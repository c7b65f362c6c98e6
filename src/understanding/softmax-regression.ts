/** Sparse features of one example: feature index -> value. */
export type SparseVector = Map<number, number>;

/** Settings of the multinomial logistic regression; chosen by cross-validation (`npm run nlu:eval`). */
export interface SoftmaxSettings {
  epochs: number;
  learningRate: number;
  /** L2 penalty per step: keeps any one word from deciding alone. */
  l2: number;
}

/**
 * Multinomial logistic regression trained by stochastic gradient descent with L2 regularisation,
 * over sparse features. Its outputs are probabilities (softmax), which is what the engine needs to
 * compare against thresholds; NLP.js's per-label perceptrons give scores whose shares are far too
 * sure of themselves (0.96 for a wrong label), and measured lower on cross-validation.
 */
export class SoftmaxRegression {
  private constructor(
    private readonly weights: Float64Array[],
    private readonly bias: Float64Array,
  ) {}

  /**
   * Trains on examples whose labels are 0..labels-1, in a fixed order per epoch (a seeded shuffle).
   * Training keeps the weights feature by feature (one contiguous row of labels per feature) and each
   * example's features as parallel typed arrays in the vector's own order: walking a `Map` for every
   * label of every step, and reading one scattered weight per label, were most of the training time.
   * Every weight and score is the same terms in the same order as over label rows and the `Map`, so
   * the trained model is bit for bit the same.
   */
  static train(
    examples: readonly { x: SparseVector; y: number }[],
    features: number,
    labels: number,
    settings: SoftmaxSettings,
  ): SoftmaxRegression {
    const byFeature = new Float64Array(features * labels);
    const bias = new Float64Array(labels);
    const packed = examples.map(({ x, y }) => ({
      indices: Int32Array.from(x.keys()),
      values: Float64Array.from(x.values()),
      y,
    }));
    const p = new Float64Array(labels);
    const steps = new Float64Array(labels);
    const order = examples.map((_, i) => i);
    let seed = 7;
    for (let epoch = 0; epoch < settings.epochs; epoch += 1) {
      for (let i = order.length - 1; i > 0; i -= 1) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        const j = seed % (i + 1);
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      const rate = settings.learningRate / (1 + epoch * 0.1);
      const decay = 1 - rate * settings.l2;
      for (const index of order) {
        const { indices, values, y } = packed[index]!;
        softmaxInto(byFeature, bias, indices, values, p);
        for (let k = 0; k < labels; k += 1) {
          steps[k] = rate * (p[k]! - (k === y ? 1 : 0));
          bias[k] = bias[k]! - steps[k]!;
        }
        for (let j = 0; j < indices.length; j += 1) {
          const row = indices[j]! * labels;
          const v = values[j]!;
          for (let k = 0; k < labels; k += 1) {
            byFeature[row + k] = byFeature[row + k]! * decay - steps[k]! * v;
          }
        }
      }
    }
    const weights = Array.from({ length: labels }, (_, k) => {
      const w = new Float64Array(features);
      for (let f = 0; f < features; f += 1) w[f] = byFeature[f * labels + k]!;
      return w;
    });
    const model = new SoftmaxRegression(weights, bias);
    model.byFeature = byFeature;
    return model;
  }

  /** The probability of each label for one example. */
  probabilities(x: SparseVector): Float64Array {
    const scores = new Float64Array(this.bias.length);
    let max = -Infinity;
    for (let k = 0; k < scores.length; k += 1) {
      let s = this.bias[k]!;
      const w = this.weights[k]!;
      for (const [f, v] of x) s += w[f]! * v;
      scores[k] = s;
      if (s > max) max = s;
    }
    let total = 0;
    for (let k = 0; k < scores.length; k += 1) {
      scores[k] = Math.exp(scores[k]! - max);
      total += scores[k]!;
    }
    for (let k = 0; k < scores.length; k += 1) scores[k] = scores[k]! / total;
    return scores;
  }

  /**
   * The same probabilities as `probabilities`, for a vector given as parallel arrays (feature
   * indices and values), read from the weights laid out feature by feature: one contiguous row per
   * feature instead of one lookup per label, and no `Map` to walk. Each label's score adds the same
   * terms in the same order, so the result is bit for bit the same.
   */
  probabilitiesOf(indices: ArrayLike<number>, values: ArrayLike<number>): Float64Array {
    const scores = new Float64Array(this.bias.length);
    softmaxInto(this.weightsByFeature(), this.bias, indices, values, scores);
    return scores;
  }

  private byFeature: Float64Array | undefined;

  /** The weights transposed (feature-major), made on first use: a trained model no longer changes. */
  private weightsByFeature(): Float64Array {
    if (this.byFeature) return this.byFeature;
    const labels = this.bias.length;
    const features = this.weights[0]?.length ?? 0;
    const byFeature = new Float64Array(features * labels);
    for (let k = 0; k < labels; k += 1) {
      const w = this.weights[k]!;
      for (let f = 0; f < features; f += 1) byFeature[f * labels + k] = w[f]!;
    }
    this.byFeature = byFeature;
    return byFeature;
  }

  /** The model as plain arrays (for the cache). */
  toJSON(): { weights: number[][]; bias: number[] } {
    return {
      weights: this.weights.map((w) => Array.from(w, (v) => Math.round(v * 1e5) / 1e5)),
      bias: Array.from(this.bias),
    };
  }

  /** A model from `toJSON()`'s output. */
  static fromJSON(json: { weights: number[][]; bias: number[] }): SoftmaxRegression {
    return new SoftmaxRegression(
      json.weights.map((w) => Float64Array.from(w)),
      Float64Array.from(json.bias),
    );
  }
}

/**
 * The softmax of the scores bias + weights · x, with the weights laid out feature by feature, written
 * into `scores` (each label's sum adds the features in the example's order): training's step, and
 * `probabilitiesOf`.
 */
function softmaxInto(
  byFeature: Float64Array,
  bias: Float64Array,
  indices: ArrayLike<number>,
  values: ArrayLike<number>,
  scores: Float64Array,
): void {
  const labels = bias.length;
  scores.set(bias);
  for (let j = 0; j < indices.length; j += 1) {
    const row = indices[j]! * labels;
    const v = values[j]!;
    for (let k = 0; k < labels; k += 1) scores[k] = scores[k]! + byFeature[row + k]! * v;
  }
  let max = -Infinity;
  for (let k = 0; k < labels; k += 1) if (scores[k]! > max) max = scores[k]!;
  let total = 0;
  for (let k = 0; k < labels; k += 1) {
    scores[k] = Math.exp(scores[k]! - max);
    total += scores[k]!;
  }
  for (let k = 0; k < labels; k += 1) scores[k] = scores[k]! / total;
}
