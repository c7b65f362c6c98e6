import type { ConversationListItem } from '../../adapters/console/conversation-routes';
import { webCustomer } from '../flows/support/chat-driver';
import { signIn, startTestApp, type TestApp } from '../support/start-app';
import { smallKnowledge } from '../support/small-knowledge';

describe('GET /console/api/conversations', () => {
  let server: TestApp;
  let cookie: string;
  beforeAll(async () => {
    server = await startTestApp({ overrides: { knowledge: smallKnowledge() } });
    cookie = await signIn(server.url);
  });
  afterAll(async () => {
    await server.cleanup();
  });

  const get = async (query: string, withCookie = true) => {
    const response = await fetch(`${server.url}/console/api/conversations?${query}`, {
      headers: withCookie ? { cookie } : {},
    });
    return {
      status: response.status,
      body: (await response.json()) as { conversations?: ConversationListItem[] },
    };
  };

  it('finds conversations by transcript words and filters, for signed-in agents only', async () => {
    const customer = await webCustomer(server.url);
    await customer.say('my voicemail greeting is silent');
    const today = new Date().toISOString().slice(0, 10);

    const found = await get(`text=voicemail&status=open&channel=web&from=${today}&to=${today}`);
    expect(found.status).toBe(200);
    expect(found.body.conversations?.map((c) => c.lastCustomerText)).toEqual([
      'my voicemail greeting is silent',
    ]);
    expect((await get('text=voicemail&channel=sms')).body.conversations).toEqual([]);
    expect((await get('text=voicemail&to=2000-01-01')).body.conversations).toEqual([]);
    expect((await get('text=voicemail', false)).status).toBe(401);
    expect((await get('status=lost')).status).toBe(400);
    expect((await get('from=yesterday')).status).toBe(400);
    customer.close();
  });
});
