import { goldRank } from './evaluation';

/** The values of `PAGE_SIZE_PRIOR` the cross-validation chooses from. */
export const PAGE_SIZE_PRIOR_CANDIDATES: readonly number[] = [0, 0.1, 0.2, 0.3, 0.4, 0.5];

/** One in-scope question ranked under every candidate value, in candidate order. */
export interface RankedQuestion {
  gold: readonly string[];
  pagePathsByCandidate: readonly (readonly string[])[];
  /** Counted in the figures; the others (a pool of further questions) only help choose. */
  reported: boolean;
}

/** Ranking figures of the reported questions, each ranked under a value chosen without it. */
export interface RankingCrossValidation {
  folds: number;
  hit1: number;
  hit3: number;
  mrr: number;
  /** The candidate each fold chose (by mean reciprocal rank on the other folds). */
  chosen: number[];
}

const reciprocal = (rank: number): number => (rank >= 1 ? 1 / rank : 0);

/**
 * k-fold cross-validation of a ranking parameter: the questions are dealt into folds in order;
 * for each fold the candidate with the best mean reciprocal rank on the other folds is chosen
 * (the first of equals), and the fold's questions are ranked under it.
 */
export function crossValidateRanking(
  candidates: readonly number[],
  questions: readonly RankedQuestion[],
  folds = 5,
): RankingCrossValidation {
  const ranks = questions.map((question) =>
    question.pagePathsByCandidate.map((pages) => goldRank(pages, question.gold)),
  );
  const chosen: number[] = [];
  let hit1 = 0;
  let hit3 = 0;
  let mrr = 0;
  let reported = 0;
  for (let fold = 0; fold < folds; fold += 1) {
    const totals = candidates.map((_, c) =>
      ranks.reduce(
        (sum, byCandidate, i) => (i % folds === fold ? sum : sum + reciprocal(byCandidate[c] ?? 0)),
        0,
      ),
    );
    const best = totals.indexOf(Math.max(...totals));
    chosen.push(candidates[best] as number);
    questions.forEach((question, i) => {
      if (i % folds !== fold || !question.reported) return;
      const rank = ranks[i]?.[best] ?? 0;
      reported += 1;
      if (rank === 1) hit1 += 1;
      if (rank >= 1 && rank <= 3) hit3 += 1;
      mrr += reciprocal(rank);
    });
  }
  const share = (count: number): number => Number((count / Math.max(1, reported)).toFixed(3));
  return { folds, hit1: share(hit1), hit3: share(hit3), mrr: share(mrr), chosen };
}
