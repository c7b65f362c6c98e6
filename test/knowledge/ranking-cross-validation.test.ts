import { crossValidateRanking, type RankedQuestion } from '../../src/knowledge/ranking-cross-validation';

/** A question whose gold page is first under the candidates listed in `rightUnder`, absent otherwise. */
function question(rightUnder: number[], reported = true): RankedQuestion {
  return {
    gold: ['right.md'],
    reported,
    pagePathsByCandidate: [0, 1].map((candidate) =>
      rightUnder.includes(candidate) ? ['right.md'] : ['wrong.md'],
    ),
  };
}

describe('cross-validating a ranking parameter', () => {
  it('ranks each fold under the value the other folds prefer, never one chosen with it', () => {
    // Five folds of one question. Four prefer candidate 0; the fifth only works under candidate 1.
    const questions = [question([0]), question([0]), question([0]), question([0]), question([1])];
    const cv = crossValidateRanking([0, 0.3], questions, 5);
    // Every fold chooses 0, so the fifth question counts as a miss although 1 would have found it.
    expect(cv.chosen).toEqual([0, 0, 0, 0, 0]);
    expect(cv.hit1).toBe(0.8);
    expect(cv.mrr).toBe(0.8);
  });

  it('lets pooled questions help choose without counting them', () => {
    // The reported questions (folds 0 and 1) work under either value; the pool only under 0.3.
    const questions = [question([0, 1]), question([0, 1]), question([1], false), question([1], false)];
    const cv = crossValidateRanking([0, 0.3], questions, 2);
    expect(cv.chosen).toEqual([0.3, 0.3]);
    expect(cv.hit1).toBe(1);
    expect(cv.hit3).toBe(1);
  });

  it('takes the first of equally good values', () => {
    const cv = crossValidateRanking([0, 0.3], [question([0, 1]), question([0, 1])], 2);
    expect(cv.chosen).toEqual([0, 0]);
  });
});
