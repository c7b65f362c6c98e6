import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DocsKnowledgeBase } from '../../src/knowledge/docs-knowledge-base';
import { evaluateAnswers, readQuestions } from '../../src/knowledge/evaluation';

/**
 * A small voice-provider docs corpus written for this test, with its own questions (none taken
 * from the development set): a retrieval or decline regression fails the build. Floors sit a
 * little below what `npm run eval -- --kb test/fixtures/voice-docs --questions
 * test/fixtures/voice-docs-questions.jsonl` measures (hit@1 1.0, hit@3 1.0, answered 0.80,
 * declined 1.0).
 */
const FIXTURES = path.join(__dirname, '..', 'fixtures');
const CORPUS = path.join(FIXTURES, 'voice-docs');
const QUESTIONS = path.join(FIXTURES, 'voice-docs-questions.jsonl');

describe('docs answers on a fixed corpus with its own questions', () => {
  let kb: DocsKnowledgeBase;
  beforeAll(async () => {
    kb = new DocsKnowledgeBase({ dir: CORPUS, baseUrl: 'https://docs.example.com', answerCacheSize: 0 });
    await kb.load();
  });

  it('finds the right page and declines what the docs do not cover', async () => {
    const report = await evaluateAnswers((q) => kb.answer(q), readQuestions(QUESTIONS), 0);
    expect(report.hit1).toBeGreaterThanOrEqual(0.9);
    expect(report.hit3).toBeGreaterThanOrEqual(0.95);
    expect(report.answered_in_scope).toBeGreaterThanOrEqual(0.75);
    expect(report.declined_out_of_scope).toBeGreaterThanOrEqual(0.875);
  });

  it.each(['constructor', '__proto__', 'toString valueOf hasOwnProperty', 'how do I configure constructor'])(
    'answers or declines %j like any other words (no prototype lookups)',
    async (question) => {
      const answer = await kb.answer(question);
      expect(['answer', 'decline']).toContain(answer.kind);
      expect(Number.isFinite(answer.confidence)).toBe(true);
    },
  );

  it('declines questions about the customer own account data', async () => {
    const answer = await kb.answer('what is my balance');
    expect(answer.kind).toBe('decline');
    expect(answer.declineReason).toBe('asks about the customer account');
  });
});

const LEAK_CHECK = path.join(__dirname, '..', '..', '..', 'shared', 'tools', 'eval-leak-check.mjs');

(fs.existsSync(LEAK_CHECK) ? describe : describe.skip)('no evaluation text in the code', () => {
  it('shares no run of seven words with the evaluation questions (eval-leak-check is empty)', () => {
    const out = execFileSync(process.execPath, [LEAK_CHECK], {
      cwd: path.join(__dirname, '..', '..'),
      encoding: 'utf8',
    });
    expect(out.trim()).toBe('');
  });
});
