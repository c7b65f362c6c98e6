import { DocsIndex } from '../../src/knowledge/docs-index';
import type { DocSection } from '../../src/knowledge/docs-section';
import { SpellingCorrector } from '../../src/knowledge/spelling-correction';
import { mulberry32 } from '../../src/random/mulberry32';

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

/** Every string one Damerau edit away that keeps the first letter, in the corrector's order. */
function editsInOrder(word: string): string[] {
  const edits: string[] = [];
  for (let at = 1; at <= word.length; at += 1) {
    const head = word.slice(0, at);
    const tail = word.slice(at);
    if (tail) edits.push(head + tail.slice(1));
    if (tail.length > 1) edits.push(head + tail.charAt(1) + tail.charAt(0) + tail.slice(2));
    for (const letter of 'abcdefghijklmnopqrstuvwxyz') {
      if (tail) edits.push(head + letter + tail.slice(1));
      edits.push(head + letter + tail);
    }
  }
  return edits;
}

/** The rule the corrector states, spelled out candidate by candidate: most frequent, first tried on a tie. */
function plainCorrection(frequency: ReadonlyMap<string, number>, token: string): string {
  if (token.length < 5 || !/^[a-z]+$/.test(token) || frequency.has(token)) return token;
  let best = token;
  let bestCount = 0;
  for (const candidate of editsInOrder(token)) {
    const count = frequency.get(candidate) ?? 0;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

describe('spelling correction through the trie of docs words', () => {
  // Words over a few letters have many neighbours one edit away, and counts of 1 to 3 many ties:
  // the cases where the order the candidates are tried in decides.
  const random = mulberry32(7);
  const pick = (letters: string) => letters.charAt(Math.floor(random() * letters.length));
  const vocabulary = new Map<string, number>([
    ['e-mail', 50],
    ['sip2', 50],
  ]);
  while (vocabulary.size < 400) {
    const length = 4 + Math.floor(random() * 5);
    let word = pick('abc');
    while (word.length < length) word += pick('abcde');
    vocabulary.set(word, 1 + Math.floor(random() * 3));
  }
  const words = [...vocabulary.keys()];
  const slip = (word: string): string => {
    const at = Math.floor(random() * (word.length + 1));
    const letter = pick('abcdez');
    const kind = Math.floor(random() * 4);
    if (kind === 0) return word.slice(0, at) + word.slice(at + 1);
    if (kind === 1) return word.slice(0, at) + word.charAt(at + 1) + word.charAt(at) + word.slice(at + 2);
    if (kind === 2) return word.slice(0, at) + letter + word.slice(at + 1);
    return word.slice(0, at) + letter + word.slice(at);
  };

  it('corrects every slip to the word the plain candidate-by-candidate search picks', () => {
    const trieCorrector = new SpellingCorrector(vocabulary, () => false);
    let corrected = 0;
    for (let i = 0; i < 3000; i += 1) {
      const word = words[Math.floor(random() * words.length)] as string;
      const token = i % 3 === 0 ? slip(slip(word)) : slip(word);
      const expected = plainCorrection(vocabulary, token);
      if (expected !== token) corrected += 1;
      expect([token, trieCorrector.correct(token)]).toEqual([token, expected]);
    }
    // Most slips have a docs word one edit away; the comparison is not only of words left alone.
    expect(corrected).toBeGreaterThan(1500);
  });

  it('never corrects into a docs word with other characters than a to z', () => {
    const trieCorrector = new SpellingCorrector(new Map([['emails', 5]]), () => false);
    expect(trieCorrector.correct('emailz')).toBe('emails');
    expect(new SpellingCorrector(new Map([['e-mails', 5]]), () => false).correct('emails')).toBe('emails');
  });
});
