import MiniSearch from 'minisearch';
import { Bm25fScorer, bm25f } from '../../src/knowledge/bm25f-scorer';
import { PostingScorer } from '../../src/knowledge/posting-scorer';

interface Doc {
  id: number;
  title: string;
  text: string;
}

/** A tiny index in the docs index's shape (two fields, terms as given) and its field weights. */
function indexOver(docs: Doc[], weights = { title: 3, text: 1 }) {
  const search = new MiniSearch<Doc>({ fields: ['title', 'text'], tokenize: (text) => text.split(' ') });
  search.addAll(docs);
  const saved = search.toJSON();
  const fieldWeights: number[] = [];
  for (const [field, weight] of Object.entries(weights)) fieldWeights[saved.fieldIds[field] ?? 0] = weight;
  return { saved, fieldWeights };
}

function scorerOver(docs: Doc[]): Bm25fScorer {
  const { saved, fieldWeights } = indexOver(docs);
  return new Bm25fScorer(saved, fieldWeights);
}

const exact = (term: string) => [[term, 1] as const];
const one = () => 1;

/** Section ids and scores of a query, best first. */
function ranked(scorer: Bm25fScorer, terms: string[], ideaOf?: (term: string) => string) {
  const matches = scorer.match(terms, one, exact, ideaOf);
  const out: { id: number; score: number }[] = [];
  for (let i = 0; i < matches.count; i += 1) {
    const doc = matches.order[i] as number;
    out.push({ id: matches.ids[doc] as number, score: matches.score[doc] as number });
  }
  return out.sort((a, b) => b.score - a.score);
}

describe('BM25F scorer', () => {
  it('saturates a frequency once, so it grows with the frequency but never past its bound', () => {
    const idf = 2;
    expect(bm25f(0, idf)).toBeCloseTo(idf * 0.5);
    expect(bm25f(2, idf)).toBeGreaterThan(bm25f(1, idf));
    expect(bm25f(1000, idf)).toBeLessThan(idf * (1.2 + 1 + 0.5));
  });

  it('keeps a common word found in every field from outranking a section with the rare words', () => {
    const docs: Doc[] = [
      { id: 0, title: 'call', text: 'call call call setup' },
      { id: 1, title: 'billing', text: 'call invoice refund' },
      ...Array.from({ length: 8 }, (_, i) => ({ id: i + 2, title: `page${i}`, text: `call filler${i}` })),
    ];
    const [first] = ranked(scorerOver(docs), ['call', 'refund']);
    expect(first?.id).toBe(1);
    // Scored field by field with the same boosts added up, the common word wins.
    const { saved, fieldWeights } = indexOver(docs);
    const fieldwise = new PostingScorer(saved, fieldWeights).search(['call', 'refund'], one, exact);
    expect(fieldwise[0]?.id).toBe(0);
  });

  it('weighs a title match above the same match in the text', () => {
    const docs: Doc[] = [
      { id: 0, title: 'routing', text: 'about numbers' },
      { id: 1, title: 'numbers', text: 'about routing' },
      { id: 2, title: 'other', text: 'unrelated words here' },
    ];
    const [first, second] = ranked(scorerOver(docs), ['routing']);
    expect(first?.id).toBe(0);
    expect(second?.id).toBe(1);
    expect(first?.score).toBeGreaterThan(second?.score ?? Infinity);
  });

  it('counts a word and a form added for it as one idea matched, not two', () => {
    const docs: Doc[] = [
      { id: 0, title: 'a', text: 'register registration' },
      { id: 1, title: 'b', text: 'nothing here' },
    ];
    const scorer = scorerOver(docs);
    const apart = ranked(scorer, ['register', 'registration'])[0]?.score ?? 0;
    const together = ranked(scorer, ['register', 'registration'], () => 'register')[0]?.score ?? 0;
    expect(apart).toBeCloseTo(2 * together);
  });

  it('scales a derived term by its weight and a query term by its boost', () => {
    const docs: Doc[] = [
      { id: 0, title: 'x', text: 'transcript' },
      { id: 1, title: 'y', text: 'other' },
    ];
    const scorer = scorerOver(docs);
    const full = scorer.match(['transcript'], one, exact);
    const fullScore = full.score[full.order[0] as number] as number;
    const widened = scorer.match(
      ['transcrpt'],
      () => 0.5,
      () => [['transcript', 0.4] as const],
    );
    expect(widened.count).toBe(1);
    expect(widened.score[widened.order[0] as number] as number).toBeCloseTo(fullScore * 0.5 * 0.4);
  });
});
