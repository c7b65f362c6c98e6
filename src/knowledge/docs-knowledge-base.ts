import type { Embeddings } from '@langchain/core/embeddings';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { ANSWER_THRESHOLD, answerConfidence } from './answer-confidence';
import { gatherEvidence, type AnswerEvidence } from './answer-evidence';
import { extractGlossary } from './corpus-glossary';
import { docsFingerprint } from './docs-fingerprint';
import { DocsIndex, type RankedPage, type WidenMemo } from './docs-index';
import type { DocSection, SkippedPage } from './docs-section';
import { generateAnswer } from './generated-answer';
import { HybridRanking } from './hybrid-ranking';
import { readCachedIndex, writeCachedIndex } from './index-cache';
import { ingestDocs, type IngestProgress } from './ingest-docs';
import type { KnowledgeAnswer, KnowledgeBase, KnowledgeHit } from './knowledge-base';
import { LruCache } from './lru-cache';
import type { DerivedTerm } from './posting-scorer';
import { extractPassage } from './passage';
import { attachPageQuestions, pageQuestionFiles, readPageQuestionFile } from './page-questions';

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
  /** Distinct questions whose answers are kept in memory (0 turns the cache off); default 1,000. */
  answerCacheSize?: number;
  /**
   * The team's questions per page (a folder of `.jsonl` files, or one file; see
   * `page-questions.ts`); absent or missing means none.
   */
  pageQuestions?: string;
}

/** How often questions were answered from the cache since this index was loaded. */
export interface AnswerCacheStats {
  hits: number;
  misses: number;
  size: number;
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
  /** The team's questions (`pageQuestions`) the index holds, attached to its sections. */
  pageQuestions: number;
  answerCache: AnswerCacheStats;
}

/** How many pages a search or an answer returns. */
const DEFAULT_HITS = 5;
/** Distinct questions remembered by default: a support desk's common questions, and then some. */
const DEFAULT_ANSWER_CACHE = 1000;
/**
 * Unknown words (typos, truncations, names) whose widened forms are remembered across questions,
 * least recently used forgotten first. Widening is a fuzzy walk of the whole term tree, the slowest
 * step of a question, and depends only on the word and the index, which never changes (a reload
 * builds a new knowledge base and with it a new memo); customers repeat their typos.
 */
const REMEMBERED_UNKNOWN_WORDS = 10_000;

interface LoadedState {
  index: DocsIndex;
  hybrid?: HybridRanking;
  stats: Omit<DocsKnowledgeStats, 'answerCache'>;
}

/**
 * The knowledge base over a docs folder: the keyword index (rebuilt or restored from cache), the
 * optional embedding and chat-model stages, and the answer/decline decision.
 */
export class DocsKnowledgeBase implements KnowledgeBase {
  private state: LoadedState | undefined;
  /**
   * Answers and searches by exact question text. Customers ask the same few questions again and
   * again (and quick replies send identical text), and an answer depends only on the text and
   * this index, so it is worked out once per index: a reload builds a new knowledge base and
   * with it an empty cache. Answers are kept as promises so that identical questions arriving
   * together share one retrieval (and one chat-model call).
   */
  private readonly answers: LruCache<string, Promise<KnowledgeAnswer>>;
  private readonly searches: LruCache<string, KnowledgeHit[]>;
  private readonly cacheStats = { hits: 0, misses: 0 };
  /** Shared by every question to this index, answered from the cache or not. */
  private readonly widened = new LruCache<string, DerivedTerm[]>(REMEMBERED_UNKNOWN_WORDS);

  constructor(private readonly options: DocsKnowledgeBaseOptions) {
    const size = options.answerCacheSize ?? DEFAULT_ANSWER_CACHE;
    this.answers = new LruCache(size);
    this.searches = new LruCache(size);
  }

