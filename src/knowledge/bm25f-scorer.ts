import type { AsPlainObject } from 'minisearch';
import { MatchTally, type Matches } from './match-tally';
import { BM25, MAX_QUERY_TERMS, type DerivedTerm } from './posting-scorer';

/**
 * BM25F (Robertson & Zaragoza): a term's frequencies in a section's fields are weighted, each
 * normalised by its field's length, and summed into one frequency that is saturated once.
 *
 * Scoring each field apart and adding the boosted scores (MiniSearch's way) lets a common word
 * that is in a page's title, a heading and the text count up to six times over, enough to outrank
 * a section holding the question's rarer words. Saturating the weighted sum keeps a title match
 * worth more than a text match while a word's score stays bounded by its rarity.
 *
 * Nothing here depends on the query, so each term's postings hold final scores computed at load;
 * a query adds them up as `PostingScorer` does, and multiplies by the ideas matched.
 */
export class Bm25fScorer {
  private readonly postings = new Map<string, { docs: Int32Array; scores: Float64Array }>();
  /** The query's matches so far (scoring is synchronous, so one query at a time). */
  private readonly tally: MatchTally;

  /**
   * @param saved the MiniSearch index as plain data (`toJSON`)
   * @param fieldWeights weight of each field, in the order of the index's fields
   */
  constructor(saved: AsPlainObject, fieldWeights: readonly number[]) {
    this.tally = new MatchTally(saved);
    const size = this.tally.size;
    const fieldLength = saved.fieldLength as Record<string, number[]>;
    const average = saved.averageFieldLength;
    const documentCount = saved.documentCount;
    const weighted = new Float64Array(size);
    const touched = new Int32Array(size);
    const seen = new Uint32Array(size);
    let stamp = 0;
    for (const [term, byField] of saved.index) {
      stamp += 1;
      let count = 0;
      for (const [fieldId, freqs] of Object.entries(byField)) {
        const field = Number(fieldId);
        const weight = fieldWeights[field] ?? 1;
        const avg = average[field] || 1;
        for (const [doc, termFreq] of Object.entries(freqs as Record<string, number>)) {
          const d = Number(doc);
          const length = fieldLength[doc]?.[field] ?? 0;
          const normalised = (weight * termFreq) / (1 - BM25.b + (BM25.b * length) / avg);
          if (seen[d] !== stamp) {
            seen[d] = stamp;
            weighted[d] = normalised;
            touched[count] = d;
            count += 1;
          } else weighted[d] = (weighted[d] as number) + normalised;
        }
      }
      const idf = Math.log(1 + (documentCount - count + 0.5) / (count + 0.5));
      const docs = touched.slice(0, count);
      const scores = new Float64Array(count);
      for (let i = 0; i < count; i += 1) scores[i] = bm25f(weighted[docs[i] as number] as number, idf);
      this.postings.set(term, { docs, scores });
    }
  }

  /**
   * Scores every section matching any of `terms` into scratch arrays that the next query
   * overwrites, in `PostingScorer.match`'s shape: each term's score is the weighted sum over the
   * index terms `derive` gives for it, times its boost; a section's score is the sum over terms
   * times the number of ideas it matched (`ideaOf` groups a word with the forms added for it).
   */
  match(
    terms: readonly string[],
    boostOf: (term: string) => number,
    derive: (term: string) => readonly DerivedTerm[],
    ideaOf: (term: string) => string = (term) => term,
  ): Matches {
    const { tally } = this;
    tally.start();
    const scored = terms.slice(0, MAX_QUERY_TERMS);
    scored.forEach((term, termIndex) => {
      const termBit = (1 << termIndex) >>> 0;
      const ideaBit = tally.ideaBit(ideaOf(term));
      const termBoost = boostOf(term);
      for (const [derived, derivedWeight] of derive(term)) {
        const postings = this.postings.get(derived);
        if (!postings) continue;
        const weight = derivedWeight * termBoost;
        const { docs, scores } = postings;
        for (let i = 0; i < docs.length; i += 1) {
          tally.add(docs[i] as number, weight * (scores[i] as number), termBit, ideaBit);
        }
      }
    });
    return tally.finish(scored);
  }
}

/** BM25+ of a field-weighted, length-normalised frequency. */
export function bm25f(weightedFrequency: number, idf: number): number {
  const { k, d } = BM25;
  return idf * (d + (weightedFrequency * (k + 1)) / (weightedFrequency + k));
}
