import type { DerivedTerm } from './posting-scorer';

/**
 * The widened forms of unknown words (typos, truncations), kept across questions for one index.
 * Widening is a fuzzy walk of the whole term tree, the slowest step of a question, and its result
 * depends only on the word and the index, which never changes (a reload builds a new knowledge base
 * and with it a new memo). Customers repeat their typos and the same unknown words (names, numbers),
 * so most are worked out once. Bounded: when full it is emptied, and the common ones come back.
 */
export class WidenedTerms extends Map<string, DerivedTerm[]> {
  constructor(private readonly capacity: number) {
    super();
  }

  override set(term: string, derived: DerivedTerm[]): this {
    if (this.size >= this.capacity && !this.has(term)) this.clear();
    return super.set(term, derived);
  }
}
