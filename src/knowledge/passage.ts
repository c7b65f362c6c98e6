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
 * The few sentences of a section that best answer the query: the sentence sharing the most
 * (weighted) query terms, then the ones after it while they fit. A sentence ending in ":" is a
 * label, so the passage always continues past it.
 */
export function extractPassage(text: string, query: AnalyzedQuery, maxChars = PASSAGE_CHARS): string {
  const all = sentences(text);
  if (all.length === 0) return '';
  let bestIndex = 0;
  let bestScore = -1;
  all.forEach((sentence, i) => {
    const terms = new Set(indexTerms(sentence));
    let score = 0;
    for (const [term, weight] of query.terms) if (terms.has(term)) score += weight;
    // Breadcrumbs ("Management → Customer") and labels carry no answer on their own.
    if (sentence.includes('→') && sentence.split(' ').length < 12) score -= 0.5;
    if (score > bestScore) {
      bestScore = score;
      bestIndex = i;
    }
  });
  const picked: string[] = [];
  let length = 0;
  for (let i = bestIndex; i < all.length && picked.length < PASSAGE_SENTENCES; i++) {
    const sentence = all[i] ?? '';
    if (picked.length > 0 && length + sentence.length + 1 > maxChars) break;
    picked.push(sentence);
    length += sentence.length + 1;
    if (!sentence.endsWith(':') && length > maxChars / 2) break;
  }
  const passage = picked.join(' ');
  return passage.length <= maxChars ? passage : `${passage.slice(0, maxChars - 3).replace(/\s+\S*$/, '')}...`;
}
