import type { ConversationSummary, WireMessage } from '../../src/realtime/socket-events';
import { smallKnowledge } from '../support/small-knowledge';
import { nextEvent, request, startTestApp, type TestApp } from '../support/start-app';
import { webCustomerWaiting, webCustomerWithAgent } from '../support/web-handoff';

describe('respectful communication while waiting for an agent', () => {
  let server: TestApp;
  beforeEach(async () => {
    server = await startTestApp({ overrides: { knowledge: smallKnowledge() } });
  });
  afterEach(async () => {
    await server.cleanup();
  });

  it('warns once, then flags the waiting conversation for the agents without leaving the queue', async () => {
    const { customer, agent, id } = await webCustomerWaiting(server.url);

    const warning = nextEvent<WireMessage>(
      customer,
      'message',
      (m) => m.author === 'bot' && /respectful/i.test(m.text),
    );
    await request(customer, 'message', { text: 'you are useless idiots', clientId: 'a2' });
    await warning;

    const flagged = nextEvent<{ items: ConversationSummary[] }>(agent, 'queue', (q) =>
      // The tag and the reason are two updates; wait for the second.
      q.items.some(
        (c) => c.id === id && (c.tags ?? []).includes('abusive') && /abusive/i.test(c.handoffReason ?? ''),
      ),
    );
    await request(customer, 'message', { text: 'you are useless idiots, I said', clientId: 'a3' });
    const queue = await flagged;
    const row = queue.items.find((c) => c.id === id)!;
    expect(row.mode).toBe('queued');
    expect(row.handoffReason).toMatch(/abusive/i);
    customer.close();
    agent.close();
  });

  it('stays quiet once an agent has the conversation: the agent decides', async () => {
    const { customer, agent, id } = await webCustomerWithAgent(server.url);
    const before = (await server.app.store.getMessages(id)).length;
    await request(customer, 'message', { text: 'you are useless idiots', clientId: 'b2' });
    const after = await server.app.store.getMessages(id);
    expect(after.slice(before).map((m) => m.author)).toEqual(['customer']);
    customer.close();
    agent.close();
  });
});
