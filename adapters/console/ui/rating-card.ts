import type { SatisfactionRating } from '../../../src/model/satisfaction';
import { el } from '../../web/widget/dom';

/** How a rating reads for an agent: "4/5, satisfied" or "Not satisfied". */
export function ratingLabel(rating: Pick<SatisfactionRating, 'score' | 'satisfied'>): string {
  const feeling = rating.satisfied ? 'satisfied' : 'not satisfied';
  return rating.score !== undefined
    ? `${rating.score}/5, ${feeling}`
    : feeling[0]!.toUpperCase() + feeling.slice(1);
}

/** The customer's ratings of a conversation (one per resolve), newest first, comments as text only. */
export function renderRatings(ratings: SatisfactionRating[]): HTMLElement {
  const box = el('section', 'ratings');
  box.setAttribute('aria-label', 'Customer ratings');
  const list = el('ul');
  for (const rating of ratings) {
    const item = el('li', rating.satisfied ? 'good' : 'bad');
    const when = new Date(rating.ratedAt).toLocaleString();
    item.append(
      el('b', '', `Rated ${ratingLabel(rating)}`),
      ` · ${when}${rating.agentName ? ` · resolved by ${rating.agentName}` : ''}`,
    );
    if (rating.comment) item.append(el('q', '', rating.comment));
    list.append(item);
  }
  box.append(list);
  return box;
}
