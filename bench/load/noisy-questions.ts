import type { EvalQuestion } from '../../src/knowledge/evaluation';
import { vary } from './message-mix';

/** mulberry32, as the load uses: the same seed gives the same noisy set. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
  const random = prng(seed);
  return questions.flatMap((question) =>
    Array.from({ length: variants }, (_, i) => ({
      ...question,
      id: `${question.id}v${i}`,
      question: vary(question.question, random),
    })),
  );
}
