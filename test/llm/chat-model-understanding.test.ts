import { OpenAiCompatibleChatModel } from '../../adapters/llm/openai-compatible-chat-model';
import { ChatModelUnderstanding } from '../../src/understanding/chat-model-understanding';
import { fakeModelServer } from '../support/fake-model-api';
import { productUnderstanding } from '../support/understanding';

/** A chat completion whose content is `content`. */
const completion = (content: string) => ({ choices: [{ message: { role: 'assistant', content } }] });

async function understandWith(reply: Parameters<typeof fakeModelServer>[0], text: string, timeoutMs = 1000) {
  const api = await fakeModelServer(reply);
  try {
    const model = new OpenAiCompatibleChatModel({ baseUrl: api.url, model: 'tiny' });
    const understanding = new ChatModelUnderstanding(model, productUnderstanding(), { timeoutMs });
    return { understood: await understanding.understand(text), requests: api.requests };
  } finally {
    api.close();
  }
}

describe('understanding with a chat model (LLM_BASE_URL), the learned step as its fallback', () => {
  it("takes the model's JSON reading, with its severity as a cue and the patterns' entities", async () => {
    const { understood, requests } = await understandWith(
      () => completion('{"intent": "report.problem", "confidence": 0.92, "severity": "P1"}'),
      'nothing gets through for us at all, e.g. a84b4c76e66710@10.0.0.1',
    );
    expect(understood).toMatchObject({ intent: 'report.problem', confidence: 0.92, source: 'chat-model' });
    expect(understood.entities.severityCue?.severity).toBe('P1');
    expect(understood.entities.callIds).toEqual(['a84b4c76e66710@10.0.0.1']);
    const system = (requests[0]?.body.messages as { role: string; content: string }[])[0]!;
    expect(system.role).toBe('system');
    expect(system.content).toContain('handoff.request');
  });

  it.each([
    ['the API fails', () => undefined],
    ['the answer is not JSON', () => completion('I think they want a person.')],
    ['the intent is not one of ours', () => completion('{"intent": "sales", "confidence": 0.99}')],
    ['the model is unsure', () => completion('{"intent": "docs.question", "confidence": 0.3}')],
  ])('falls back to the learned step when %s', async (_case, reply) => {
    const { understood } = await understandWith(reply, 'could somebody from your staff pick this up');
    expect(understood).toMatchObject({ intent: 'handoff.request', source: 'model' });
  });

  it('does not wait for a slow model', async () => {
    const started = Date.now();
    const { understood } = await understandWith(
      () =>
        new Promise((resolve) =>
          setTimeout(() => resolve(completion('{"intent":"greeting","confidence":1}')), 3000),
        ),
      'could somebody from your staff pick this up',
      300,
    );
    expect(understood.source).toBe('model');
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('never asks the model about an exact command', async () => {
    const { understood, requests } = await understandWith(() => completion('{}'), 'Human');
    expect(understood.source).toBe('command');
    expect(requests).toHaveLength(0);
  });
});
