import path from 'node:path';
import { loadConfig } from '../../src/config';
import { loadKnowledgeBase } from '../../src/knowledge';
import { languageModelsFrom } from '../../app/language-models';
import { fakeModelServer } from '../support/fake-model-api';

const KB_DIR = path.join(__dirname, '..', '..', 'kb');

/** Asks the default docs about business hours with a model API that answers as `reply` says. */
async function askWithModel(
  reply: Parameters<typeof fakeModelServer>[0],
  env: Record<string, string> = { LLM_MODEL: 'tiny' },
) {
  const api = await fakeModelServer(reply);
  const config = loadConfig({ LLM_BASE_URL: api.url, ...env });
  const kb = await loadKnowledgeBase({
    dir: KB_DIR,
    baseUrl: 'https://docs.example.com',
    ...languageModelsFrom(config),
  });
  const answer = await kb.answer('what are your business hours?');
  kb.close();
  api.close();
  return { answer, requests: api.requests };
}

describe('OpenAI-compatible models (LLM_BASE_URL)', () => {
  it('lets a configured chat model write a cited answer from the retrieved sections', async () => {
    const { answer, requests } = await askWithModel(
      (body) => ({
        choices: [
          {
            message: {
              content: `Business hours are 08:00-20:00 UTC [1]. (${body.messages?.length} messages)`,
            },
          },
        ],
      }),
      { LLM_MODEL: 'tiny', LLM_API_KEY: 'sk-test' },
    );
    expect(answer.kind).toBe('answer');
    expect(answer.generated).toContain('08:00-20:00 UTC [1]');
    expect(requests[0]).toMatchObject({ path: '/v1/chat/completions', auth: 'Bearer sk-test' });
    expect(requests[0]!.body.model).toBe('tiny');
  });

  it('declines when the model abstains, instead of showing an untraceable answer', async () => {
    const { answer } = await askWithModel(() => ({ choices: [{ message: { content: 'NOT_IN_DOCS' } }] }));
    expect(answer.kind).toBe('decline');
    expect(answer.generated).toBeUndefined();
  });

  it('falls back to the extractive answer when the model API fails', async () => {
    const { answer } = await askWithModel(() => undefined);
    expect(answer.kind).toBe('answer');
    expect(answer.generated).toBeUndefined();
    expect(answer.passage).toMatch(/08:00/);
  });

  it('embeds the docs through the embeddings endpoint for hybrid retrieval', async () => {
    const api = await fakeModelServer((body) => ({
      data: (body.input ?? []).map((text, index) => ({
        index,
        embedding: [text.length % 7, text.length % 5, 1],
      })),
    }));
    const config = loadConfig({ LLM_BASE_URL: api.url, EMBEDDINGS_MODEL: 'embed-small' });
    const models = languageModelsFrom(config);
    expect(models.chatModel).toBeUndefined();
    const kb = await loadKnowledgeBase({ dir: KB_DIR, baseUrl: 'https://docs.example.com', ...models });
    const hits = kb.search('support hours', 3);
    kb.close();
    api.close();
    expect(hits.length).toBeGreaterThan(0);
    expect(api.requests.some((r) => r.path === '/v1/embeddings' && r.body.model === 'embed-small')).toBe(
      true,
    );
  });

  it('uses no model at all unless one is configured', () => {
    expect(languageModelsFrom(loadConfig({}))).toEqual({});
  });
});
