/**
 * The words a transcript is searched by: lower case runs of letters and digits, two characters or
 * more, each once. The SQLite store's FTS5 tokenizer (unicode61, diacritics kept) splits the same
 * way, so both stores find the same conversations for the same query.
 */
export function searchWords(text: string, max = 200): string[] {
  const words = new Set<string>();
  for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (word.length < 2 || word.length > 40) continue;
    words.add(word);
    if (words.size >= max) break;
  }
  return [...words];
}

/** At most this many words of a search query are used (every one must match). */
export const MAX_QUERY_WORDS = 8;
