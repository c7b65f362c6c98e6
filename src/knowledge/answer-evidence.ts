import { asksAboutOwnAccount } from './account-data';
import type { DocsIndex, RankedPage, WidenMemo } from './docs-index';
import type { AnalyzedQuery } from './query-analyzer';

/**
 * What the index shows about whether the docs answer a question, each in about [0, 1]. The
 * decline decision and its confidence are a function of these alone (see `answer-confidence.ts`).
 */
export interface AnswerEvidence {
  /** Share of the question's content words (weighted by rarity) found on the best page. */
  coverage: number;
  /** Share of the question's content words the docs contain at all (near spellings count half). */
  known: number;
  /** How specific the rarest word the best page matched is: its IDF over the largest IDF. */
  specificity: number;
  /** How far the best page leads the second: (best - second) / best. */
  margin: number;
  /** Strength of the best match, log-scaled: log(1 + score) / 8. */
  strength: number;
  /** 1 when the question asks about the customer's own account state, else 0. */
  ownAccount: number;
  /**
   * How much the question's words are the docs' subject rather than words they use in passing:
   * the mean over its content words of log(1 + sections with the word) / log(1 + 1% of the
   * sections), capped at 1. A question off the subject is often made of words the docs know
   * from a page or two.
   */
  topical: number;
}

/** The names of the evidence, in the order the confidence model weighs them. */
export const EVIDENCE_NAMES = [
  'coverage',
  'known',
  'specificity',
  'margin',
  'strength',
  'ownAccount',
  'topical',
] as const satisfies readonly (keyof AnswerEvidence)[];

/**
 * Share of the sections a word must be in to count as fully topical (a round figure, not
 * fitted), and the fewest sections that is in a small docs folder.
 */
const TOPICAL_SHARE = 0.01;
const TOPICAL_MIN_SECTIONS = 1;

/** Gathers the evidence for one question from its analysis and its ranked pages. */
export function gatherEvidence(
  index: DocsIndex,
  question: string,
  query: AnalyzedQuery,
  pages: readonly RankedPage[],
  memo?: WidenMemo,
): AnswerEvidence {
  // Whether the docs answer is a matter of how well they match, not of which page the page-size
  // prior prefers: the evidence is read from the pages in order of their match.
  const [best, next] = [...pages].sort((a, b) => b.matchScore - a.matchScore);
  const own = query.ownTerms;
  const known =
    own.length === 0
      ? 0
      : own.reduce((sum, term) => sum + (index.knows(term) ? 1 : index.knowsNear(term, memo) ? 0.5 : 0), 0) /
        own.length;
  const maxIdf = index.idf('\u0000');
  const topicalSections = Math.max(TOPICAL_MIN_SECTIONS, TOPICAL_SHARE * index.sections.length);
  const specificity =
    best && maxIdf > 0 ? Math.max(0, ...best.covered.map((term) => index.idf(term))) / maxIdf : 0;
  return {
    coverage: best?.coverage ?? 0,
    known,
    specificity,
    margin:
      best && best.matchScore > 0 ? (next ? (best.matchScore - next.matchScore) / best.matchScore : 1) : 0,
    strength: best ? Math.log1p(best.matchScore) / 8 : 0,
    ownAccount: asksAboutOwnAccount(question) ? 1 : 0,
    topical:
      own.length === 0
        ? 0
        : own.reduce(
            (sum, term) =>
              sum + Math.min(1, Math.log1p(index.sectionsWith(term)) / Math.log1p(topicalSections)),
            0,
          ) / own.length,
  };
}

/**
 * The direction each piece of evidence pushes the confidence, known before any fitting: more
 * coverage, known words, specificity, lead and strength mean more confidence; a question about
 * the customer's own account means less; topical words mean more.
 */
export const EVIDENCE_SIGNS: readonly number[] = [1, 1, 1, 1, 1, -1, 1];

/** The evidence as a vector in `EVIDENCE_NAMES` order. */
export function evidenceVector(evidence: AnswerEvidence): number[] {
  return EVIDENCE_NAMES.map((name) => evidence[name]);
}
