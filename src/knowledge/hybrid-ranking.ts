import type { Embeddings } from '@langchain/core/embeddings';
import type { DocSection } from './docs-section';
import type { RankedPage } from './docs-index';

/** Reciprocal-rank-fusion constant: how much the top ranks dominate (60 is the usual choice). */
const RRF_K = 60;
/** How many nearest sections by embedding join the fusion. */
const VECTOR_CANDIDATES = 20;

const cosine = (a: readonly number[], b: readonly number[]): number => {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
};

/**
 * Optional dense retrieval next to the keyword index: section vectors from a LangChain
 * `Embeddings`, fused with the keyword ranking by reciprocal rank, page by page.
 */
export class HybridRanking {
  private constructor(
    private readonly embeddings: Embeddings,
    private readonly sections: readonly DocSection[],
    private readonly vectors: number[][],
  ) {}

  /** Embeds every section once (heading path plus text). */
  static async build(embeddings: Embeddings, sections: readonly DocSection[]): Promise<HybridRanking> {
    const vectors = await embeddings.embedDocuments(
      sections.map((section) => `${section.headingPath.join(' > ')}\n${section.text}`),
    );
    return new HybridRanking(embeddings, sections, vectors);
  }

  /** Re-orders keyword-ranked pages with the embedding neighbours of the query. */
  async rerank(query: string, keywordPages: readonly RankedPage[], limit: number): Promise<RankedPage[]> {
    const queryVector = await this.embeddings.embedQuery(query);
    const similarities = this.vectors.map((vector, i) => ({ i, similarity: cosine(queryVector, vector) }));
    const spread =
      Math.max(...similarities.map((s) => s.similarity)) - Math.min(...similarities.map((s) => s.similarity));
    // Embeddings that rate every section alike carry no signal; fusing them would only shuffle.
    if (!(spread > 1e-9)) return keywordPages.slice(0, limit);
    const nearest = similarities.sort((a, b) => b.similarity - a.similarity).slice(0, VECTOR_CANDIDATES);
    const vectorPages: DocSection[] = [];
    for (const { i } of nearest) {
      const section = this.sections[i];
      if (section && !vectorPages.some((seen) => seen.pagePath === section.pagePath))
        vectorPages.push(section);
    }
    const fused = new Map<string, { page: RankedPage; score: number }>();
    keywordPages.forEach((page, rank) => {
      fused.set(page.section.pagePath, { page, score: 1 / (RRF_K + rank + 1) });
    });
    vectorPages.forEach((section, rank) => {
      const entry = fused.get(section.pagePath) ?? {
        page: { section, score: 0, matchScore: 0, coverage: 0, covered: [] },
        score: 0,
      };
      entry.score += 1 / (RRF_K + rank + 1);
      fused.set(section.pagePath, entry);
    });
    return [...fused.values()]
      .sort((a, b) => b.score - a.score)
      .slice(0, limit)
      .map(({ page }) => page);
  }
}
