import type { Conversation } from '../../src/model/conversation';
import type { RedisClient } from './redis-connection';
import { MAX_QUERY_WORDS, searchWords } from '../../src/store/search-words';
import type { ConversationSearch } from '../../src/store/store';

/** Conversations read per round when filters have to be checked one by one. */
const PAGE = 200;

/**
 * Transcript search on plain Redis (no RediSearch module): one set per word, `words:<word>`,
 * holding the ids of the conversations whose transcript has it. A query intersects the sets of its
 * words (SINTER), orders the candidates by the `convs:all` index scores (last activity) and checks
 * the other filters on the conversations themselves.
 */
export class RedisConversationSearch {
  constructor(
    private readonly client: RedisClient,
    private readonly key: (kind: string, id?: string) => string,
    private readonly load: (id: string) => Promise<Conversation | undefined>,
  ) {}

  /** Adds a message's words to the index (one SADD per distinct word, sent as one pipeline). */
  async index(conversationId: string, text: string): Promise<void> {
    await Promise.all(
      searchWords(text).map((word) => this.client.sAdd(this.key('words', word), conversationId)),
    );
  }

  /** Finds conversations by filters and transcript words, newest first (see `Store.searchConversations`). */
  async search(query: ConversationSearch): Promise<Conversation[]> {
    const limit = query.limit ?? 100;
    const found: Conversation[] = [];
    for await (const ids of this.candidates(query)) {
      const conversations = await Promise.all(ids.map((id) => this.load(id)));
      for (const conversation of conversations) {
        if (conversation && matches(conversation, query)) found.push(conversation);
      }
      if (found.length >= limit) break;
    }
    return found.sort((a, b) => b.updatedAt - a.updatedAt).slice(0, limit);
  }

  /** Candidate ids, newest activity first, in pages. */
  private async *candidates(query: ConversationSearch): AsyncGenerator<string[]> {
    const max = query.until === undefined ? '+inf' : `(${query.until}`;
    const min = query.since === undefined ? '-inf' : String(query.since);
    if (query.text === undefined) {
      const index = this.key('convs', query.channel ? `channel:${query.channel}` : 'all');
      for (let offset = 0; ; offset += PAGE) {
        const ids = await this.client.zRange(index, max, min, {
          BY: 'SCORE',
          REV: true,
          LIMIT: { offset, count: PAGE },
        });
        if (ids.length > 0) yield ids;
        if (ids.length < PAGE) return;
      }
    }
    const words = searchWords(query.text, MAX_QUERY_WORDS);
    if (words.length === 0) return;
    const ids = await this.client.sInter(words.map((word) => this.key('words', word)));
    if (ids.length === 0) return;
    const scores = await this.client.zmScore(this.key('convs', 'all'), ids);
    const dated = ids
      .map((id, i) => ({ id, at: scores[i] ?? null }))
      .filter(
        (c): c is { id: string; at: number } =>
          c.at !== null &&
          (query.since === undefined || c.at >= query.since) &&
          (query.until === undefined || c.at < query.until),
      )
      .sort((a, b) => b.at - a.at);
    for (let offset = 0; offset < dated.length; offset += PAGE) {
      yield dated.slice(offset, offset + PAGE).map((c) => c.id);
    }
  }
}

function matches(conversation: Conversation, query: ConversationSearch): boolean {
  if (query.modes?.length && !query.modes.includes(conversation.mode)) return false;
  if (query.channel && conversation.ref.channel !== query.channel) return false;
  if (query.since !== undefined && conversation.updatedAt < query.since) return false;
  if (query.until !== undefined && conversation.updatedAt >= query.until) return false;
  if (
    query.agentId &&
    conversation.assignedAgentId !== query.agentId &&
    !conversation.history.some((t) => t.agentId === query.agentId)
  )
    return false;
  return true;
}
