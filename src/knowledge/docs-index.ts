import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import type { Glossary } from './corpus-glossary';
import type { DocSection } from './docs-section';
import { LatentSemantics } from './latent-semantics';
import { Bm25fScorer } from './bm25f-scorer';
import { PostingScorer, type DerivedTerm } from './posting-scorer';
import { QueryAnalyzer, type AnalyzedQuery } from './query-analyzer';
import { SpellingCorrector } from './spelling-correction';
import { sameFamily, termFamilies } from './term-variants';
import { indexTerm, indexTerms, tokenize } from './text-terms';

/** One page found for a query, represented by its best section. */
export interface RankedPage {
  section: DocSection;
  /** BM25 score of the page (best section plus a share of the next ones), which orders the pages. */
  score: number;
  /**
   * The score with the page-size prior's division taken back (the latent share is scaled along
   * with it, so this is close to, not exactly, the score without the prior): how strongly the page
   * matches, which the answer evidence weighs (the prior says which page to prefer, not how sure
   * the match is).
   */
  matchScore: number;
  /** Share of the customer's own words (weighted by rarity) that the page's sections contain. */
  coverage: number;
  /** The customer's own terms the page matched (directly or through an added term). */
  covered: string[];
}

/**
 * Index fields and their boosts: a word in a title says more than one in a paragraph. A word in
 * one of the team's questions for the section (`page-questions.ts`) counts as one in its text: the
 * questions say what the section is about in other words, no more surely than the text does. Set
 * in advance; other values were measured on the team's held-out questions only (README).
 */
const FIELD_BOOSTS = { title: 3, headings: 2, text: 1, questions: 1 } as const;
/** An acronym found in fewer sections than this is spelled out in queries. */
const RARE_ACRONYM_SECTIONS = 8;
/** Score bonus per pair of the customer's words found side by side ("business hours"). */
const PHRASE_BONUS = 0.2;
const MAX_PHRASES = 3;
/**
 * Share of a section's keyword score taken from BM25F (fields weighted, then saturated once; see
 * `Bm25fScorer`), the rest from BM25 per field with additive boosts (MiniSearch's way). The two
 * rank many questions differently, each right where the other is wrong about as often, so each is
 * given half: fixed in advance, not fitted on any question set (0.3 and 0.7 were only measured to
 * see how much it matters; see the README's retrieval figures).
 */
const FIELD_SATURATED_SHARE = 0.5;
/** How much the second-best section of a page adds to the page's score. */
const SECOND_SECTION_SHARE = 0.3;
/**
 * Weight of the latent-space similarity of a page's best section (a cosine, at most 1) beside its
 * BM25 score scaled to the best page's (so at most 1 too). Compared at 0.3, 0.6 and 1.0 on the
 * team's held-out questions and their noisy copy, not on the development questions.
 */
const LATENT_WEIGHT = 0.6;
/**
 * A page's keyword score is divided by 1 + this times the natural log of its size: its sections
 * plus the other pages it links to, the subjects it touches. A page scores by its best section,
 * and the best of many sections matches a few of a question's words by chance more often than the
 * best of few (the expected maximum of n draws grows like log n), so without it a long guide that
 * touches every feature, or a home page that lists them all, outranks the page about the question.
 * Chosen by 5-fold cross-validation (mean reciprocal rank; every fold chose it) over the
 * development questions and the team's held-out questions pooled, from 0, 0.1, ..., 0.5;
 * `npm run eval` cross-validates it on its own questions too. Every fold chose 0.4 before the
 * team's page questions (`page-questions.ts`), 0.2 with their first two rounds and 0.4 again with
 * all three: the choice is flat between 0.2 and 0.4 (within a question either way). See the
 * README's retrieval figures.
 */
export const PAGE_SIZE_PRIOR = 0.4;
/** How an unknown word is widened: fuzzy distance per letter (at most 6), and the weights. */
const FUZZY = 0.25;
const MAX_FUZZY = 6;
const FUZZY_WEIGHT = 0.5;
const PREFIX_WEIGHT = 0.4;

