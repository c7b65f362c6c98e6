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

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const MIN_LENGTH = 5;

/** Every string one Damerau edit away from `word` that keeps its first letter. */
function editsOf(word: string): string[] {
  const edits: string[] = [];
  for (let i = 1; i <= word.length; i += 1) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail) edits.push(head + tail.slice(1));
    if (tail.length > 1) edits.push(head + (tail[1] ?? '') + (tail[0] ?? '') + tail.slice(2));
    for (const letter of LETTERS) {
      if (tail) edits.push(head + letter + tail.slice(1));
      edits.push(head + letter + tail);
    }
  }
  return edits;
}

/** Corrects unknown words to the docs' most frequent word one edit away. */
export class SpellingCorrector {
  /**
   * @param frequency how often each lowercase docs token occurs (stop words included: "whre" is
   *   "where", which then drops out as a stop word)
   * @param knownForm true when the docs hold the word in another form ("supplier" in docs that
   *   write "supply", "recognised" in docs that write "recognized"): not a typo to fix
   */
  constructor(
    private readonly frequency: ReadonlyMap<string, number>,
    private readonly knownForm: (token: string) => boolean,
  ) {}

  /** True when the docs contain the token as it is. */
  knows(token: string): boolean {
    return this.frequency.has(token);
  }

  /** The docs word `token` was probably meant to be, or `token` itself. */
  correct(token: string): string {
    if (token.length < MIN_LENGTH || !/^[a-z]+$/.test(token)) return token;
    if (this.frequency.has(token) || this.knownForm(token)) return token;
    let best = token;
    let bestCount = 0;
    for (const candidate of editsOf(token)) {
      const count = this.frequency.get(candidate) ?? 0;
      if (count > bestCount) {
        best = candidate;
        bestCount = count;
      }
    }
    return best;
  }
}
