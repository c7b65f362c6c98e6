import type { EvalQuestion } from '../../src/knowledge/evaluation';
import { vary } from './message-mix';
import { mulberry32 } from '../../src/random/mulberry32';

/**
 * Noisy copies of labelled questions: each varied `variants` times by the load's message
 * generator (typing slips, extra words, reordered clauses, lower case), label and gold pages
 * kept. For the team's own held-out questions only, never the dev sets.
 */
export function noisyCopies(
  questions: readonly EvalQuestion[],
  variants = 3,
  seed = 20261130,
): EvalQuestion[] {
  const random = mulberry32(seed);
  return questions.flatMap((question) =>
    Array.from({ length: variants }, (_, i) => ({
      ...question,
      id: `${question.id}v${i}`,
      question: vary(question.question, random),
    })),
  );
}
