// NLP.js ships no type declarations; these cover the two pieces the understanding step uses.

declare module '@nlpjs/neural' {
  /** Sparse features in, one score per output label out (NLP.js's single-layer network). */
  export interface NeuralNetworkSettings {
    iterations?: number;
    errorThresh?: number;
    deltaErrorThresh?: number;
    learningRate?: number;
    momentum?: number;
    alpha?: number;
    log?: boolean;
  }
  export interface TrainingPair {
    input: Record<string, number>;
    output: Record<string, number>;
  }
  export class NeuralNetwork {
    constructor(settings?: NeuralNetworkSettings);
    train(corpus: TrainingPair[]): { error: number; iterations: number };
    run(input: Record<string, number>): Record<string, number> | undefined;
    toJSON(): unknown;
    fromJSON(json: unknown): void;
  }
}

declare module '@nlpjs/lang-en-min' {
  /** NLP.js's English Porter-style stemmer. */
  export class StemmerEn {
    stemWord(word: string): string;
  }
}
