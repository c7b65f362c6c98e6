import type { AsPlainObject } from 'minisearch';

/**
 * The sections one query matched, in the scorer's scratch arrays (valid until its next query).
 * Arrays are indexed by the scorer's internal document number.
 */
export interface Matches {
  /** How many sections matched; `order[0..count)` holds them in first-match order. */
  count: number;
  order: Int32Array;
  /** Score of each matched section (BM25+ sum times the ideas matched). */
  score: Float64Array;
  /** Bit i set when the section matched `terms[i]`. */
  termBits: Uint32Array;
  /** Section id of each internal document number. */
  ids: readonly number[];
  /** The query terms scored, in bit order. */
  terms: readonly string[];
}

/**
 * What a query matched, added up section by section in scratch arrays that the next query
 * overwrites (no object per section): each section's total over the query's terms, which terms
 * and which ideas it matched, and the order sections were first matched in. Both keyword scorers
 * (`PostingScorer`, `Bm25fScorer`) tally their terms' scores here, so they match the same sections
 * under the same internal numbers.
 */
export class MatchTally {
  /** Section id of each internal document number (-1 for numbers MiniSearch left unused). */
  readonly ids: number[];
  private readonly total: Float64Array;
  private readonly score: Float64Array;
  private readonly termBits: Uint32Array;
  private readonly ideaBits: Uint32Array;
  private readonly order: Int32Array;
  /** The query a section was last matched in, so its bits and total start afresh per query. */
  private readonly seenInQuery: Uint32Array;
  private queryStamp = 0;
  private count = 0;
  /** The query's ideas so far, in bit order. */
  private ideas: string[] = [];

  /** @param saved the MiniSearch index as plain data (`toJSON`), for its document numbers */
  constructor(saved: AsPlainObject) {
    const shortIds = Object.keys(saved.documentIds).map(Number);
    const size = Math.max(0, ...shortIds) + 1;
    this.ids = new Array<number>(size).fill(-1);
    for (const shortId of shortIds) this.ids[shortId] = Number(saved.documentIds[shortId]);
    this.total = new Float64Array(size);
    this.score = new Float64Array(size);
    this.termBits = new Uint32Array(size);
    this.ideaBits = new Uint32Array(size);
    this.order = new Int32Array(size);
    this.seenInQuery = new Uint32Array(size);
  }

  /** How many document numbers there are (the size of per-document arrays). */
  get size(): number {
    return this.ids.length;
  }

  /** Starts a new query: every section's total and bits start afresh. */
  start(): void {
    this.queryStamp += 1;
    this.count = 0;
    this.ideas = [];
  }

  /** The bit of an idea (a customer's word and the forms added for it) in this query. */
  ideaBit(idea: string): number {
    let index = this.ideas.indexOf(idea);
    if (index < 0) index = this.ideas.push(idea) - 1;
    return (1 << index) >>> 0;
  }

  /** Adds a term's score for a section, marking the term's and its idea's bits. */
  add(doc: number, score: number, termBit: number, ideaBit: number): void {
    if (this.seenInQuery[doc] === this.queryStamp) {
      this.total[doc] = (this.total[doc] as number) + score;
      this.termBits[doc] = ((this.termBits[doc] as number) | termBit) >>> 0;
      this.ideaBits[doc] = ((this.ideaBits[doc] as number) | ideaBit) >>> 0;
    } else {
      this.seenInQuery[doc] = this.queryStamp;
      this.total[doc] = score;
      this.termBits[doc] = termBit;
      this.ideaBits[doc] = ideaBit;
      this.order[this.count] = doc;
      this.count += 1;
    }
  }

  /** The query's matches: each section's total times the ideas it matched, as MiniSearch counts. */
  finish(terms: readonly string[]): Matches {
    for (let i = 0; i < this.count; i += 1) {
      const doc = this.order[i] as number;
      this.score[doc] = (this.total[doc] as number) * bitCount(this.ideaBits[doc] as number);
    }
    return {
      count: this.count,
      order: this.order,
      score: this.score,
      termBits: this.termBits,
      ids: this.ids,
      terms,
    };
  }
}

/** Set bits of a 32-bit word. */
export function bitCount(word: number): number {
  let bits = word >>> 0;
  let count = 0;
  while (bits !== 0) {
    bits &= bits - 1;
    count += 1;
  }
  return count;
}
