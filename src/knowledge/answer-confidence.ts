import type { RankedPage } from './docs-index';

/** At or above this confidence the bot answers; below it, it says the docs do not cover the question. */
export const ANSWER_THRESHOLD = 0.5;

/**
 * Coverage at which the evidence is balanced. Questions the docs answer mostly have their rare
 * words (or synonyms of them) on the best page; off-topic ones match a few common words only.
 */
const COVERAGE_MIDPOINT = 0.4;
const COVERAGE_SLOPE = 7;
/** A page that scores far above the next one is more likely the right one. */
const MARGIN_SLOPE = 1.5;
/** Scores grow with query length; only their order of magnitude says something. */
const SCORE_SLOPE = 0.4;
const SCORE_MIDPOINT = 100;

/**
 * Flattens the logistic so that confidence matches how often the first page is right (on the dev
 * questions: about 0.72 -> 73% right, 0.85 -> 90% right). It moves no decision: 0.5 stays z = 0.
 */
const CALIBRATION_SCALE = 0.35;

/**
 * Confidence that the best page answers the question, in [0, 1]: a logistic of how much of the
 * question the page covers, how far it leads the next page and how strong the match is. The
 * constants were set on the development questions so that 0.5 separates the questions the docs
 * answer from those they do not; the eval CLI prints the calibration table to check it.
 */
export function answerConfidence(pages: readonly RankedPage[]): number {
  const [best, next] = pages;
  if (!best) return 0;
  const margin = next ? (best.score - next.score) / best.score : 1;
  const z =
    COVERAGE_SLOPE * (best.coverage - COVERAGE_MIDPOINT) +
    MARGIN_SLOPE * margin +
    SCORE_SLOPE * Math.log(Math.max(best.score, 1) / SCORE_MIDPOINT);
  return 1 / (1 + Math.exp(-CALIBRATION_SCALE * z));
}
