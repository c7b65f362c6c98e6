import { DocsIndex } from '../../src/knowledge/docs-index';
import type { DocSection } from '../../src/knowledge/docs-section';
import { SpellingCorrector } from '../../src/knowledge/spelling-correction';

const docsWords = new Map([
  ['portal', 40],
  ['portals', 2],
  ['customer', 90],
  ['where', 30],
  ['read', 12],
  ['supply', 5],
]);
const corrector = new SpellingCorrector(docsWords, (token) => token === 'supplier');

describe('spelling correction against the docs vocabulary', () => {
  it('fixes a swapped, dropped or doubled letter to the docs word', () => {
    expect(corrector.correct('protal')).toBe('portal');
    expect(corrector.correct('cstomer')).toBe('customer');
    expect(corrector.correct('customerr')).toBe('customer');
    expect(corrector.correct('whree')).toBe('where');
  });

  it('prefers the more frequent docs word when two are one edit away', () => {
    expect(corrector.correct('portale')).toBe('portal');
  });

  it('leaves known words, other forms of docs words, short words and first-letter changes alone', () => {
    expect(corrector.correct('portal')).toBe('portal');
    expect(corrector.correct('supplier')).toBe('supplier');
    expect(corrector.correct('reed')).toBe('reed');
    expect(corrector.correct('bread')).toBe('bread');
    expect(corrector.correct('banana')).toBe('banana');
  });

  it('finds the page for a question with a typo in its key word', () => {
    const section = (id: number, pagePath: string, title: string, text: string): DocSection => ({
      id,
      pagePath,
      pageTitle: title,
      headingPath: [title],
      url: `https://docs.example.com/${pagePath}`,
      text,
      aliases: [],
    });
    const index = DocsIndex.build(
      [
        section(0, 'invoices.md', 'Invoices', 'Customers download invoices from the portal.'),
        section(1, 'routing.md', 'Routing', 'Routes send calls to carriers by prefix.'),
      ],
      new Map(),
    );
    expect(index.analyze('where are my invocies').ownTerms).toEqual(index.analyze('invoices').ownTerms);
    expect(index.rankPages(index.analyze('invocies'), 2)[0]?.section.pagePath).toBe('invoices.md');
  });
});
