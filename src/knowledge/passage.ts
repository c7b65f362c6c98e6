import type { AnalyzedQuery } from './query-analyzer';
import { indexTerms } from './text-terms';

/** Longest passage handed back, in characters: a few sentences or a short list. */
const PASSAGE_CHARS = 700;
/** A passage is two to four units (sentences, list items, table rows). */
const MIN_UNITS = 2;
const MAX_UNITS = 4;
/** Numbered steps are shown whole, up to this many. */
const MAX_STEPS = 10;

const STEP = /^\d+\. /;
const ITEM = /^- /;
/** A unit that ends like this leads into the next one ("To block a call," then the steps). */
const LEAD_IN = /[:,]$/;

/** Splits section text into sentences (lines first, then sentence ends; list lines stay whole). */
export function sentences(text: string): string[] {
  return text
    .split('\n')
    .flatMap((line) =>
      STEP.test(line) || ITEM.test(line) ? [line] : line.split(/(?<=[.!?])\s+(?=[A-Z0-9"(])/),
    )
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');
}

/**
 * The part of a section that answers the query: the window of two to four consecutive units
 * (sentences, list items, table rows) holding the most query weight, earlier windows winning
 * ties. When the window reaches into numbered steps, the steps are given whole, from the line that
 * introduces them. Units are joined by `\n`, list lines keep their `1. ` / `- ` markers.
 */
export function extractPassage(text: string, query: AnalyzedQuery, maxChars = PASSAGE_CHARS): string {
  const all = sentences(text);
  if (all.length === 0) return '';
  const termsOf = all.map((sentence) => new Set(indexTerms(sentence)));
  let best = { start: 0, end: Math.min(all.length, MIN_UNITS), score: -1 };
  for (let start = 0; start < all.length; start++) {
    const seen = new Set<string>();
    let length = 0;
    for (let end = start; end < all.length && end < start + MAX_UNITS; end++) {
      const sentence = all[end] ?? '';
      length += sentence.length + 1;
      if (end > start && length > maxChars) break;
      // Breadcrumbs ("Management → Customer") locate, they do not answer.
      const breadcrumb = sentence.includes('→') && sentence.split(' ').length < 12;
      for (const term of termsOf[end] ?? []) if (!breadcrumb && query.terms.has(term)) seen.add(term);
      let score = 0;
      for (const term of seen) score += query.terms.get(term) ?? 0;
      // A label ending in ":" or "," needs what follows it; a lone unit says too little.
      const needsMore = (LEAD_IN.test(sentence) || end === start) && end + 1 < all.length;
      if (!needsMore && score > best.score + 1e-9) best = { start, end: end + 1, score };
    }
  }
  const chosen = withWholeSteps(all, best.start, best.end);
  return fit(all.slice(chosen.start, chosen.end), maxChars);
}

/** Widens a window that touches numbered steps to the whole run of steps and its lead-in line. */
function withWholeSteps(all: readonly string[], start: number, end: number): { start: number; end: number } {
  const step = all.slice(start, end).findIndex((line) => STEP.test(line));
  if (step < 0) return { start, end };
  let first = start + step;
  while (first > 0 && STEP.test(all[first - 1] ?? '')) first--;
  let last = start + step;
  while (last + 1 < all.length && STEP.test(all[last + 1] ?? '') && last + 1 - first < MAX_STEPS) last++;
  const leadIn = first > 0 && LEAD_IN.test(all[first - 1] ?? '') ? first - 1 : first;
  // Steps answer a how-to on their own: what came before them in the window is left out.
  return { start: leadIn, end: Math.max(end, last + 1) };
}

/** Joins units by lines, dropping whole units past `maxChars` (the first one is cut at a word). */
function fit(units: readonly string[], maxChars: number): string {
  const kept: string[] = [];
  let length = 0;
  for (const unit of units) {
    if (kept.length > 0 && length + unit.length + 1 > maxChars) break;
    kept.push(unit);
    length += unit.length + 1;
  }
  const passage = kept.join('\n');
  return passage.length <= maxChars ? passage : `${passage.slice(0, maxChars - 3).replace(/\s+\S*$/, '')}...`;
}
