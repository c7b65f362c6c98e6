/**
 * Spelling correction of customer words against the docs' own vocabulary. A word the docs do not
 * have, in no form, is replaced by the most frequent docs word one edit away (a letter dropped,
 * added, changed, or two neighbours swapped: Damerau distance 1, the slips people make typing
 * fast). Only the docs' words are candidates, so "protal" becomes "portal" and a word foreign to
 * the docs mostly stays as it is.
 *
 * An ordinary English word the docs happen not to use must not be "corrected" into one they do
 * ("bread" into "read", "night" into "might"), and there is no English word list to ask. Two
 * facts about typing slips keep those apart: they are rare in the first letter, and a word of
 * four letters or fewer has too many neighbours one edit away to guess which was meant.
 */

import { WordTrie } from './word-trie';

const MIN_LENGTH = 5;

/** Where the best candidate so far came from: enough to spell it once the search is over. */
interface Edit {
  /** 0 delete, 1 swap with the next letter, 2 change, 3 insert. */
  kind: number;
  /** Position in the word: letters before it are kept as they are. */
  at: number;
  /** Char code of the letter changed to or inserted. */
  letter: number;
}

/** The word with `edit` applied. */
function applyEdit(word: string, { kind, at, letter }: Edit): string {
  const head = word.slice(0, at);
  if (kind === 0) return head + word.slice(at + 1);
  if (kind === 1) return head + word.charAt(at + 1) + word.charAt(at) + word.slice(at + 2);
  return head + String.fromCharCode(letter) + word.slice(kind === 2 ? at + 1 : at);
}

/** Corrects unknown words to the docs' most frequent word one edit away. */
export class SpellingCorrector {
  /** The docs' words spelled with a to z only (the only ones an edit of such a word can give). */
  private readonly words: WordTrie;

  /**
   * @param frequency how often each lowercase docs token occurs (stop words included: "whre" is
   *   "where", which then drops out as a stop word)
   * @param knownForm true when the docs hold the word in another form ("supplier" in docs that
   *   write "supply", "recognised" in docs that write "recognized"): not a typo to fix
   */
  constructor(
    private readonly frequency: ReadonlyMap<string, number>,
    private readonly knownForm: (token: string) => boolean,
  ) {
    this.words = WordTrie.from(frequency);
  }

  /** True when the docs contain the token as it is. */
  knows(token: string): boolean {
    return this.frequency.has(token);
  }

  /**
   * The docs word `token` was probably meant to be, or `token` itself.
   *
   * The candidates are every string one Damerau edit away that keeps the first letter, tried in a
   * fixed order: position by position from the second letter, at each a deletion, a swap with the
   * next letter, then for each letter a to z a change to it and an insertion of it. The most
   * frequent wins, and among equally frequent ones the first tried. The docs' trie is walked
   * instead of spelling each candidate: the candidates at one position share the token's letters
   * before it, and a letter no docs word has there is no candidate.
   */
  correct(token: string): string {
    if (token.length < MIN_LENGTH || !/^[a-z]+$/.test(token)) return token;
    if (this.frequency.has(token) || this.knownForm(token)) return token;
    const { words } = this;
    const best: Edit = { kind: 0, at: 0, letter: 0 };
    let bestCount = 0;
    const consider = (node: number, kind: number, at: number, letter: number): void => {
      const count = words.valueAt(node);
      if (count > bestCount) {
        bestCount = count;
        best.kind = kind;
        best.at = at;
        best.letter = letter;
      }
    };
    let prefix = WordTrie.ROOT;
    for (let at = 1; at <= token.length; at += 1) {
      prefix = words.child(prefix, token.charCodeAt(at - 1));
      // No docs word begins with the letters kept: none begins with more of them either.
      if (prefix === WordTrie.NONE) break;
      const inWord = at < token.length;
      if (inWord) consider(words.walk(prefix, token, at + 1), 0, at, 0);
      if (at + 1 < token.length) {
        const swapped = words.child(prefix, token.charCodeAt(at + 1));
        const second = words.child(swapped, token.charCodeAt(at));
        consider(words.walk(second, token, at + 2), 1, at, 0);
      }
      for (let next = words.firstChildOf(prefix); next !== WordTrie.NONE; next = words.nextSiblingOf(next)) {
        const letter = words.letterOf(next);
        if (inWord) consider(words.walk(next, token, at + 1), 2, at, letter);
        consider(words.walk(next, token, at), 3, at, letter);
      }
    }
    return bestCount > 0 ? applyEdit(token, best) : token;
  }
}
