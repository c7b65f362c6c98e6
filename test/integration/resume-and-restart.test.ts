import {
  collect,
  connectAgent,
  connectCustomer,
  nextEvent,
  request,
  signIn,
  startTestApp,
  type TestApp,
} from '../support/start-app';
import { smallKnowledge } from '../support/small-knowledge';
import { waitFor } from '../support/wait-for';
import { webCustomerWithAgent } from '../support/web-handoff';
import type { ConversationSummary, WireMessage } from '../../src/realtime/socket-events';

type Ack<T> = { ok: true } & T;

describe('resuming and restarting', () => {
  let server: TestApp;
  afterEach(async () => {
    await server.cleanup();
  });

  it('gives a widget that dropped its connection exactly the two messages it missed', async () => {
    server = await startTestApp({ overrides: { knowledge: smallKnowledge() } });
    const { customer, agent, token, id } = await webCustomerWithAgent(server.url);
    const seen = collect<WireMessage>(customer, 'message');
    const arrived = nextEvent(customer, 'message', (m: WireMessage) => m.text === 'first reply');
    await request(agent, 'reply', { conversationId: id, text: 'first reply', clientId: 'r1' });
    await arrived;
    const lastSeq = Math.max(...seen.map((m) => m.seq));
    customer.disconnect();

    await request(agent, 'reply', { conversationId: id, text: 'missed one', clientId: 'r2' });
    await request(agent, 'reply', { conversationId: id, text: 'missed two', clientId: 'r3' });

    const back = connectCustomer(server.url, { token, lastSeq });
    const history = await nextEvent<{ messages: WireMessage[] }>(back, 'history');
    expect(history.messages.map((m) => m.text)).toEqual(['missed one', 'missed two']);
    expect(history.messages.map((m) => m.seq)).toEqual([lastSeq + 1, lastSeq + 2]);
    back.close();
    agent.close();
  });

  it('does not deliver an agent reply twice when the console re-sends it after a drop', async () => {
    server = await startTestApp({ overrides: { knowledge: smallKnowledge() } });
    const { customer, agent, id } = await webCustomerWithAgent(server.url);
    const seen = collect<WireMessage>(customer, 'message');
    const first = await request<Ack<{ seq: number; duplicate: boolean }>>(agent, 'reply', {
      conversationId: id,
      text: 'once',
      clientId: 'same',
    });
    const again = await request<Ack<{ seq: number; duplicate: boolean }>>(agent, 'reply', {
      conversationId: id,
      text: 'once',
      clientId: 'same',
    });
    expect(first).toMatchObject({ ok: true, duplicate: false });
    expect(again).toMatchObject({ ok: true, duplicate: true, seq: first.seq });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen.filter((m) => m.text === 'once')).toHaveLength(1);
    customer.close();
    agent.close();
  });

  it('does not store a widget message twice when it is re-sent with the same client id', async () => {
    server = await startTestApp({ overrides: { knowledge: smallKnowledge() } });
    const customer = connectCustomer(server.url);
    await nextEvent(customer, 'session');
    const first = await request<Ack<{ seq: number; duplicate: boolean }>>(customer, 'message', {
      text: 'hi',
      clientId: 'c1',
    });
    const second = await request<Ack<{ seq: number; duplicate: boolean }>>(customer, 'message', {
      text: 'hi',
      clientId: 'c1',
    });
    expect(first).toMatchObject({ ok: true, duplicate: false });
    expect(second).toMatchObject({ ok: true, duplicate: true });
    const [conversation] = await server.app.store.listConversations();
    expect(
      (await server.app.store.getMessages(conversation!.id)).filter((m) => m.author === 'customer'),
    ).toHaveLength(1);
    customer.close();
  });

  it('keeps transcript, queue and assignment across a server restart on the same DATA_DIR', async () => {
    server = await startTestApp({ overrides: { knowledge: smallKnowledge() } });
    const { customer, agent, token, id } = await webCustomerWithAgent(server.url);
    await request(agent, 'reply', { conversationId: id, text: 'before restart', clientId: 'r1' });
    // A second customer waits in the queue.
    const waiting = connectCustomer(server.url);
    await nextEvent(waiting, 'session');
    await request(waiting, 'message', { text: 'human', clientId: 'w1' });
    customer.close();
    agent.close();
    waiting.close();
    const dataDir = server.dataDir;
    await server.stop();

    server = await startTestApp({ dataDir, overrides: { knowledge: smallKnowledge() } });
    const agentAgain = connectAgent(server.url, await signIn(server.url));
    const [queue, mine] = await Promise.all([
      nextEvent<{ items: ConversationSummary[] }>(agentAgain, 'queue'),
      nextEvent<{ items: ConversationSummary[] }>(agentAgain, 'mine'),
    ]);
    expect(queue.items).toHaveLength(1);
    expect(mine.items.map((c) => c.id)).toEqual([id]);
    const customerAgain = connectCustomer(server.url, { token, lastSeq: 0 });
    const history = await nextEvent<{ messages: WireMessage[]; mode: string }>(customerAgain, 'history');
    expect(history.mode).toBe('assigned');
    expect(history.messages.map((m) => m.text)).toContain('before restart');
    const reply = nextEvent<WireMessage>(customerAgain, 'message', (m) => m.text === 'after restart');
    await request(agentAgain, 'reply', { conversationId: id, text: 'after restart', clientId: 'r2' });
    await reply;
    customerAgain.close();
    agentAgain.close();
  });

  it('answers after a restart a message the previous run stored but died before answering', async () => {
    server = await startTestApp({ overrides: { knowledge: smallKnowledge() } });
    const customer = connectCustomer(server.url);
    const { token } = await nextEvent<{ token: string }>(customer, 'session');
    await request(customer, 'message', { text: 'hello', clientId: 'h1' });
    customer.close();
    const [conversation] = await server.app.store.listConversations({ limit: 1 });
    // What a crash between storing and answering leaves: the customer's message, and no answer.
    const { message } = await server.app.store.appendMessage(conversation!.id, {
      author: 'customer',
      text: 'where do I find a call id?',
      createdAt: Date.now() - 5_000,
    });
    const dataDir = server.dataDir;
    await server.stop();

    server = await startTestApp({ dataDir, overrides: { knowledge: smallKnowledge() } });
    const answer = await waitFor(async () =>
      (await server.app.store.getMessages(conversation!.id, message.seq)).find((m) => m.author === 'bot'),
    );
    expect(answer.text).toMatch(/Logging section/);
    // The widget that comes back is given the answer with what it missed.
    const back = connectCustomer(server.url, { token, lastSeq: message.seq });
    const history = await nextEvent<{ messages: WireMessage[] }>(back, 'history');
    expect(history.messages.map((m) => m.seq)).toContain(answer.seq);
    back.close();
    // Answered once: a second start finds nothing left to answer.
    const dataDirAgain = server.dataDir;
    await server.stop();
    server = await startTestApp({ dataDir: dataDirAgain, overrides: { knowledge: smallKnowledge() } });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const transcript = await server.app.store.getMessages(conversation!.id);
    expect(transcript.filter((m) => m.author === 'bot' && m.seq > message.seq)).toHaveLength(1);
  });
});