const MINISEARCH_OPTIONS: Options<DocSection> = {
  fields: ['title', 'headings', 'text', 'questions'],
  storeFields: [],
  extractField: (section, field) => {
    if (field === 'title') return [section.pageTitle, ...section.aliases].join(' ');
    if (field === 'headings') return section.headingPath.slice(1).join(' ');
    if (field === 'text') return section.text;
    if (field === 'questions') return (section.questions ?? []).join(' ');
    return String(section[field as keyof DocSection]);
  },
  // The index stores stemmed terms; queries arrive already analyzed, one term per space.
  tokenize: (text) => indexTerms(text),
  processTerm: (term) => term,
  searchOptions: { tokenize: (text) => text.split(' '), processTerm: (term) => term },
};

/**
 * Widened forms of unknown words (a map for one question, or a bounded cache kept across questions):
 * fuzzy lookups are the slowest step of a query, and both the ranking and the answer evidence ask
 * for them.
 */
export interface WidenMemo {
  get(term: string): DerivedTerm[] | undefined;
  set(term: string, derived: DerivedTerm[]): void;
}

/** What `widen` uses of MiniSearch's radix tree of index terms (its `SearchableMap`). */
interface TermTree {
  atPrefix(prefix: string): Iterable<[string, unknown]>;
  fuzzyGet(term: string, maxDistance: number): Map<string, [unknown, number]>;
}

/** The search index over the docs' sections, with the analyzer that shapes queries for it. */
export class DocsIndex {
  private readonly analyzer: QueryAnalyzer;
  private readonly documentFrequency: Map<string, number>;
  /**
   * For the phrase bonus: the sections holding each adjacent term pair. Looking up a question's few
   * pairs here beats probing every matching section's own pair set (hundreds of cache misses).
   */
  private readonly bigramSections: Map<string, number[]>;
  /** Queries are scored from postings precomputed at load; see `PostingScorer`. */
  private readonly scorer: PostingScorer;
  /** The same sections scored with the fields saturated together; see `FIELD_SATURATED_SHARE`. */
  private readonly fieldScorer: Bm25fScorer;
  /** Page number of each section id, and per-page scratch space reused by every query. */
  private readonly pageOf: number[];
  private readonly pageScratch: {
    best: Float64Array;
    bestDoc: Int32Array;
    second: Float64Array;
    termBits: Uint32Array;
    stamp: Uint32Array;
  };
  private pageStamp = 0;
  /** The docs in a latent space, for questions worded otherwise than the docs. */
  private readonly latent: LatentSemantics;
  private readonly similarity: Float64Array;
  private readonly pageLatent: Float64Array;
  /** Natural log of each page's size (sections plus pages linked to), for `PAGE_SIZE_PRIOR`. */
  private readonly pageSizeLog: Float64Array;

  private constructor(
    readonly sections: readonly DocSection[],
    readonly glossary: Glossary,
    private readonly search: MiniSearch<DocSection>,
    saved: AsPlainObject = search.toJSON(),
  ) {
    const fieldIds = saved.fieldIds;
    const boosts: number[] = [];
    for (const [field, boost] of Object.entries(FIELD_BOOSTS)) boosts[fieldIds[field] ?? 0] = boost;
    this.scorer = new PostingScorer(saved, boosts);
    this.fieldScorer = new Bm25fScorer(saved, boosts);
    const pageNumbers = new Map<string, number>();
    this.pageOf = [];
    for (const section of sections) {
      let page = pageNumbers.get(section.pagePath);
      if (page === undefined) pageNumbers.set(section.pagePath, (page = pageNumbers.size));
      this.pageOf[section.id] = page;
    }
    const pages = pageNumbers.size;
    // A page's size: its sections, and the other pages it links to (each a subject it touches).
    const sectionCount = new Float64Array(pages);
    const linkedCount = new Float64Array(pages);
    for (const section of sections) {
      const page = this.pageOf[section.id];
      if (page === undefined) continue;
      sectionCount[page] = (sectionCount[page] as number) + 1;
      linkedCount[page] = section.linkedPages ?? 0;
    }
    this.pageSizeLog = sectionCount.map((count, page) =>
      Math.log(Math.max(1, count + (linkedCount[page] as number))),
    );
    this.pageScratch = {
      best: new Float64Array(pages),
      bestDoc: new Int32Array(pages),
      second: new Float64Array(pages),
      termBits: new Uint32Array(pages),
      stamp: new Uint32Array(pages),
    };
    const counted = countTerms(sections);
    this.documentFrequency = counted.documentFrequency;
    this.bigramSections = counted.bigramSections;
    this.latent = LatentSemantics.build(counted.sectionTerms);
    this.similarity = new Float64Array(sections.length);
    this.pageLatent = new Float64Array(pages);
    const families = termFamilies(this.documentFrequency.keys());
    this.analyzer = new QueryAnalyzer(
      glossary,
      (term) => (this.documentFrequency.get(term) ?? 0) < RARE_ACRONYM_SECTIONS,
      (term) => families.get(term) ?? [],
      new SpellingCorrector(counted.tokenFrequency, (token) => this.knowsForm(token)),
    );
  }

