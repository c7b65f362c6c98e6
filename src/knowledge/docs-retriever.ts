import type { CallbackManagerForRetrieverRun } from '@langchain/core/callbacks/manager';
import { Document } from '@langchain/core/documents';
import { BaseRetriever, type BaseRetrieverInput } from '@langchain/core/retrievers';
import type { KnowledgeBase, KnowledgeHit } from './knowledge-base';

/** What each retrieved `Document` carries besides the section text. */
export interface DocsRetrieverMetadata extends Record<string, unknown> {
  url: string;
  pagePath: string;
  pageTitle: string;
  headingPath: string[];
  score: number;
}

/** Options of `DocsRetriever`. */
export interface DocsRetrieverInput extends BaseRetrieverInput {
  /** The knowledge base to search (anything with `search`, e.g. a loaded one that reloads). */
  knowledgeBase: Pick<KnowledgeBase, 'search'>;
  /** How many sections to return (one per page). */
  k?: number;
}

/**
 * The docs index behind LangChain's retriever interface: plug it into any chain that takes a
 * retriever. Each document is one section, best first, with its URL (anchor included).
 */
export class DocsRetriever extends BaseRetriever<DocsRetrieverMetadata> {
  static override lc_name(): string {
    return 'DocsRetriever';
  }

  lc_namespace = ['handoff', 'knowledge', 'docs_retriever'];

  private readonly knowledgeBase: Pick<KnowledgeBase, 'search'>;
  private readonly k: number;

  constructor(fields: DocsRetrieverInput) {
    super(fields);
    this.knowledgeBase = fields.knowledgeBase;
    this.k = fields.k ?? 4;
  }

  override async _getRelevantDocuments(
    query: string,
    _runManager?: CallbackManagerForRetrieverRun,
  ): Promise<Document<DocsRetrieverMetadata>[]> {
    return this.knowledgeBase.search(query, this.k).map((hit: KnowledgeHit) => {
      return new Document<DocsRetrieverMetadata>({
        pageContent: hit.text,
        metadata: {
          url: hit.url,
          pagePath: hit.pagePath,
          pageTitle: hit.pageTitle,
          headingPath: hit.headingPath,
          score: hit.score,
        },
      });
    });
  }
}
