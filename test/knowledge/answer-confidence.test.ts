import { ANSWER_THRESHOLD, CONFIDENCE_MODEL, answerConfidence } from '../../src/knowledge/answer-confidence';
import { EVIDENCE_NAMES, type AnswerEvidence } from '../../src/knowledge/answer-evidence';

/** Evidence of a question the docs match well: every word known and covered, a clear lead. */
const strong: AnswerEvidence = {
  coverage: 1,
  known: 1,
  specificity: 0.8,
  margin: 0.5,
  strength: 0.8,
  ownAccount: 0,
  topical: 1,
};

describe('answer confidence', () => {
  it('answers a question the docs match well', () => {
    expect(answerConfidence(strong)).toBeGreaterThanOrEqual(ANSWER_THRESHOLD);
  });

  it('declines a question about the asker own account state, however well its words match', () => {
    expect(answerConfidence({ ...strong, ownAccount: 1 })).toBeLessThan(ANSWER_THRESHOLD);
    // Also under a model that learnt nothing from such questions (a cross-validation fold without them).
    const ownAccount = EVIDENCE_NAMES.indexOf('ownAccount');
    const blind = {
      ...CONFIDENCE_MODEL,
      weights: CONFIDENCE_MODEL.weights.map((w, i) => (i === ownAccount ? 0 : w)),
    };
    expect(answerConfidence({ ...strong, ownAccount: 0 }, blind)).toBeGreaterThanOrEqual(ANSWER_THRESHOLD);
    expect(answerConfidence({ ...strong, ownAccount: 1 }, blind)).toBeLessThan(ANSWER_THRESHOLD);
  });

  it('gives no confidence to a question with no word the docs could match', () => {
    expect(answerConfidence({ ...strong, known: 0, coverage: 0 })).toBe(0);
  });
});