  /** Builds the index from ingested sections. */
  static build(sections: readonly DocSection[], glossary: Glossary): DocsIndex {
    const search = new MiniSearch<DocSection>(MINISEARCH_OPTIONS);
    search.addAll(sections);
    return new DocsIndex(sections, glossary, search);
  }

  /** Restores an index saved with `toJSON`. */
  static restore(sections: readonly DocSection[], glossary: Glossary, saved: AsPlainObject): DocsIndex {
    return new DocsIndex(sections, glossary, MiniSearch.loadJS<DocSection>(saved, MINISEARCH_OPTIONS), saved);
  }

  /** How many sections contain the exact index term. */
  sectionsWith(term: string): number {
    return this.documentFrequency.get(term) ?? 0;
  }

  /**
   * True when the docs hold the token's index term or another form of it: the term less a short
   * ending, of the same family (see `term-variants.ts`).
   */
  private knowsForm(token: string): boolean {
    const term = indexTerm(token);
    if (term === null || this.knows(term)) return true;
    for (let cut = 1; cut <= 3 && term.length - cut >= 4; cut += 1) {
      const shorter = term.slice(0, term.length - cut);
      if (this.knows(shorter) && sameFamily(shorter, term)) return true;
    }
    return false;
  }

  /**
   * The whole text of the heading section `section` is a slice of: a long section is indexed in
   * slices of about 220 words so that scores stay focused, but the sentences that answer may sit
   * in the slice beside the one that scored best (the slices of a section are consecutive).
   */
  wholeSectionText(section: DocSection): string {
    const sameSection = (other: DocSection | undefined): other is DocSection =>
      other !== undefined && other.url === section.url && other.pagePath === section.pagePath;
    let first = section.id;
    while (sameSection(this.sections[first - 1])) first -= 1;
    let last = section.id;
    while (sameSection(this.sections[last + 1])) last += 1;
    return this.sections
      .slice(first, last + 1)
      .map((slice) => slice.text)
      .join('\n');
  }

  /** True when some section contains the exact index term. */
  knows(term: string): boolean {
    return this.documentFrequency.has(term);
  }

  /** True when the docs hold a word that this one may be a typo or a truncation of. */
  knowsNear(term: string, memo?: WidenMemo): boolean {
    return term.length >= 3 && this.widen(term, term.length >= 4, memo).length > 1;
  }

  /** The MiniSearch index as plain data, for the on-disk cache. */
  toJSON(): AsPlainObject {
    return this.search.toJSON();
  }

  /** Turns a customer question into weighted index terms. */
  analyze(query: string): AnalyzedQuery {
    return this.analyzer.analyze(query);
  }

  /**
   * The index terms a word the docs do not have may stand for, weighted as MiniSearch weighs them
   * (its `prefix` and `fuzzy: 0.25` options with weights 0.4 and 0.5), in MiniSearch's order:
   * the word itself, then longer words it begins, then words within a small edit distance.
   */
  private widen(term: string, fuzzy: boolean, memo?: WidenMemo): DerivedTerm[] {
    const known = memo?.get(term);
    if (known) return known;
    const derived: DerivedTerm[] = [[term, 1]];
    memo?.set(term, derived);
    const maxDistance = fuzzy ? Math.min(MAX_FUZZY, Math.round(term.length * FUZZY)) : 0;
    const fuzzyMatches = maxDistance ? this.terms.fuzzyGet(term, maxDistance) : undefined;
    for (const [candidate] of this.terms.atPrefix(term)) {
      const distance = candidate.length - term.length;
      if (!distance) continue;
      fuzzyMatches?.delete(candidate);
      derived.push([candidate, (PREFIX_WEIGHT * candidate.length) / (candidate.length + 0.3 * distance)]);
    }
    for (const [candidate, [, distance]] of fuzzyMatches ?? []) {
      if (!distance) continue;
      derived.push([candidate, (FUZZY_WEIGHT * candidate.length) / (candidate.length + distance)]);
    }
    return derived;
  }

