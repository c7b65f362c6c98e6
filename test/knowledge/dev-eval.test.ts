import fs from 'node:fs';
import path from 'node:path';
import { DocsKnowledgeBase } from '../../src/knowledge/docs-knowledge-base';
import {
  evaluateAnswers,
  FIGURES_ONLY,
  readQuestions,
  type EvalQuestion,
} from '../../src/knowledge/evaluation';
import { evaluateLangChainBaseline } from '../../app/cli/langchain-baseline';
import { noisyCopies } from '../../bench/load/noisy-questions';
import { sharedDocsIndexCache } from '../support/docs-index-cache';

const SHARED = path.join(__dirname, '..', '..', '..', 'shared');
const CORPUS = path.join(SHARED, 'kb', 'connexcs-docs');
const QUESTIONS = path.join(SHARED, 'eval', 'dev-questions.jsonl');
const available = fs.existsSync(CORPUS) && fs.existsSync(QUESTIONS);
const BASE = 'https://docs.connexcs.com';
/** The team's questions per page, as the product loads them (`KB_QUESTIONS`). */
const PAGE_QUESTIONS = path.join(__dirname, '..', '..', 'kb-questions');
/** One index for every evaluation (and later runs of the same code): built once, then restored (~2 s, not ~10). */
const cacheDir = sharedDocsIndexCache(CORPUS, BASE);

/** The product docs with the shipped page questions, every question retrieved (no answer cache). */
async function productDocs(): Promise<DocsKnowledgeBase> {
  const kb = new DocsKnowledgeBase({
    dir: CORPUS,
    baseUrl: BASE,
    cacheDir,
    answerCacheSize: 0,
    pageQuestions: PAGE_QUESTIONS,
  });
  await kb.load();
  return kb;
}

/** Each question asked once (speed is the eval CLI's to measure). */
const figuresOn = (kb: DocsKnowledgeBase, questions: EvalQuestion[]) =>
  evaluateAnswers((q) => kb.answer(q), questions, 0, FIGURES_ONLY);

// Floors a little below the measured figures (hit@1 0.88, hit@3 0.93, MRR 0.91, answered 0.93, declined 0.92):
// a retrieval regression fails here. No word or rule is taken from these questions (the team's
// page questions were written from the docs pages by people who did not see them); the page-size
// prior was chosen by cross-validation with them in the pool (see PAGE_SIZE_PRIOR).
// The confidence weights are fitted on them, so the decline floors hold the fitted figures; the
// cross-validated ones are printed by the eval CLI. Speed is measured by the eval CLI, not asserted, so
// the questions are asked once each (FIGURES_ONLY) instead of timed over six or more passes.
(available ? describe : describe.skip)('evaluation on the development questions', () => {
  it('finds the right page and declines off-topic questions far better than the LangChain default', async () => {
    const questions = readQuestions(QUESTIONS);
    const report = await figuresOn(await productDocs(), questions);
    expect(report.hit1).toBeGreaterThanOrEqual(0.83);
    expect(report.hit3).toBeGreaterThanOrEqual(0.9);
    expect(report.mrr).toBeGreaterThanOrEqual(0.88);
    expect(report.answered_in_scope).toBeGreaterThanOrEqual(0.88);
    expect(report.declined_out_of_scope).toBeGreaterThanOrEqual(0.9);

    const baseline = await evaluateLangChainBaseline(CORPUS, questions, FIGURES_ONLY);
    expect(baseline.hit1).toBeLessThan(report.hit1 - 0.2);
    expect(baseline.hit3).toBeLessThan(report.hit3);
  }, 120_000);
});

const HELD_OUT = path.join(__dirname, '..', 'fixtures', 'connexcs-heldout-questions.jsonl');

// Questions written for this test about pages the development questions do not ask about, in a
// customer's words rather than the docs' (none read from the evaluation sets), answered with the
// confidence model fitted on the development questions: how the figures hold on questions no word
// list or rule was written for (the latent weight and the page-size prior were chosen with them, so
// they are not fully unseen: the dev probes' docs questions are the unseen check). Floors a little
// below the measured figures (hit@1 0.72, hit@3 0.90, answered 0.90, declined 1.0; on three noisy
// copies of each, as customers type: hit@1 0.72, hit@3 0.89, answered 0.86, declined 1.0). Without
// the team's page questions they were hit@1 0.54, hit@3 0.74 (noisy 0.55, 0.73).
(fs.existsSync(CORPUS) ? describe : describe.skip)('evaluation on held-out questions of our own', () => {
  it('keeps its figures on pages and wording nothing was tuned on', async () => {
    const kb = await productDocs();
    const report = await figuresOn(kb, readQuestions(HELD_OUT));
    expect(report.hit1).toBeGreaterThanOrEqual(0.68);
    expect(report.hit3).toBeGreaterThanOrEqual(0.86);
    expect(report.answered_in_scope).toBeGreaterThanOrEqual(0.84);
    expect(report.declined_out_of_scope).toBeGreaterThanOrEqual(0.93);

    // Typing slips, "asap", "on the portal", reordered clauses: the same questions as typed.
    const noisy = await figuresOn(kb, noisyCopies(readQuestions(HELD_OUT)));
    expect(noisy.hit1).toBeGreaterThanOrEqual(0.68);
    expect(noisy.hit3).toBeGreaterThanOrEqual(0.85);
    expect(noisy.answered_in_scope).toBeGreaterThanOrEqual(0.8);
    expect(noisy.declined_out_of_scope).toBeGreaterThanOrEqual(0.93);
  }, 120_000);
});

const TEAM_SET_2 = path.join(__dirname, '..', 'fixtures', 'connexcs-team-questions-2.jsonl');

// 200 docs questions over 180 pages and 200 messages the docs cannot answer (the asker's own
// account, other products, general knowledge, chit-chat), written on 1 December by two writers who
// saw only the docs. Written after the page questions by writers of the same kind, the in-scope
// half shares phrasing with them (81 of its 200 share five words in a row with a page question),
// so its retrieval figures overstate; the off-topic half is the larger test of declines. Floors a
// little below the measured figures (hit@1 0.80, hit@3 0.98, answered 0.98, declined 0.86; before
// the page questions 0.68, 0.85, 0.95 and 0.83).
(fs.existsSync(CORPUS) ? describe : describe.skip)("evaluation on the team's second question set", () => {
  it('answers docs questions and declines what the docs cannot answer', async () => {
    const report = await figuresOn(await productDocs(), readQuestions(TEAM_SET_2));
    expect(report.in_scope).toBe(200);
    expect(report.out_of_scope).toBe(200);
    expect(report.hit1).toBeGreaterThanOrEqual(0.75);
    expect(report.hit3).toBeGreaterThanOrEqual(0.94);
    expect(report.answered_in_scope).toBeGreaterThanOrEqual(0.94);
    expect(report.declined_out_of_scope).toBeGreaterThanOrEqual(0.82);
  }, 120_000);
});
