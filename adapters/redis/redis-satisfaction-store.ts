import type { SatisfactionRating } from '../../src/model/satisfaction';
import type { RedisClient } from './redis-connection';
import type { SatisfactionQuery, SatisfactionStore } from '../../src/store/satisfaction-store';

/**
 * Ratings in Redis: one hash of documents (`csat`), a sorted set by rating time (`csat:by-time`)
 * for the reports' date ranges and one per conversation (`csat:conv:<id>`). Agent filters are
 * checked on the documents of the time range: a team's ratings per week are few.
 */
export class RedisSatisfactionStore implements SatisfactionStore {
  constructor(
    private readonly client: RedisClient,
    private readonly key: (kind: string, id?: string) => string,
  ) {}

  async save(rating: SatisfactionRating): Promise<void> {
    await this.client
      .multi()
      .hSet(this.key('csat'), rating.id, JSON.stringify(rating))
      .zAdd(this.key('csat', 'by-time'), { score: rating.ratedAt, value: rating.id })
      .zAdd(this.key('csat', `conv:${rating.conversationId}`), { score: rating.ratedAt, value: rating.id })
      .exec();
  }

  async get(id: string): Promise<SatisfactionRating | undefined> {
    const doc = await this.client.hGet(this.key('csat'), id);
    return doc ? (JSON.parse(doc) as SatisfactionRating) : undefined;
  }

  async list(query: SatisfactionQuery = {}): Promise<SatisfactionRating[]> {
    const index =
      query.conversationId !== undefined
        ? this.key('csat', `conv:${query.conversationId}`)
        : this.key('csat', 'by-time');
    const ids = await this.client.zRangeByScore(
      index,
      query.since ?? '-inf',
      query.until !== undefined ? `(${query.until}` : '+inf',
    );
    if (ids.length === 0) return [];
    const docs = await this.client.hmGet(this.key('csat'), ids);
    return docs
      .filter((doc): doc is string => typeof doc === 'string')
      .map((doc) => JSON.parse(doc) as SatisfactionRating)
      .filter((rating) => query.agentId === undefined || rating.agentId === query.agentId)
      .sort((a, b) => b.ratedAt - a.ratedAt || (a.id < b.id ? 1 : -1))
      .slice(0, query.limit ?? 1000);
  }
}
