import fs from 'node:fs';
import path from 'node:path';
import { DocsKnowledgeBase } from '../../src/knowledge/docs-knowledge-base';
import { evaluateAnswers, readQuestions } from '../../src/knowledge/evaluation';
import { evaluateLangChainBaseline } from '../../app/cli/langchain-baseline';

const SHARED = path.join(__dirname, '..', '..', '..', 'shared');
const CORPUS = path.join(SHARED, 'kb', 'connexcs-docs');
const QUESTIONS = path.join(SHARED, 'eval', 'dev-questions.jsonl');
const available = fs.existsSync(CORPUS) && fs.existsSync(QUESTIONS);

// Floors a little below the measured figures (hit@1 0.67, hit@3 0.75, MRR 0.72, answered 0.83, declined 0.92),
// now that nothing in the retrieval is taken from these questions: a retrieval regression fails here.
// The confidence weights are fitted on them, so the decline floors hold the fitted figures; the
// cross-validated ones are printed by the eval CLI. Speed is measured by the eval CLI, not asserted.
(available ? describe : describe.skip)('evaluation on the development questions', () => {
  it('finds the right page and declines off-topic questions far better than the LangChain default', async () => {
    const questions = readQuestions(QUESTIONS);
    const kb = new DocsKnowledgeBase({ dir: CORPUS, baseUrl: 'https://docs.connexcs.com' });
    await kb.load();
    const report = await evaluateAnswers((q) => kb.answer(q), questions, kb.stats().buildMs);
    expect(report.hit1).toBeGreaterThanOrEqual(0.63);
    expect(report.hit3).toBeGreaterThanOrEqual(0.72);
    expect(report.mrr).toBeGreaterThanOrEqual(0.69);
    expect(report.answered_in_scope).toBeGreaterThanOrEqual(0.8);
    expect(report.declined_out_of_scope).toBeGreaterThanOrEqual(0.9);

    const baseline = await evaluateLangChainBaseline(CORPUS, questions);
    expect(baseline.hit1).toBeLessThan(report.hit1 - 0.2);
    expect(baseline.hit3).toBeLessThan(report.hit3);
  }, 120_000);
});
