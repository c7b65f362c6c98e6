import fs from 'node:fs';
import path from 'node:path';
import { BM25Retriever } from '@langchain/community/retrievers/bm25';
import { Document } from '@langchain/core/documents';
import { MarkdownTextSplitter } from '@langchain/textsplitters';
import {
  goldRank,
  quantile,
  timeQuestions,
  type EvalQuestion,
  type RetrievalFigures,
  type TimingPasses,
} from '../../src/knowledge/evaluation';
import { listMarkdownFiles } from '../../src/knowledge/ingest-docs';

/** Chunking of the LangChain default we compare against. */
const CHUNK_SIZE = 1000;
const CHUNK_OVERLAP = 200;
/** Documents the baseline retriever returns: "top three". */
const BASELINE_K = 3;

/**
 * What a LangChain user gets by default: raw markdown split by `MarkdownTextSplitter` (1000/200)
 * and searched with `BM25Retriever`. Measured on the same questions as our index, for comparison.
 */
export async function evaluateLangChainBaseline(
  dir: string,
  questions: readonly EvalQuestion[],
  /** Default: one timed pass (a quarter of a second a query tells its order of magnitude), warmed up. */
  timing?: TimingPasses,
): Promise<RetrievalFigures> {
  const started = performance.now();
  const splitter = new MarkdownTextSplitter({ chunkSize: CHUNK_SIZE, chunkOverlap: CHUNK_OVERLAP });
  const documents: Document[] = [];
  for (const pagePath of listMarkdownFiles(dir)) {
    const text = fs.readFileSync(path.join(dir, pagePath), 'utf8');
    documents.push(...(await splitter.createDocuments([text], [{ source: pagePath }])));
  }
  const retriever = BM25Retriever.fromDocuments(documents, { k: BASELINE_K });
  const buildMs = performance.now() - started;

  const inScope = questions.filter((question) => question.kind === 'in-scope');
  const { results, sortedMs } = await timeQuestions(
    inScope,
    (question) => retriever.invoke(question),
    timing?.passes ?? 1,
    timing?.warmUpPasses,
  );
  let hit1 = 0;
  let hit3 = 0;
  let reciprocal = 0;
  inScope.forEach((question, i) => {
    const pages = (results[i] ?? []).map((doc) => String(doc.metadata.source));
    const rank = goldRank(pages, question.gold);
    if (rank === 1) hit1 += 1;
    if (rank >= 1 && rank <= 3) hit3 += 1;
    if (rank >= 1) reciprocal += 1 / rank;
  });
  const n = Math.max(inScope.length, 1);
  return {
    hit1: Number((hit1 / n).toFixed(3)),
    hit3: Number((hit3 / n).toFixed(3)),
    mrr: Number((reciprocal / n).toFixed(3)),
    p50_ms: Number(quantile(sortedMs, 0.5).toFixed(2)),
    p99_ms: Number(quantile(sortedMs, 0.99).toFixed(2)),
    build_ms: Math.round(buildMs),
  };
}
