import { ApiTokens } from '../../src/integrations/api-tokens';
import { startTestApp, type TestApp } from '../support/start-app';
import { webCustomerWaiting, type WaitingWebCustomer } from '../support/web-handoff';

describe('REST API: an integration claims an unclassified conversation only with a classification', () => {
  let server: TestApp;
  let waiting: WaitingWebCustomer;
  let token: string;

  beforeAll(async () => {
    // The product's default (test/support/start-app.ts turns the rule off for older tests).
    server = await startTestApp({ overrides: { classifyBeforeTaking: true } });
    token = (
      await new ApiTokens(server.app.store).create({
        name: 'CRM',
        scopes: ['conversations:read', 'messages:write'],
        createdBy: 'test',
      })
    ).secret;
    waiting = await webCustomerWaiting(server.url);
  }, 60_000);
  afterAll(async () => {
    waiting?.customer.disconnect();
    waiting?.agent.disconnect();
    await server?.cleanup();
  });

  const post = async (body: unknown) => {
    const response = await fetch(`${server.url}/api/v1/conversations/${waiting.id}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as { error?: { code: string } } };
  };

  it('refuses the claim without one, and takes it with the agent’s category and severity', async () => {
    const message = { agent: 'admin', text: 'Hello from our CRM.', claim: true };
    expect(await post(message)).toMatchObject({
      status: 422,
      body: { error: { code: 'classification_required' } },
    });
    expect((await server.app.store.getConversation(waiting.id))?.mode).toBe('queued');
    expect((await post({ ...message, severity: 'P7', category: 'platform' })).status).toBe(400);
    expect((await post({ ...message, severity: 'P3', category: 'operational' })).status).toBe(201);
    expect(await server.app.store.getConversation(waiting.id)).toMatchObject({
      mode: 'assigned',
      priority: 3,
      brief: { severity: 'P3', category: 'operational' },
    });
  });
});
