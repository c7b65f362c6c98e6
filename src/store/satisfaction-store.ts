import type { SatisfactionRating } from '../model/satisfaction';

/** Filters for listing ratings; every one given must hold. */
export interface SatisfactionQuery {
  conversationId?: string;
  agentId?: string;
  /** Rated at or after this time. */
  since?: number;
  /** Rated before this time. */
  until?: number;
  /** Newest first by `ratedAt`; default 1000. */
  limit?: number;
}

/**
 * Customer satisfaction ratings, an aggregate of their own: the SQLite and Redis stores each hold
 * one (`store.ratings`), and one contract test suite runs against both.
 */
export interface SatisfactionStore {
  /** Creates or replaces a rating (by id): a comment added later updates the same rating. */
  save(rating: SatisfactionRating): Promise<void>;
  get(id: string): Promise<SatisfactionRating | undefined>;
  /** Ratings matching every filter, newest first. */
  list(query?: SatisfactionQuery): Promise<SatisfactionRating[]>;
}
