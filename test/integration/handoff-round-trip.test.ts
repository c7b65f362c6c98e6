import {
  connectAgent,
  connectCustomer,
  nextEvent,
  request,
  signIn,
  startTestApp,
  type TestApp,
} from '../support/start-app';
import { smallKnowledge } from '../support/small-knowledge';
import { webCustomerWithAgent } from '../support/web-handoff';
import type { ConversationDetail, ConversationSummary, WireMessage } from '../../src/realtime/socket-events';

type Ack<T> = { ok: true } & T;

describe('web chat to agent console round trip', () => {
  let server: TestApp;
  beforeEach(async () => {
    server = await startTestApp({ overrides: { knowledge: smallKnowledge() } });
  });
  afterEach(async () => {
    await server.cleanup();
  });

  it('answers from the docs with a link, hands off on "Human", and returns to the bot on resolve', async () => {
    const customer = connectCustomer(server.url);
    const session = await nextEvent<{ token: string }>(customer, 'session');
    expect(session.token).toHaveLength(43);

    const answer = nextEvent<WireMessage>(customer, 'message', (m) => m.author === 'bot');
    const sent = await request<Ack<{ seq: number }>>(customer, 'message', {
      text: 'where do I find a call id?',
      clientId: 'm1',
    });
    expect(sent).toMatchObject({ ok: true, seq: 1 });
    const bot = await answer;
    expect(bot.text).toContain('Logging');
    expect(bot.citations?.[0]?.url).toBe('https://docs.example.com/guides/callid/#find-a-call-id');

    const cookie = await signIn(server.url);
    const agent = connectAgent(server.url, cookie);
    await nextEvent(agent, 'hello');

    const requested = nextEvent<ConversationSummary>(agent, 'handoffRequested');
    const told = nextEvent<WireMessage>(
      customer,
      'message',
      (m) => m.author === 'bot' && /alerting/i.test(m.text),
    );
    await request(customer, 'message', { text: 'Human', clientId: 'm2' });
    const queued = await requested;
    expect(queued.channel).toBe('web');
    await told;

    await request(customer, 'message', { text: 'my calls drop after 30 seconds', clientId: 'm3' });
    const claimed = await request<Ack<{ conversation: ConversationDetail }>>(agent, 'claim', {
      conversationId: queued.id,
    });
    expect(claimed.ok).toBe(true);
    const texts = claimed.conversation.messages.map((m) => m.text);
    expect(texts).toEqual(
      expect.arrayContaining(['where do I find a call id?', 'Human', 'my calls drop after 30 seconds']),
    );
    expect(claimed.conversation.messages.some((m) => m.author === 'bot')).toBe(true);

    const reply = nextEvent<WireMessage>(customer, 'message', (m) => m.author === 'agent');
    await request(agent, 'reply', {
      conversationId: queued.id,
      text: 'Hi, I am looking at it now.',
      clientId: 'r1',
    });
    expect((await reply).text).toBe('Hi, I am looking at it now.');

    const backToBot = nextEvent<{ mode: string }>(customer, 'mode', (m) => m.mode === 'resolved');
    await request(agent, 'resolve', { conversationId: queued.id });
    await backToBot;

    const again = nextEvent<WireMessage>(
      customer,
      'message',
      (m) => m.author === 'bot' && m.text.includes('08:00'),
    );
    await request(customer, 'message', { text: 'what are your business hours', clientId: 'm4' });
    await again;
    customer.close();
    agent.close();
  });
});

describe('typing indicators', () => {
  let server: TestApp;
  beforeEach(async () => {
    server = await startTestApp({ overrides: { knowledge: smallKnowledge() } });
  });
  afterEach(async () => {
    await server.cleanup();
  });

  it('shows the customer typing to the agent, and the agent typing (with name) to the customer', async () => {
    const { customer, agent, id } = await webCustomerWithAgent(server.url);
    const seenByAgent = nextEvent<{ conversationId: string; on: boolean }>(agent, 'typing');
    customer.emit('typing', true);
    expect(await seenByAgent).toEqual({ conversationId: id, on: true });

    const seenByCustomer = nextEvent<{ author: string; name?: string; on: boolean }>(customer, 'typing');
    agent.emit('typing', { conversationId: id, on: true });
    expect(await seenByCustomer).toEqual({ author: 'agent', name: 'Admin', on: true });
    customer.close();
    agent.close();
  });
});
