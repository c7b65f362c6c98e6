import path from 'node:path';
import { FakeEmbeddings, FakeListChatModel, SyntheticEmbeddings } from '@langchain/core/utils/testing';
import { DocsRetriever, loadKnowledgeBase } from '../../src/knowledge';

const KB_DIR = path.join(__dirname, '..', '..', 'kb');
const BASE = 'https://support.example.com';

describe('LangChain integration', () => {
  it('serves the docs through a LangChain retriever, one section per page with its link', async () => {
    const kb = await loadKnowledgeBase({ dir: KB_DIR, baseUrl: BASE });
    const retriever = new DocsRetriever({ knowledgeBase: kb, k: 2 });
    const documents = await retriever.invoke('telegram support bot');
    expect(documents).toHaveLength(2);
    expect(documents[0]?.metadata.url).toBe(`${BASE}/contact/#telegram`);
    expect(documents[0]?.pageContent).toContain('@connexcs_support_bot');
    expect(new Set(documents.map((doc) => doc.metadata.pagePath)).size).toBe(2);
  });

  it('embeds every section once when hybrid retrieval is on, and still answers from the right page', async () => {
    const embeddings = new FakeEmbeddings();
    const embedDocuments = jest.spyOn(embeddings, 'embedDocuments');
    const kb = await loadKnowledgeBase({ dir: KB_DIR, baseUrl: BASE, embeddings });
    expect(embedDocuments).toHaveBeenCalledTimes(1);
    expect(embedDocuments.mock.calls[0]?.[0]).toHaveLength(kb.stats().sections);
    const answer = await kb.answer('phone support hours');
    expect(answer.kind).toBe('answer');
    expect(answer.hits[0]?.url).toBe(`${BASE}/contact/#phone-support`);
  });

  it('adds pages found only by embeddings to the hits', async () => {
    const kb = await loadKnowledgeBase({ dir: KB_DIR, baseUrl: BASE, embeddings: new SyntheticEmbeddings() });
    const answer = await kb.answer('zzqx wvvk');
    expect(answer.kind).toBe('decline');
    expect(answer.hits.length).toBeGreaterThan(0);
  });

  it('returns the chat model answer when it cites a section', async () => {
    const chatModel = new FakeListChatModel({ responses: ['Call us between 09:00 and 23:00 UTC [1].'] });
    const kb = await loadKnowledgeBase({ dir: KB_DIR, baseUrl: BASE, chatModel });
    const answer = await kb.answer('phone support hours');
    expect(answer.kind).toBe('answer');
    expect(answer.generated).toBe('Call us between 09:00 and 23:00 UTC [1].');
  });

  it.each([['NOT_IN_DOCS'], ['Probably around noon, I think.']])(
    'declines when the chat model abstains or cites nothing: %j',
    async (reply) => {
      const chatModel = new FakeListChatModel({ responses: [reply] });
      const kb = await loadKnowledgeBase({ dir: KB_DIR, baseUrl: BASE, chatModel });
      const answer = await kb.answer('phone support hours');
      expect(answer.kind).toBe('decline');
      expect(answer.generated).toBeUndefined();
    },
  );
});
