import { evidenceVector, type AnswerEvidence } from './answer-evidence';
import { predict, type LogisticModel } from './logistic-model';

/** At or above this confidence the bot answers; below it, it says the docs do not cover the question. */
export const ANSWER_THRESHOLD = 0.5;

/**
 * The evidence weights, fitted by `npm run eval -- --fit` (class-balanced logistic regression,
 * labels: does the question belong to the docs). How well they hold on questions they were not
 * fitted on is what `npm run eval` prints as the cross-validated figures.
 */
export const CONFIDENCE_MODEL: LogisticModel = {
  weights: [2.588, 1.339, 0, 0, 1.736, -1.844, 1.61],
  bias: -5.045,
};

/**
 * Confidence in [0, 1] that the docs answer the question, from the index's evidence alone. A
 * question with no word the docs could match gets no confidence at all.
 */
export function answerConfidence(evidence: AnswerEvidence, model: LogisticModel = CONFIDENCE_MODEL): number {
  if (evidence.known === 0 && evidence.coverage === 0) return 0;
  return predict(model, evidenceVector(evidence));
}
