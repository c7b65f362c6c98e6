import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadKnowledgeBase } from '../../src/knowledge';
import type { BenchContext } from '../context';
import { summarize, type LatencySummary } from '../stats';

/** Section 7: the docs index on its own, in this process. */
export interface RetrievalResult {
  kbDir: string;
  pages: number;
  sections: number;
  /** Reading, parsing and indexing the docs folder from scratch. */
  buildMs: number;
  /** Loading the same index from the on-disk cache (what a restart costs). */
  restoreMs: number;
  /** `answer()`: retrieval plus the answer/decline decision and passage, as the bot calls it. */
  answer: LatencySummary;
  /** `search()`: ranked hits only. */
  search: LatencySummary;
}

/** Builds the index without and with its cache, then times every question `retrievalRounds` times. */
export async function measureRetrieval(context: BenchContext): Promise<RetrievalResult> {
  const { kbDir, plan } = context.options;
  context.progress(
    `retrieval: index build and ${plan.retrievalRounds} rounds of ${context.questions.length} questions`,
  );
  const baseUrl = 'https://docs.example.com';
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-bench-retrieval-'));
  try {
    let started = performance.now();
    const built = await loadKnowledgeBase({ dir: kbDir, baseUrl, cacheDir });
    const buildMs = performance.now() - started;
    built.close();
    started = performance.now();
    // The answer cache off: every timed call below does the whole retrieval.
    const knowledge = await loadKnowledgeBase({ dir: kbDir, baseUrl, cacheDir, answerCacheSize: 0 });
    const restoreMs = performance.now() - started;
    // One untimed round so the timings are of warm (JIT-compiled) code, as in a running server.
    for (const question of context.questions) await knowledge.answer(question);
    const answer: number[] = [];
    const search: number[] = [];
    for (let round = 0; round < plan.retrievalRounds; round += 1) {
      for (const question of context.questions) {
        let at = performance.now();
        await knowledge.answer(question);
        answer.push(performance.now() - at);
        at = performance.now();
        knowledge.search(question);
        search.push(performance.now() - at);
      }
    }
    const stats = knowledge.stats();
    knowledge.close();
    return {
      kbDir: path.relative(process.cwd(), kbDir) || kbDir,
      pages: stats.pages,
      sections: stats.sections,
      buildMs: Math.round(buildMs),
      restoreMs: Math.round(restoreMs),
      answer: summarize(answer),
      search: summarize(search),
    };
  } finally {
    fs.rmSync(cacheDir, { recursive: true, force: true });
  }
}
