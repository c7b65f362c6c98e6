import { WordTrie } from '../../src/knowledge/word-trie';

const code = (letter: string) => letter.charCodeAt(0);

/** The letters of the children of `node`, in the order the trie links them. */
function childLetters(trie: WordTrie, node: number): string {
  let letters = '';
  for (let child = trie.firstChildOf(node); child !== WordTrie.NONE; child = trie.nextSiblingOf(child))
    letters += String.fromCharCode(trie.letterOf(child));
  return letters;
}

describe('word trie', () => {
  const trie = WordTrie.from([
    ['portal', 40],
    ['port', 7],
    ['carrier', 12],
    ['portals', 2],
    ['pdf', 3],
    ['e-mail', 9],
    ['sip2', 4],
  ]);

  it("finds each word's number, and 0 for a prefix that is no word or a word it does not hold", () => {
    expect(trie.valueAt(trie.walk(WordTrie.ROOT, 'portal', 0))).toBe(40);
    expect(trie.valueAt(trie.walk(WordTrie.ROOT, 'port', 0))).toBe(7);
    expect(trie.valueAt(trie.walk(WordTrie.ROOT, 'portals', 0))).toBe(2);
    expect(trie.valueAt(trie.walk(WordTrie.ROOT, 'carrier', 0))).toBe(12);
    expect(trie.valueAt(trie.walk(WordTrie.ROOT, 'porta', 0))).toBe(0);
    expect(trie.walk(WordTrie.ROOT, 'portable', 0)).toBe(WordTrie.NONE);
    expect(trie.valueAt(WordTrie.NONE)).toBe(0);
  });

  it('walks on from any node and from any position of the text', () => {
    const po = trie.walk(WordTrie.ROOT, 'po', 0);
    expect(trie.valueAt(trie.walk(po, 'xxrtal', 2))).toBe(40);
    expect(trie.valueAt(trie.child(trie.walk(po, 'rta', 0), code('l')))).toBe(40);
  });

  it('leaves out words with other characters than a to z', () => {
    expect(trie.walk(WordTrie.ROOT, 'e-mail', 0)).toBe(WordTrie.NONE);
    expect(trie.valueAt(trie.walk(WordTrie.ROOT, 'sip', 0))).toBe(0);
    expect(trie.child(trie.walk(WordTrie.ROOT, 'sip', 0), code('2'))).toBe(WordTrie.NONE);
  });

  it('links children in letter order whatever order the words came in', () => {
    expect(childLetters(trie, WordTrie.ROOT)).toBe('cp');
    expect(childLetters(trie, trie.walk(WordTrie.ROOT, 'p', 0))).toBe('do');
  });

  it('holds nothing when given no words', () => {
    const empty = WordTrie.from([]);
    expect(empty.firstChildOf(WordTrie.ROOT)).toBe(WordTrie.NONE);
    expect(empty.walk(WordTrie.ROOT, 'port', 0)).toBe(WordTrie.NONE);
  });
});
