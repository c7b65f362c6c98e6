import type { Embeddings } from '@langchain/core/embeddings';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { DocsKnowledgeBase, type DocsKnowledgeStats, type KnowledgeLog } from './docs-knowledge-base';
import { watchDocs, watchPageQuestions } from './docs-watcher';
import type { IngestProgress } from './ingest-docs';
import type { KnowledgeAnswer, KnowledgeBase, KnowledgeHit } from './knowledge-base';

export type { KnowledgeAnswer, KnowledgeBase, KnowledgeHit } from './knowledge-base';
export type { DocsKnowledgeStats, KnowledgeLog } from './docs-knowledge-base';
export type { SkippedPage } from './docs-section';
export { DocsRetriever } from './docs-retriever';
export { summarize, toGsm7, TWO_SMS_SEGMENTS } from './sms-summary';
export { ANSWER_THRESHOLD } from './answer-confidence';

/** Options of `loadKnowledgeBase`. */
export interface LoadKnowledgeBaseOptions {
  /** Docs folder (MkDocs shaped or plain markdown). */
  dir: string;
  /** Published site, e.g. `https://docs.connexcs.com`; hit URLs are this plus the page path and anchor. */
  baseUrl: string;
  /** Where the persisted index lives; absent means rebuild on every start. */
  cacheDir?: string;
  /** Reload by itself when the docs folder changes. */
  watch?: boolean;
  log?: KnowledgeLog;
  /** Turns on hybrid (keyword + embedding) retrieval. */
  embeddings?: Embeddings;
  /** Turns on answers written by a chat model from the retrieved sections. */
  chatModel?: BaseChatModel;
  /** Called after each page while (re)building, for progress bars. */
  onProgress?: IngestProgress;
  /** Distinct questions whose answers are kept in memory per index (0: off); default 1,000. */
  answerCacheSize?: number;
  /** The team's questions per page: a folder of `.jsonl` files or one file (`page-questions.ts`). */
  pageQuestions?: string;
}

/** A knowledge base that can be rebuilt in place and stopped. */
export interface LoadedKnowledgeBase extends KnowledgeBase {
  /** Re-reads the docs folder (uses the cache when nothing changed). */
  reload(): Promise<void>;
  /** Stops watching the folder. */
  close(): void;
  /** Calls `listener` after every successful reload; returns the unsubscribe function. */
  onReload(listener: (stats: DocsKnowledgeStats) => void): () => void;
  stats(): DocsKnowledgeStats;
  /** The underlying implementation, for the retriever and the eval. */
  readonly docs: DocsKnowledgeBase;
}

/** Loads (or restores from cache) the docs knowledge base, optionally watching the folder. */
export async function loadKnowledgeBase(options: LoadKnowledgeBaseOptions): Promise<LoadedKnowledgeBase> {
  let current = new DocsKnowledgeBase(options);
  await current.load();
  const listeners = new Set<(stats: DocsKnowledgeStats) => void>();
  let reloading: Promise<void> | undefined;

  const reload = async (): Promise<void> => {
    // Build the new index aside and swap it in, so questions keep being answered meanwhile.
    const next = new DocsKnowledgeBase(options);
    await next.load();
    current = next;
    for (const listener of listeners) listener(next.stats());
  };
  const serialReload = (): Promise<void> => {
    reloading = (reloading ?? Promise.resolve()).then(reload, reload);
    return reloading;
  };
  const onChange = (): void => {
    serialReload().catch((error: unknown) =>
      options.log?.('warn', 'knowledge base reload failed', { error: String(error) }),
    );
  };
  const watchers = options.watch
    ? [watchDocs(options.dir, onChange), watchPageQuestions(options.pageQuestions, onChange)]
    : [];
  const stopWatching = (): void => {
    for (const stop of watchers) stop?.();
  };

  return {
    search: (query: string, limit?: number): KnowledgeHit[] => current.search(query, limit),
    answer: (query: string): Promise<KnowledgeAnswer> => current.answer(query),
    stats: () => current.stats(),
    reload: serialReload,
    close: stopWatching,
    onReload: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get docs() {
      return current;
    },
  };
}
