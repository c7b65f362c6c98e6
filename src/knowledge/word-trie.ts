/**
 * A letter trie of lowercase words (a to z) and a number per word, in typed arrays: one node per
 * distinct prefix, its children linked in letter order. Spelling correction walks it to look up
 * the hundreds of strings one edit away from a word without building any of them; as a `Map` of
 * strings, every lookup first allocated the string and hashed it.
 */
export class WordTrie {
  /** The root node: the empty prefix. */
  static readonly ROOT = 0;
  /** Returned by `child` and `walk` when no word has the prefix. */
  static readonly NONE = -1;

  private constructor(
    /** Letter of each node as a char code. */
    private readonly letter: Uint8Array,
    private readonly firstChild: Int32Array,
    private readonly nextSibling: Int32Array,
    /** The word's number where a word ends, else 0. */
    private readonly value: Float64Array,
  ) {}

  /** A trie of the entries whose key is made of letters a to z only; the rest are left out. */
  static from(entries: Iterable<readonly [string, number]>): WordTrie {
    // Sorted keys share each prefix with the key before them, so each key only appends nodes
    // below the path of the previous one, and siblings arrive in letter order.
    const words = [...entries].filter(([word]) => /^[a-z]+$/.test(word)).sort(([a], [b]) => (a < b ? -1 : 1));
    let nodes = 1;
    for (let i = 0; i < words.length; i += 1)
      nodes +=
        (words[i]?.[0] as string).length - commonPrefix(words[i - 1]?.[0] ?? '', words[i]?.[0] as string);
    const letter = new Uint8Array(nodes);
    const firstChild = new Int32Array(nodes).fill(WordTrie.NONE);
    const nextSibling = new Int32Array(nodes).fill(WordTrie.NONE);
    const value = new Float64Array(nodes);
    // path[k] is the node of the previous word's first k letters; lastChild[k] its newest child.
    const path: number[] = [WordTrie.ROOT];
    const lastChild: number[] = [WordTrie.NONE];
    let previous = '';
    let next = 1;
    for (const [word, number] of words) {
      const shared = commonPrefix(previous, word);
      for (let k = shared; k < word.length; k += 1) {
        const node = next;
        next += 1;
        letter[node] = word.charCodeAt(k);
        const parent = path[k] as number;
        const sibling = k === shared ? (lastChild[k] as number) : WordTrie.NONE;
        if (sibling === WordTrie.NONE) firstChild[parent] = node;
        else nextSibling[sibling] = node;
        lastChild[k] = node;
        path[k + 1] = node;
        lastChild[k + 1] = WordTrie.NONE;
      }
      value[path[word.length] as number] = number;
      previous = word;
    }
    return new WordTrie(letter, firstChild, nextSibling, value);
  }

  /** The child of `node` for the letter with char code `code`, or `NONE` (also when `node` is `NONE`). */
  child(node: number, code: number): number {
    if (node === WordTrie.NONE) return WordTrie.NONE;
    for (let c = this.firstChild[node] as number; c !== WordTrie.NONE; c = this.nextSibling[c] as number) {
      const at = this.letter[c] as number;
      if (at === code) return c;
      if (at > code) break;
    }
    return WordTrie.NONE;
  }

  /** The node reached from `node` by the letters of `text` from `start` on, or `NONE`. */
  walk(node: number, text: string, start: number): number {
    let at = node;
    for (let i = start; i < text.length && at !== WordTrie.NONE; i += 1)
      at = this.child(at, text.charCodeAt(i));
    return at;
  }

  /** The number of the word ending at `node` (0 for `NONE` or where no word ends). */
  valueAt(node: number): number {
    return node === WordTrie.NONE ? 0 : (this.value[node] as number);
  }

  /** The first child of `node` in letter order, or `NONE`. */
  firstChildOf(node: number): number {
    return this.firstChild[node] as number;
  }

  /** The next sibling of `node` in letter order, or `NONE`. */
  nextSiblingOf(node: number): number {
    return this.nextSibling[node] as number;
  }

  /** The char code of the letter leading to `node`. */
  letterOf(node: number): number {
    return this.letter[node] as number;
  }
}

/** Length of the common prefix of two strings. */
function commonPrefix(a: string, b: string): number {
  let k = 0;
  while (k < a.length && k < b.length && a.charCodeAt(k) === b.charCodeAt(k)) k += 1;
  return k;
}
