import type { KnowledgeAnswer, KnowledgeBase, KnowledgeHit } from '../../../src/knowledge/knowledge-base';

/**
 * A small knowledge base with sections a problem report can be deflected by (audio, login,
 * Call-IDs). Retrieval quality has its own tests; here only the flow's use of `search` matters.
 */
export function problemKnowledge(): KnowledgeBase {
  const sections: (KnowledgeHit & { words: string[] })[] = [
    {
      pagePath: 'guides/one-way-audio.md',
      pageTitle: 'One-way audio',
      headingPath: ['One-way audio', 'NAT and RTP'],
      url: 'https://docs.example.com/guides/one-way-audio/#nat-and-rtp',
      text: 'One-way audio is usually NAT: check the media proxy and the RTP ports.',
      score: 3,
      words: ['audio', 'one-way', 'hear'],
    },
    {
      pagePath: 'guides/one-way-audio.md',
      pageTitle: 'One-way audio',
      headingPath: ['One-way audio', 'Codecs'],
      url: 'https://docs.example.com/guides/one-way-audio/#codecs',
      text: 'A codec mismatch can leave one side silent.',
      score: 2,
      words: ['audio', 'silent', 'codec'],
    },
    {
      pagePath: 'guides/callid.md',
      pageTitle: 'Call-ID',
      headingPath: ['Call-ID', 'Find a Call-ID'],
      url: 'https://docs.example.com/guides/callid/#find-a-call-id',
      text: 'Open Logging, click the call and copy the Call-ID on the right of the panel.',
      score: 1,
      words: ['call id', 'call-id'],
    },
  ];
  const search = (query: string, limit = 10) =>
    sections.filter((s) => s.words.some((w) => query.toLowerCase().includes(w))).slice(0, limit);
  return {
    search,
    answer: async (query): Promise<KnowledgeAnswer> => {
      const hits = search(query);
      return hits[0]
        ? { kind: 'answer', confidence: 0.9, hits, passage: hits[0].text }
        : { kind: 'decline', confidence: 0.05, hits: [] };
    },
    stats: () => ({ pages: 2, sections: sections.length, builtAt: 0, buildMs: 0 }),
  };
}
