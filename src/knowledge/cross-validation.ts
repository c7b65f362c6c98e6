import { EVIDENCE_SIGNS, evidenceVector, type AnswerEvidence } from './answer-evidence';
import { ANSWER_THRESHOLD, answerConfidence } from './answer-confidence';
import type { EvalQuestion } from './evaluation';
import { fitLogistic, type LabelledExample, type LogisticModel } from './logistic-model';

/** One question as the eval saw it: its label and the evidence the decision weighs. */
export interface AssessedQuestion {
  question: EvalQuestion;
  evidence: AnswerEvidence;
}

/** Decline figures measured on questions the model was not fitted on. */
export interface CrossValidatedFigures {
  folds: number;
  answered_in_scope: number;
  declined_out_of_scope: number;
}

/** Fitting settings, fixed in advance: the weights keep the signs the evidence is known to have. */
const FIT = { signs: EVIDENCE_SIGNS };

/** Labelled examples: does the question belong to the docs. */
export function examplesOf(assessed: readonly AssessedQuestion[]): LabelledExample[] {
  return assessed.map(({ question, evidence }) => ({
    features: evidenceVector(evidence),
    label: question.kind === 'in-scope' ? 1 : 0,
  }));
}

/** Fits the confidence model on every assessed question (what ships in `answer-confidence.ts`). */
export function fitConfidenceModel(assessed: readonly AssessedQuestion[]): LogisticModel {
  return fitLogistic(examplesOf(assessed), FIT);
}

/**
 * Fold of each question: questions are spread over the folds class by class, in file order, so
 * that every fold holds its share of out-of-scope questions (stratified k-fold).
 */
export function stratifiedFolds(questions: readonly EvalQuestion[], folds: number): number[] {
  const next = { 'in-scope': 0, 'out-of-scope': 0 };
  return questions.map((question) => next[question.kind]++ % folds);
}

/**
 * k-fold cross-validation of the answer/decline decision: for each fold, the model is fitted on
 * the other folds and decides the held-out questions. Every question is decided exactly once by a
 * model that never saw it.
 */
export function crossValidate(assessed: readonly AssessedQuestion[], folds = 5): CrossValidatedFigures {
  const foldOf = stratifiedFolds(
    assessed.map((a) => a.question),
    folds,
  );
  const examples = examplesOf(assessed);
  const evidence = assessed.map((a) => a.evidence);
  let answered = 0;
  let declined = 0;
  for (let fold = 0; fold < folds; fold++) {
    const model = fitLogistic(
      examples.filter((_, i) => foldOf[i] !== fold),
      FIT,
    );
    examples.forEach((example, i) => {
      if (foldOf[i] !== fold) return;
      const answers = answerConfidence(evidence[i] as AnswerEvidence, model) >= ANSWER_THRESHOLD;
      if (example.label === 1 && answers) answered += 1;
      if (example.label === 0 && !answers) declined += 1;
    });
  }
  const inScope = examples.filter((e) => e.label === 1).length;
  const outOfScope = examples.length - inScope;
  return {
    folds,
    answered_in_scope: round(answered / Math.max(1, inScope)),
    declined_out_of_scope: round(declined / Math.max(1, outOfScope)),
  };
}

const round = (value: number): number => Number(value.toFixed(3));
