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
  weights: [3.053, 1.383, 0, 0.748, 1.953, -1.693, 1.437],
  bias: -5.868,
};

/**
 * The most confidence a question about the asker's own account state gets ("what is my balance",
 * "did you get my payment"): the docs cannot know it, however well its words match a page about
 * balances. A rule rather than only a weight, because a weight learnt from the few such questions
 * a question set holds can vanish when they fall in one cross-validation fold.
 */
const OWN_ACCOUNT_CEILING = 0.2;

/**
 * Confidence in [0, 1] that the docs answer the question, from the index's evidence alone. A
 * question with no word the docs could match gets no confidence at all.
 */
export function answerConfidence(evidence: AnswerEvidence, model: LogisticModel = CONFIDENCE_MODEL): number {
  if (evidence.known === 0 && evidence.coverage === 0) return 0;
  const confidence = predict(model, evidenceVector(evidence));
  return evidence.ownAccount === 1 ? Math.min(confidence, OWN_ACCOUNT_CEILING) : confidence;
}
