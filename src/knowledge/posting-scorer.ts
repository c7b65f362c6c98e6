import type { AsPlainObject } from 'minisearch';

/** MiniSearch's BM25+ defaults, which the docs index uses. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;

/** The postings of one term in one field: documents and their precomputed BM25+ scores. */
interface FieldPostings {
  docs: Int32Array;
  scores: Float64Array;
}

/** An index term a query term stands for, and how much it counts (1 for the term itself). */
export type DerivedTerm = readonly [term: string, weight: number];

/** A result in the shape `DocsIndex` reads from MiniSearch: id, score and the query terms matched. */
export interface ScoredSection {
  id: number;
  score: number;
  queryTerms: string[];
}

/**
 * Scores an OR query of exact index terms the way MiniSearch does (BM25+ per field, times the
 * field and term boosts, summed per term and then across terms, times the number of query terms
 * matched), with the same ties, but from postings whose BM25+ part is computed once at load.
 *
 * MiniSearch recomputes that part for every posting of every query term and merges per-term maps
 * of result objects: for a question with a term found in most sections ("customer", "call") that
 * was most of a docs answer's time. The docs index never changes after it is built, so the
 * per-posting part never changes either. A word the docs do not have is widened by the caller
 * into the index terms it may stand for (MiniSearch's prefix and fuzzy matches, with their weights).
 */
export class PostingScorer {
  private readonly postings = new Map<string, (FieldPostings | undefined)[]>();
  private readonly ids: number[];
  /** Scratch space reused by every query (scoring is synchronous, so one query at a time). */
  private readonly total: Float64Array;
  private readonly termScore: Float64Array;
  /** The term a section was last scored for, so its fields add up into one per-term score. */
  private readonly seenInTerm: Uint32Array;
  private termStamp = 0;

  /**
   * @param saved the MiniSearch index as plain data (`toJSON`)
   * @param fieldBoosts boost of each field, in the order of the index's fields
   */
  constructor(
    saved: AsPlainObject,
    private readonly fieldBoosts: readonly number[],
  ) {
    const shortIds = Object.keys(saved.documentIds).map(Number);
    const size = Math.max(0, ...shortIds) + 1;
    this.ids = new Array<number>(size).fill(-1);
    for (const shortId of shortIds) this.ids[shortId] = Number(saved.documentIds[shortId]);
    this.total = new Float64Array(size);
    this.termScore = new Float64Array(size);
    this.seenInTerm = new Uint32Array(size);
    const fieldLength = saved.fieldLength as Record<string, number[]>;
    const average = saved.averageFieldLength;
    const documentCount = saved.documentCount;
    for (const [term, byField] of saved.index) {
      const fields: (FieldPostings | undefined)[] = [];
      for (const [fieldId, freqs] of Object.entries(byField)) {
        const entries = Object.entries(freqs as Record<string, number>);
        const docs = new Int32Array(entries.length);
        const scores = new Float64Array(entries.length);
        const matching = entries.length;
        const avg = average[Number(fieldId)] ?? 1;
        entries.forEach(([doc, termFreq], i) => {
          const length = fieldLength[doc]?.[Number(fieldId)] ?? 0;
          docs[i] = Number(doc);
          scores[i] = bm25(termFreq, matching, documentCount, length, avg);
        });
        fields[Number(fieldId)] = { docs, scores };
      }
      this.postings.set(term, fields);
    }
  }

  /**
   * Sections matching any of `terms`, best first; ties keep the order MiniSearch gives them.
   * `ideaOf` groups query terms for the count of terms matched: a synonym or another form added
   * for a customer's word does not count as a second match. Without it every term is its own
   * idea, as in MiniSearch.
   */
  search(
    terms: readonly string[],
    boostOf: (term: string) => number,
    derive: (term: string) => readonly DerivedTerm[],
    ideaOf: (term: string) => string = (term) => term,
  ): ScoredSection[] {
    /** The query terms each section matched, in the order sections were first matched. */
    const queryTerms = new Map<number, string[]>();
    for (const term of terms) {
      const termBoost = boostOf(term);
      this.termStamp += 1;
      const stamp = this.termStamp;
      const touched: number[] = [];
      // The derived terms, then the fields in index order, as MiniSearch walks them, so that each
      // sum adds up in the same order and gives the very same score.
      for (const [derived, termWeight] of derive(term)) {
        const fields = this.postings.get(derived);
        if (!fields) continue;
        for (let field = 0; field < this.fieldBoosts.length; field += 1) {
          const postings = fields[field];
          if (!postings) continue;
          const weight = termWeight * termBoost * (this.fieldBoosts[field] ?? 1) * 1;
          const { docs, scores } = postings;
          for (let i = 0; i < docs.length; i += 1) {
            const doc = docs[i] as number;
            const score = weight * (scores[i] as number);
            if (this.seenInTerm[doc] === stamp) {
              this.termScore[doc] = (this.termScore[doc] as number) + score;
            } else {
              this.seenInTerm[doc] = stamp;
              this.termScore[doc] = score;
              touched.push(doc);
            }
          }
        }
      }
      for (const doc of touched) {
        const matched = queryTerms.get(doc);
        if (matched) {
          this.total[doc] = (this.total[doc] as number) + (this.termScore[doc] as number);
          matched.push(term);
        } else {
          this.total[doc] = this.termScore[doc] as number;
          queryTerms.set(doc, [term]);
        }
      }
    }
    // MiniSearch multiplies by the number of query terms matched (here: ideas); a Map keeps
    // first-match order, which the stable sort keeps for ties.
    const results = [...queryTerms].map(([doc, matched]) => ({
      id: this.ids[doc] as number,
      score: (this.total[doc] as number) * ideasIn(matched, ideaOf),
      queryTerms: matched,
    }));
    return results.sort((a, b) => b.score - a.score);
  }
}

/** How many distinct ideas the matched terms stand for. */
function ideasIn(matched: readonly string[], ideaOf: (term: string) => string): number {
  if (matched.length === 1) return 1;
  return new Set(matched.map(ideaOf)).size;
}

/** MiniSearch's BM25+ for one term in one field of one document, operation for operation. */
function bm25(termFreq: number, matching: number, total: number, length: number, average: number): number {
  const { k, b, d } = BM25;
  const invDocFreq = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
  return invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * length) / average)));
}