  /** MiniSearch's term tree (a protected member): prefix and fuzzy lookups of index terms. */
  private get terms(): TermTree {
    return (this.search as unknown as { _index: TermTree })._index;
  }

  /** Inverse document frequency of a term (BM25's form): rare terms count more toward coverage. */
  idf(term: string): number {
    const n = this.sections.length;
    const df = this.documentFrequency.get(term) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Pages best first for an analyzed query, one entry per page. */
  rankPages(
    query: AnalyzedQuery,
    limit: number,
    memo?: WidenMemo,
    pageSizePrior = PAGE_SIZE_PRIOR,
  ): RankedPage[] {
    if (query.terms.size === 0) return [];
    const terms = [...query.terms.keys()];
    const own = new Set(query.ownTerms);
    const boostTerm = (term: string) => query.terms.get(term) ?? 1;
    // Typos and truncations make words the docs do not have; known words need no widening.
    const derive = (term: string): readonly DerivedTerm[] =>
      own.has(term) && term.length >= 3 && !this.knows(term)
        ? this.widen(term, term.length >= 4, memo)
        : [[term, 1]];
    const pairs = query.ownTerms.slice(1).map((term, i) => `${query.ownTerms[i] ?? ''} ${term}`);
    // A customer's word and the forms added for it are one idea: matching both is not two matches.
    const ideaOf = new Map<string, string>();
    for (const [term, added] of query.alternatives)
      for (const alt of added) if (!ideaOf.has(alt)) ideaOf.set(alt, term);
    const ideaOfTerm = (term: string) => ideaOf.get(term) ?? term;
    const matches = this.scorer.match(terms, boostTerm, derive, ideaOfTerm);
    // Both scorers match the same sections (the same postings) under the same internal numbers.
    const saturated = this.fieldScorer.match(terms, boostTerm, derive, ideaOfTerm).score;
    let topFieldwise = 0;
    let topSaturated = 0;
    for (let i = 0; i < matches.count; i += 1) {
      const doc = matches.order[i] as number;
      topFieldwise = Math.max(topFieldwise, matches.score[doc] as number);
      topSaturated = Math.max(topSaturated, saturated[doc] as number);
    }
    // Each scorer's scores over its best section, blended, on the field-wise scale that the
    // answer evidence ("strength") was calibrated on.
    const sectionScore = (doc: number): number =>
      topFieldwise === 0 || topSaturated === 0
        ? (matches.score[doc] as number)
        : topFieldwise *
          ((1 - FIELD_SATURATED_SHARE) * ((matches.score[doc] as number) / topFieldwise) +
            FIELD_SATURATED_SHARE * ((saturated[doc] as number) / topSaturated));
    const together = new Map<number, number>();
    for (const pair of pairs) {
      for (const id of this.bigramSections.get(pair) ?? []) together.set(id, (together.get(id) ?? 0) + 1);
    }
    // Best and second-best section of each page, and the terms any of its sections matched, in
    // scratch arrays by page number: no object per matched section.
    const { best, bestDoc, second, termBits, stamp } = this.pageScratch;
    this.pageStamp += 1;
    const touchedPages: number[] = [];
    for (let i = 0; i < matches.count; i += 1) {
      const doc = matches.order[i] as number;
      const id = matches.ids[doc] as number;
      const page = this.pageOf[id];
      if (page === undefined) continue;
      const phrases = together.get(id) ?? 0;
      const score = sectionScore(doc) * (phrases > 0 ? 1 + PHRASE_BONUS * Math.min(phrases, MAX_PHRASES) : 1);
      if (stamp[page] !== this.pageStamp) {
        stamp[page] = this.pageStamp;
        touchedPages.push(page);
        best[page] = score;
        bestDoc[page] = doc;
        second[page] = 0;
        termBits[page] = matches.termBits[doc] as number;
        continue;
      }
      termBits[page] = ((termBits[page] as number) | (matches.termBits[doc] as number)) >>> 0;
      // Ties go to the section matched first, as in a stable sort of MiniSearch's results.
      if (score > (best[page] as number)) {
        second[page] = best[page] as number;
        best[page] = score;
        bestDoc[page] = doc;
      } else if (score > (second[page] as number)) second[page] = score;
    }
    const bm25Score = (page: number): number =>
      ((best[page] as number) + SECOND_SECTION_SHARE * (second[page] as number)) /
      (1 + pageSizePrior * (this.pageSizeLog[page] as number));
    let topScore = 0;
    for (const page of touchedPages) topScore = Math.max(topScore, bm25Score(page));
    const useLatent = topScore > 0 && this.latent.similarities(query.terms, this.similarity);
    if (useLatent) {
      this.pageLatent.fill(-1);
      for (let id = 0; id < this.similarity.length; id += 1) {
        const page = this.pageOf[id];
        if (page !== undefined && (this.similarity[id] as number) > (this.pageLatent[page] as number))
          this.pageLatent[page] = this.similarity[id] as number;
      }
    }
    const pageScore = (page: number): number =>
      useLatent
        ? topScore *
          (bm25Score(page) / topScore + LATENT_WEIGHT * Math.max(0, this.pageLatent[page] as number))
        : bm25Score(page);
    const ownWeight = query.ownTerms.reduce((sum, term) => sum + this.idf(term), 0);
    // Coverage does not change the order, so it is computed for the pages kept only: a question
    // often matches hundreds of pages, and this was most of a question's time in `npm run bench`.
    return touchedPages
      .map((page) => ({ page, score: pageScore(page) }))
      .sort((a, b) => b.score - a.score || (best[b.page] as number) - (best[a.page] as number))
      .slice(0, limit)
      .map(({ page, score }) => {
        const bits = termBits[page] as number;
        const matched = new Set(matches.terms.filter((_, i) => (bits >>> i) & 1));
        const covered = query.ownTerms.filter(
          (term) =>
            matched.has(term) || [...(query.alternatives.get(term) ?? [])].some((alt) => matched.has(alt)),
        );
        const coverage =
          ownWeight === 0 ? 0 : covered.reduce((sum, term) => sum + this.idf(term), 0) / ownWeight;
        const section = this.sections[matches.ids[bestDoc[page] as number] as number] as DocSection;
        const matchScore = score * (1 + pageSizePrior * (this.pageSizeLog[page] as number));
        return { section, score, matchScore, coverage, covered };
      });
  }
}

/** Counts the sections containing each term and the docs' tokens, and indexes which sections hold each adjacent term pair. */
function countTerms(sections: readonly DocSection[]): {
  documentFrequency: Map<string, number>;
  bigramSections: Map<string, number[]>;
  tokenFrequency: Map<string, number>;
  sectionTerms: string[][];
} {
  const sectionTerms: string[][] = [];
  const documentFrequency = new Map<string, number>();
  const bigramSections = new Map<string, number[]>();
  const tokenFrequency = new Map<string, number>();
  for (const section of sections) {
    const text = [
      section.pageTitle,
      ...section.aliases,
      ...section.headingPath,
      section.text,
      ...(section.questions ?? []),
    ].join(' ');
    for (const token of tokenize(text)) tokenFrequency.set(token, (tokenFrequency.get(token) ?? 0) + 1);
    const terms = indexTerms(text);
    sectionTerms[section.id] = terms;
    for (const term of new Set(terms)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    const pairs = new Set<string>();
    for (let i = 1; i < terms.length; i++) pairs.add(`${terms[i - 1] ?? ''} ${terms[i] ?? ''}`);
    for (const pair of pairs) {
      const holders = bigramSections.get(pair);
      if (holders) holders.push(section.id);
      else bigramSections.set(pair, [section.id]);
    }
  }
  return { documentFrequency, bigramSections, tokenFrequency, sectionTerms };
}
