import type { AnalyzedQuery } from './query-analyzer';
import { indexTerms } from './text-terms';

/** Longest passage handed back, in characters: a few sentences. */
const PASSAGE_CHARS = 420;
const PASSAGE_SENTENCES = 3;

/** Splits section text into sentences (paragraphs first, then sentence ends). */
export function sentences(text: string): string[] {
  return text
    .split('\n')
    .flatMap((paragraph) => paragraph.split(/(?<=[.!?])\s+(?=[A-Z0-9"(])/))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');
}

/**
 * The few consecutive sentences of a section that best answer the query: the window (up to three
 * sentences, within `maxChars`) holding the most query weight, earlier windows winning ties.
 * Breadcrumb lines ("Management → Customer") count for little: they locate, they do not answer.
 */
export function extractPassage(text: string, query: AnalyzedQuery, maxChars = PASSAGE_CHARS): string {
  const all = sentences(text);
  if (all.length === 0) return '';
  const termsOf = all.map((sentence) => new Set(indexTerms(sentence)));
  let best = { start: 0, end: 1, score: -1 };
  for (let start = 0; start < all.length; start++) {
    const seen = new Set<string>();
    let length = 0;
    for (let end = start; end < all.length && end < start + PASSAGE_SENTENCES; end++) {
      const sentence = all[end] ?? '';
      length += sentence.length + 1;
      if (end > start && length > maxChars) break;
      const breadcrumb = sentence.includes('→') && sentence.split(' ').length < 12;
      for (const term of termsOf[end] ?? []) if (!breadcrumb && query.terms.has(term)) seen.add(term);
      let score = 0;
      for (const term of seen) score += query.terms.get(term) ?? 0;
      // A longer window must add query words to win; a label ending in ":" needs what follows it.
      const needsMore = sentence.endsWith(':') && end + 1 < all.length;
      if (!needsMore && score > best.score + 1e-9) best = { start, end: end + 1, score };
    }
  }
  const passage = all.slice(best.start, best.end).join(' ');
  return passage.length <= maxChars ? passage : `${passage.slice(0, maxChars - 3).replace(/\s+\S*$/, '')}...`;
}
