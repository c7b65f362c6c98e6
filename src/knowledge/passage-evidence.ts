import { indexTerms } from './text-terms';

/**
 * Share of the evidence's words a passage must hold to count as quoting it. Evidence is a sentence
 * of the page as a person marked it; the passage may quote it cut or joined to the next one, so
 * half its words (stemmed, stop words left out) is taken as "it is there". A round figure.
 */
const HELD_SHARE = 0.5;

/**
 * Whether an answer's passage holds the sentence a person marked as the answer on the page: the
 * measure of choosing the right sentences, apart from choosing the right page.
 */
export function passageHoldsEvidence(passage: string, evidence: string): boolean {
  const wanted = new Set(indexTerms(evidence));
  if (wanted.size === 0) return false;
  const present = new Set(indexTerms(passage));
  let held = 0;
  for (const term of wanted) if (present.has(term)) held += 1;
  return held / wanted.size >= HELD_SHARE;
}
