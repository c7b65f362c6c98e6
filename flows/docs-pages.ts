import type { KnowledgeHit } from '../src/knowledge/knowledge-base';

/**
 * A page scoring below this share of the best one is a guess, not an answer: it is never offered
 * (a round figure, not fitted).
 */
const WORTH_OFFERING_SHARE = 0.25;

/** The title of a docs section as a reader recognises it: the page, then the headings to it. */
export function sectionTitle(hit: KnowledgeHit): string {
  return [hit.pageTitle, ...hit.headingPath.slice(1)].filter(Boolean).join(' › ');
}

/** A docs URL without its section anchor: two sections of one page are one page. */
export function pageOf(url: string): string {
  return url.split('#')[0] ?? url;
}

/**
 * The next best pages of a ranking (best first) worth offering beside the pages already shown:
 * one hit per page, none already shown, none far below the best, at most `limit`.
 */
export function pagesWorthOffering(
  hits: readonly KnowledgeHit[],
  shown: Iterable<string>,
  limit: number,
): KnowledgeHit[] {
  const seen = new Set([...shown].map(pageOf));
  const top = Math.max(0, ...hits.map((hit) => hit.score));
  const offered: KnowledgeHit[] = [];
  for (const hit of hits) {
    if (offered.length >= limit) break;
    const page = pageOf(hit.url);
    if (seen.has(page) || hit.score < WORTH_OFFERING_SHARE * top) continue;
    seen.add(page);
    offered.push(hit);
  }
  return offered;
}
