import type { AsPlainObject } from 'minisearch';
import { MatchTally, type Matches } from './match-tally';

/** MiniSearch's BM25+ defaults, which the docs index uses. */
export const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;

/** The postings of one term in one field: documents and their precomputed BM25+ scores. */
interface FieldPostings {
  docs: Int32Array;
  scores: Float64Array;
}

/** An index term a query term stands for, and how much it counts (1 for the term itself). */
export type DerivedTerm = readonly [term: string, weight: number];

/** The most query terms scored: one bit each in a 32-bit word. */
export const MAX_QUERY_TERMS = 32;

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
  /** The query's matches so far (scoring is synchronous, so one query at a time). */
  private readonly tally: MatchTally;
  /** Each section's score for the term being scored, and the sections it touched. */
  private readonly termScore: Float64Array;
  private readonly touched: Int32Array;
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
    this.tally = new MatchTally(saved);
    const size = this.tally.size;
    this.termScore = new Float64Array(size);
    this.touched = new Int32Array(size);
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
   * Scores every section matching any of `terms` into scratch arrays that the next query
   * overwrites: no object per section, which kept the garbage collector busy on common words.
   * `ideaOf` groups query terms for the count of terms matched: a synonym or another form added
   * for a customer's word does not count as a second match. Without it every term is its own
   * idea, as in MiniSearch. Only the first `MAX_QUERY_TERMS` terms are scored.
   */
  match(
    terms: readonly string[],
    boostOf: (term: string) => number,
    derive: (term: string) => readonly DerivedTerm[],
    ideaOf: (term: string) => string = (term) => term,
  ): Matches {
    // The scratch arrays in locals: the loops below run once per posting of every query term.
    const { tally, termScore, touched, seenInTerm, fieldBoosts } = this;
    tally.start();
    const scored = terms.slice(0, MAX_QUERY_TERMS);
    for (let termIndex = 0; termIndex < scored.length; termIndex += 1) {
      const term = scored[termIndex] as string;
      const termBit = (1 << termIndex) >>> 0;
      const ideaBit = tally.ideaBit(ideaOf(term));
      const termBoost = boostOf(term);
      this.termStamp += 1;
      const stamp = this.termStamp;
      let touchedCount = 0;
      // The derived terms, then the fields in index order, as MiniSearch walks them, so that each
      // sum adds up in the same order and gives the very same score.
      for (const [derived, termWeight] of derive(term)) {
        const fields = this.postings.get(derived);
        if (!fields) continue;
        for (let field = 0; field < fieldBoosts.length; field += 1) {
          const postings = fields[field];
          if (!postings) continue;
          const weight = termWeight * termBoost * (fieldBoosts[field] ?? 1) * 1;
          const { docs, scores } = postings;
          for (let i = 0; i < docs.length; i += 1) {
            const doc = docs[i] as number;
            const score = weight * (scores[i] as number);
            if (seenInTerm[doc] === stamp) {
              termScore[doc] = (termScore[doc] as number) + score;
            } else {
              seenInTerm[doc] = stamp;
              termScore[doc] = score;
              touched[touchedCount] = doc;
              touchedCount += 1;
            }
          }
        }
      }
      for (let i = 0; i < touchedCount; i += 1) {
        const doc = touched[i] as number;
        tally.add(doc, termScore[doc] as number, termBit, ideaBit);
      }
    }
    // MiniSearch multiplies by the number of query terms matched (here: ideas).
    return tally.finish(scored);
  }

  /**
   * Sections matching any of `terms`, best first, as objects; ties keep the order MiniSearch
   * gives them (first match first).
   */
  search(
    terms: readonly string[],
    boostOf: (term: string) => number,
    derive: (term: string) => readonly DerivedTerm[],
    ideaOf?: (term: string) => string,
  ): ScoredSection[] {
    const matches = this.match(terms, boostOf, derive, ideaOf);
    const results: ScoredSection[] = [];
    for (let i = 0; i < matches.count; i += 1) {
      const doc = matches.order[i] as number;
      results.push({
        id: matches.ids[doc] as number,
        score: matches.score[doc] as number,
        queryTerms: termsOf(matches, doc),
      });
    }
    return results.sort((a, b) => b.score - a.score);
  }
}

/** The query terms one matched section contains. */
export function termsOf(matches: Matches, doc: number): string[] {
  const bits = matches.termBits[doc] as number;
  return matches.terms.filter((_, i) => (bits >>> i) & 1);
}

/** MiniSearch's BM25+ for one term in one field of one document, operation for operation. */
function bm25(termFreq: number, matching: number, total: number, length: number, average: number): number {
  const { k, b, d } = BM25;
  const invDocFreq = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
  return invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * length) / average)));
}
