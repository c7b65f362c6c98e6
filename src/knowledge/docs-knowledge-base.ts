import type { Embeddings } from '@langchain/core/embeddings';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { ANSWER_THRESHOLD, answerConfidence } from './answer-confidence';
import { extractGlossary } from './corpus-glossary';
import { docsFingerprint } from './docs-fingerprint';
import { DocsIndex, type RankedPage } from './docs-index';
import type { SkippedPage } from './docs-section';
import { generateAnswer } from './generated-answer';
import { HybridRanking } from './hybrid-ranking';
import { readCachedIndex, writeCachedIndex } from './index-cache';
import { ingestDocs, type IngestProgress } from './ingest-docs';
import type { KnowledgeAnswer, KnowledgeBase, KnowledgeHit } from './knowledge-base';
import { outOfScopeReason } from './out-of-scope';
import { extractPassage } from './passage';

/** Where log lines go: the app passes its logger, tests pass nothing. */
export type KnowledgeLog = (level: 'info' | 'warn', msg: string, fields?: Record<string, unknown>) => void;

/** Options of a docs-backed knowledge base (see `loadKnowledgeBase`). */
export interface DocsKnowledgeBaseOptions {
  dir: string;
  baseUrl: string;
  cacheDir?: string;
  log?: KnowledgeLog;
  embeddings?: Embeddings;
  chatModel?: BaseChatModel;
  onProgress?: IngestProgress;
}

/** The statistics `stats()` reports, plus how the last build went. */
export interface DocsKnowledgeStats {
  pages: number;
  sections: number;
  builtAt: number;
  buildMs: number;
  /** True when the last load came from the on-disk cache instead of a rebuild. */
  fromCache: boolean;
  skipped: SkippedPage[];
}

/** How many pages a search or an answer returns. */
const DEFAULT_HITS = 5;
/** Confidence given to messages recognised as out of scope whatever the search found. */
const OUT_OF_SCOPE_CONFIDENCE = 0.05;

interface LoadedState {
  index: DocsIndex;
  hybrid?: HybridRanking;
  stats: DocsKnowledgeStats;
}

/**
 * The knowledge base over a docs folder: the keyword index (rebuilt or restored from cache), the
 * optional embedding and chat-model stages, and the answer/decline decision.
 */
export class DocsKnowledgeBase implements KnowledgeBase {
  private state: LoadedState | undefined;

  constructor(private readonly options: DocsKnowledgeBaseOptions) {}

  /** Builds the index, or restores it when the cache matches the docs folder. */
  async load(): Promise<void> {
    const { dir, baseUrl, cacheDir, log } = this.options;
    const started = performance.now();
    const fingerprint = docsFingerprint(dir, baseUrl);
    const cached = cacheDir ? readCachedIndex(cacheDir, fingerprint) : undefined;
    let state: LoadedState;
    if (cached) {
      const glossary = new Map(cached.glossary);
      state = {
        index: DocsIndex.restore(cached.sections, glossary, cached.index),
        stats: { ...pick(cached), fromCache: true, skipped: cached.skipped },
      };
    } else {
      const ingested = ingestDocs(dir, baseUrl, this.options.onProgress);
      const glossary = extractGlossary(ingested.sections);
      const index = DocsIndex.build(ingested.sections, glossary);
      const builtAt = Date.now();
      const buildMs = Math.round(performance.now() - started);
      state = {
        index,
        stats: {
          pages: ingested.pages,
          sections: ingested.sections.length,
          builtAt,
          buildMs,
          fromCache: false,
          skipped: ingested.skipped,
        },
      };
      if (cacheDir) {
        writeCachedIndex(cacheDir, {
          fingerprint,
          builtAt,
          buildMs,
          pages: ingested.pages,
          sections: ingested.sections,
          skipped: ingested.skipped,
          glossary: [...glossary],
          index: index.toJSON(),
        });
      }
    }
    if (this.options.embeddings)
      state.hybrid = await HybridRanking.build(this.options.embeddings, state.index.sections);
    this.state = state;
    log?.('info', 'knowledge base loaded', {
      dir,
      pages: state.stats.pages,
      sections: state.stats.sections,
      skipped: state.stats.skipped.length,
      fromCache: state.stats.fromCache,
      ms: Math.round(performance.now() - started),
    });
  }

  private get loaded(): LoadedState {
    if (!this.state) throw new Error('knowledge base used before load()');
    return this.state;
  }

  /** Best sections first, one per page. */
  search(query: string, limit = DEFAULT_HITS): KnowledgeHit[] {
    const { index } = this.loaded;
    return index.rankPages(index.analyze(query), limit).map(toHit);
  }

  /** Answers from the docs, or declines when they do not seem to cover the question. */
  async answer(query: string): Promise<KnowledgeAnswer> {
    const { index, hybrid } = this.loaded;
    const analyzed = index.analyze(query);
    const keywordPages = index.rankPages(analyzed, DEFAULT_HITS);
    const reason = outOfScopeReason(query);
    const scored = answerConfidence(keywordPages);
    const confidence = reason ? Math.min(scored, OUT_OF_SCOPE_CONFIDENCE) : scored;
    const pages = hybrid ? await hybrid.rerank(query, keywordPages, DEFAULT_HITS) : keywordPages;
    const hits = pages.map(toHit);
    const best = pages[0];
    if (!best || confidence < ANSWER_THRESHOLD) {
      return { kind: 'decline', confidence, hits, declineReason: reason ?? 'low confidence' };
    }
    const passage = extractPassage(best.section.text, analyzed);
    if (!this.options.chatModel) return { kind: 'answer', confidence, hits, passage };
    let generated;
    try {
      generated = await generateAnswer(this.options.chatModel, query, hits.slice(0, 3));
    } catch {
      // A model that is down or slow must not cost the customer the extractive answer.
      return { kind: 'answer', confidence, hits, passage };
    }
    if (generated.kind === 'abstained') {
      return {
        kind: 'decline',
        confidence,
        hits,
        passage,
        declineReason: 'the model found no answer in the sections',
      };
    }
    return { kind: 'answer', confidence, hits, passage, generated: generated.text };
  }

  /** Size and age of the index. */
  stats(): DocsKnowledgeStats {
    return this.loaded.stats;
  }

  /** The index itself, for the LangChain retriever and the eval. */
  get index(): DocsIndex {
    return this.loaded.index;
  }
}

function pick(cached: { pages: number; sections: unknown[]; builtAt: number; buildMs: number }) {
  return {
    pages: cached.pages,
    sections: cached.sections.length,
    builtAt: cached.builtAt,
    buildMs: cached.buildMs,
  };
}

/** The public shape of a ranked page. */
export function toHit(page: RankedPage): KnowledgeHit {
  const { section } = page;
  return {
    pagePath: section.pagePath,
    pageTitle: section.pageTitle,
    headingPath: section.headingPath,
    url: section.url,
    text: section.text,
    score: page.score,
  };
}
