import type { KnowledgeAnswer, KnowledgeBase, KnowledgeHit } from '../../src/knowledge/knowledge-base';

/**
 * A two-page knowledge base for tests of the engine and the channels, where what matters is the
 * path of an answer and not retrieval quality (the real index has its own tests and evaluation).
 */
export function smallKnowledge(): KnowledgeBase {
  const hits: (KnowledgeHit & { words: string[] })[] = [
    {
      pagePath: 'guides/callid.md',
      pageTitle: 'Call-ID',
      headingPath: ['Call-ID', 'Find a Call-ID'],
      url: 'https://docs.example.com/guides/callid/#find-a-call-id',
      text: 'Open Logging, click the call and copy the Call-ID shown on the right of the panel.',
      score: 1,
      words: ['call-id', 'callid', 'call id'],
    },
    {
      pagePath: 'support.md',
      pageTitle: 'Support hours',
      headingPath: ['Support hours'],
      url: 'https://docs.example.com/support/#hours',
      text: 'Business hours are 08:00 to 20:00 UTC; critical platform issues are handled 24/7.',
      score: 1,
      words: ['hours', 'open', 'business hours'],
    },
  ];
  const search = (query: string) =>
    hits.filter((hit) => hit.words.some((w) => query.toLowerCase().includes(w)));
  return {
    search: (query) => search(query),
    answer: async (query): Promise<KnowledgeAnswer> => {
      const found = search(query);
      return found.length
        ? { kind: 'answer', confidence: 0.9, hits: found, passage: found[0]!.text }
        : { kind: 'decline', confidence: 0.05, hits: [] };
    },
    stats: () => ({ pages: 2, sections: 2, builtAt: 0, buildMs: 0 }),
  };
}
