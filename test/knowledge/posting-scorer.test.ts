import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type MiniSearch from 'minisearch';
import { loadKnowledgeBase } from '../../src/knowledge';
import type { DocsIndex } from '../../src/knowledge/docs-index';
import type { DocSection } from '../../src/knowledge/docs-section';

const KB_DIR = path.join(__dirname, '..', '..', 'kb');
const SHARED_KB = path.join(__dirname, '..', '..', '..', 'shared', 'kb', 'connexcs-docs');

/** Known words, common words, typos and truncations (the widened path), and nonsense. */
const QUESTIONS = [
  'What are your business hours?',
  'how do i reach support on telegram',
  'customer calls drop after 30 seconds, where do I look',
  'phone suport hours',
  'teleg bot suppo',
  'recieve faxs on my didd',
  'wht is the anual pricng for trunkz',
  'cdrs exprt csv',
  'whitelabl portl brandng',
  'one way audio on calls through you',
  'zzqx wvvk',
  'hey hows your day going lol',
];

// The index scores from postings it precomputes instead of asking MiniSearch; these pin that to
// MiniSearch's own scores, bit for bit and in the same order, so rankings cannot drift.
describe('posting scorer', () => {
  const corpora = [KB_DIR, ...(fs.existsSync(SHARED_KB) ? [SHARED_KB] : [])];

  it.each(corpora)(
    'scores every question exactly as MiniSearch does, built and restored (%s)',
    async (dir) => {
      const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-scorer-'));
      try {
        for (let pass = 0; pass < 2; pass += 1) {
          const kb = await loadKnowledgeBase({ dir, baseUrl: 'https://docs.example.com', cacheDir });
          expect(kb.stats().fromCache).toBe(pass === 1);
          const index = kb.docs.index as unknown as Internals;
          for (const question of QUESTIONS) {
            const query = index.analyze(question);
            const terms = [...query.terms.keys()];
            const own = new Set(query.ownTerms);
            const boostTerm = (term: string) => query.terms.get(term) ?? 1;
            const unknown = (term: string, min: number) =>
              own.has(term) && term.length >= min && !index.knows(term);
            const reference = index.search.search(terms.join(' '), {
              boostTerm,
              fuzzy: (term) => (unknown(term, 4) ? 0.25 : false),
              prefix: (term) => unknown(term, 3),
              weights: { fuzzy: 0.5, prefix: 0.4 },
              boost: { title: 3, headings: 2, text: 1 },
            });
            const derive = (term: string) =>
              unknown(term, 3) ? index.widen(term, term.length >= 4) : [[term, 1] as const];
            const scored = index.scorer.search(terms, boostTerm, derive);
            expect(scored.map((r) => [r.id, r.score, [...r.queryTerms].sort()])).toEqual(
              reference.map((r) => [Number(r.id), r.score, [...r.queryTerms].sort()]),
            );
          }
        }
      } finally {
        fs.rmSync(cacheDir, { recursive: true, force: true });
      }
    },
  );
});

/** The private parts of the index this test compares (reached through a cast, tests only). */
type Internals = Pick<DocsIndex, 'analyze' | 'knows'> & {
  search: MiniSearch<DocSection>;
  scorer: {
    search(
      terms: string[],
      boost: (term: string) => number,
      derive: (term: string) => readonly (readonly [string, number])[],
    ): { id: number; score: number; queryTerms: string[] }[];
  };
  widen(term: string, fuzzy: boolean): [string, number][];
};