  /** Builds the index, or restores it when the cache matches the docs folder. */
  async load(): Promise<void> {
    const { dir, baseUrl, cacheDir, log, pageQuestions } = this.options;
    const started = performance.now();
    const questionFiles = pageQuestions ? pageQuestionFiles(pageQuestions) : [];
    const fingerprint = docsFingerprint(dir, baseUrl, questionFiles);
    const cached = cacheDir ? readCachedIndex(cacheDir, fingerprint) : undefined;
    let state: LoadedState;
    if (cached) {
      const glossary = new Map(cached.glossary);
      state = {
        index: DocsIndex.restore(cached.sections, glossary, cached.index),
        stats: {
          ...pick(cached),
          fromCache: true,
          skipped: cached.skipped,
          pageQuestions: countQuestions(cached.sections),
        },
      };
    } else {
      const ingested = ingestDocs(dir, baseUrl, this.options.onProgress);
      if (questionFiles.length > 0) {
        // The files the fingerprint was taken from, read once.
        const report = attachPageQuestions(ingested.sections, questionFiles.map(readPageQuestionFile));
        for (const applied of report.applied) log?.('info', 'page questions attached', { ...applied });
        for (const ignored of report.ignored)
          log?.('info', 'page questions left out: written for other docs', { ...ignored });
      }
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
          pageQuestions: countQuestions(ingested.sections),
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
      pageQuestions: state.stats.pageQuestions,
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
    const key = `${limit}\u0000${query}`;
    let hits = this.searches.get(key);
    if (!hits) {
      hits = index.rankPages(index.analyze(query), limit, this.widened).map(toHit);
      this.searches.set(key, hits);
    }
    return [...hits];
  }

  /**
   * The ranked pages and the evidence the answer decision weighs, for the eval's cross-validation;
   * `pageSizePrior` ranks as if `PAGE_SIZE_PRIOR` were that value.
   */
  assess(query: string, pageSizePrior?: number): { pagePaths: string[]; evidence: AnswerEvidence } {
    const { index } = this.loaded;
    const analyzed = index.analyze(query);
    const memo: WidenMemo = new Map();
    const pages = index.rankPages(analyzed, DEFAULT_HITS, memo, pageSizePrior);
    return {
      pagePaths: pages.map((page) => page.section.pagePath),
      evidence: gatherEvidence(index, query, analyzed, pages, memo),
    };
  }

  /** Answers from the docs, or declines when they do not seem to cover the question. */
  async answer(query: string): Promise<KnowledgeAnswer> {
    const cached = this.answers.get(query);
    if (cached) {
      this.cacheStats.hits += 1;
      return copyOf(await cached);
    }
    this.cacheStats.misses += 1;
    const answering: Promise<KnowledgeAnswer> = this.retrieve(query).then(({ answer, keep }) => {
      if (!keep) this.answers.delete(query, answering);
      return answer;
    });
    // A failure is not remembered either: the next asker tries again.
    answering.catch(() => this.answers.delete(query, answering));
    this.answers.set(query, answering);
    return copyOf(await answering);
  }

  /** Works an answer out; `keep` is false when it is a fallback that must not outlive the failure. */
  private async retrieve(query: string): Promise<{ answer: KnowledgeAnswer; keep: boolean }> {
    const { index, hybrid } = this.loaded;
    const analyzed = index.analyze(query);
    const memo: WidenMemo = this.widened;
    const keywordPages = index.rankPages(analyzed, DEFAULT_HITS, memo);
    const evidence = gatherEvidence(index, query, analyzed, keywordPages, memo);
    const confidence = answerConfidence(evidence);
    const pages = hybrid ? await hybrid.rerank(query, keywordPages, DEFAULT_HITS) : keywordPages;
    const hits = pages.map(toHit);
    const best = pages[0];
    if (!best || confidence < ANSWER_THRESHOLD) {
      return {
        answer: { kind: 'decline', confidence, hits, declineReason: declineReason(evidence) },
        keep: true,
      };
    }
    const passage = extractPassage(index.wholeSectionText(best.section), analyzed);
    if (!this.options.chatModel) return { answer: { kind: 'answer', confidence, hits, passage }, keep: true };
    let generated;
    try {
      // The model reads each section whole: a long one is indexed in slices, and the sentences
      // that answer may sit beside the slice that scored best.
      const sections = pages
        .slice(0, 3)
        .map((page) => ({ ...toHit(page), text: index.wholeSectionText(page.section) }));
      generated = await generateAnswer(this.options.chatModel, query, sections);
    } catch {
      // A model that is down or slow must not cost the customer the extractive answer; the
      // model's answer is tried again on the next identical question.
      return { answer: { kind: 'answer', confidence, hits, passage }, keep: false };
    }
    if (generated.kind === 'abstained') {
      return {
        answer: {
          kind: 'decline',
          confidence,
          hits,
          passage,
          declineReason: 'the model found no answer in the sections',
        },
        keep: true,
      };
    }
    return {
      answer: { kind: 'answer', confidence, hits, passage, generated: generated.text },
      keep: true,
    };
  }

  /** Size and age of the index, and how the answer cache is doing. */
  stats(): DocsKnowledgeStats {
    return { ...this.loaded.stats, answerCache: { ...this.cacheStats, size: this.answers.size } };
  }

  /** The index itself, for the LangChain retriever and the eval. */
  get index(): DocsIndex {
    return this.loaded.index;
  }
}

/** Why the docs do not seem to answer, from the weakest evidence, for logs and agents. */
function declineReason(evidence: AnswerEvidence): string {
  if (evidence.ownAccount) return 'asks about the customer account';
  if (evidence.known === 0) return 'no word the docs know';
  if (evidence.known < 0.5) return 'most words unknown to the docs';
  return 'low confidence';
}

function countQuestions(sections: readonly DocSection[]): number {
  return sections.reduce((sum, section) => sum + (section.questions?.length ?? 0), 0);
}

function pick(cached: { pages: number; sections: unknown[]; builtAt: number; buildMs: number }) {
  return {
    pages: cached.pages,
    sections: cached.sections.length,
    builtAt: cached.builtAt,
    buildMs: cached.buildMs,
  };
}

/** A cached answer as the caller's own (the cache keeps the original). */
function copyOf(answer: KnowledgeAnswer): KnowledgeAnswer {
  return { ...answer, hits: [...answer.hits] };
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
