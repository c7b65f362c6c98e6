import type { ConversationSummary, WireMessage } from '../../src/realtime/socket-events';
import {
  connectAgent,
  connectCustomer,
  nextEvent,
  request,
  signIn,
  type ConsoleSocket,
  type TestApp,
} from '../support/start-app';
import { deleteKeys, uniquePrefix } from '../store/redis-test-prefix';
import { startInstance } from './instances';

type Ack<T = object> = { ok: true } & T;

describe('two instances sharing one Redis', () => {
  let prefix: string;
  let a: TestApp;
  let b: TestApp;
  beforeEach(async () => {
    prefix = uniquePrefix('two');
    a = await startInstance(prefix);
    b = await startInstance(prefix);
  });
  afterEach(async () => {
    await a.cleanup();
    await b.cleanup();
    await deleteKeys(prefix);
  });

  it('lets a customer on A and an agent on B talk live, and shows every agent the same queue', async () => {
    const customer = connectCustomer(a.url);
    await nextEvent(customer, 'session');
    const [cookieB, cookieA] = [await signIn(b.url), await signIn(a.url)];
    const agentOnB = connectAgent(b.url, cookieB);
    const agentOnA = connectAgent(a.url, cookieA);
    await Promise.all([nextEvent(agentOnB, 'hello'), nextEvent(agentOnA, 'hello')]);

    const inQueue = (socket: ConsoleSocket) =>
      nextEvent<{ items: ConversationSummary[] }>(socket, 'queue', (q) => q.items.length === 1);
    const requested = nextEvent<ConversationSummary>(agentOnB, 'handoffRequested');
    const queues = Promise.all([inQueue(agentOnA), inQueue(agentOnB)]);
    await request(customer, 'message', { text: 'Human', clientId: 'h1' });
    const queued = await requested;
    const [queueA, queueB] = await queues;
    expect(queueA.items.map((i) => i.id)).toEqual([queued.id]);
    expect(queueB.items).toEqual(queueA.items);

    const joined = nextEvent<WireMessage>(customer, 'message', (m) => /joined/.test(m.text));
    const mode = nextEvent<{ mode: string; agentName?: string }>(
      customer,
      'mode',
      (m) => m.mode === 'assigned',
    );
    const emptiedOnA = nextEvent<{ items: ConversationSummary[] }>(
      agentOnA,
      'queue',
      (q) => q.items.length === 0,
    );
    const claimed = await request<Ack>(agentOnB, 'claim', { conversationId: queued.id });
    expect(claimed.ok).toBe(true);
    expect((await mode).agentName).toBe('Admin');
    await joined;

    // Agent on B -> customer on A.
    const reply = nextEvent<WireMessage>(customer, 'message', (m) => m.author === 'agent');
    await request(agentOnB, 'reply', { conversationId: queued.id, text: 'Hello from B', clientId: 'r1' });
    expect((await reply).text).toBe('Hello from B');

    // Customer on A -> agent on B.
    const heard = nextEvent<{ message: WireMessage }>(
      agentOnB,
      'message',
      (p) => p.message.author === 'customer',
    );
    await request(customer, 'message', { text: 'Hello from A', clientId: 'c2' });
    expect((await heard).message.text).toBe('Hello from A');

    // The claim on B emptied the queue the agent on A sees; A opens the same transcript.
    await emptiedOnA;
    const opened = await request<Ack<{ conversation: { messages: WireMessage[] } }>>(agentOnA, 'open', {
      conversationId: queued.id,
    });
    expect(opened.conversation.messages.filter((m) => m.text === 'Hello from A')).toHaveLength(1);
    expect(opened.conversation.messages.filter((m) => m.text === 'Hello from B')).toHaveLength(1);
    customer.close();
    agentOnA.close();
    agentOnB.close();
  });

  it('gives exactly one winner to 100 simultaneous claims from agents on both instances', async () => {
    const agents = [];
    for (let i = 0; i < 10; i++) {
      agents.push(
        await a.app.directory.add({
          username: `agent${i}`,
          password: 'long-enough-pw',
          displayName: `Agent ${i}`,
        }),
      );
    }
    const sockets: ConsoleSocket[] = [];
    const hellos: Promise<unknown>[] = [];
    for (const agent of agents) {
      for (const server of [a, b]) {
        const cookie = await signIn(server.url, agent.username, 'long-enough-pw');
        for (let k = 0; k < 5; k++) {
          const socket = connectAgent(server.url, cookie);
          hellos.push(nextEvent(socket, 'hello', () => true, 15_000));
          sockets.push(socket);
        }
      }
    }
    await Promise.all(hellos);
    expect(sockets).toHaveLength(100);

    const customer = connectCustomer(a.url);
    await nextEvent(customer, 'session');
    const requested = nextEvent<ConversationSummary>(sockets[0]!, 'handoffRequested');
    await request(customer, 'message', { text: 'Human', clientId: 'h1' });
    const { id } = await requested;

    const results = await Promise.all(
      sockets.map((s) =>
        request<{ ok: boolean; error?: { code: string } }>(s, 'claim', { conversationId: id }),
      ),
    );
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => r.error?.code === 'already_claimed')).toBe(true);
    const stored = await b.app.store.getConversation(id);
    expect(stored?.history.filter((t) => t.event === 'claim')).toHaveLength(1);
    const transcript = await a.app.store.getMessages(id);
    expect(transcript.filter((m) => /joined the conversation/.test(m.text))).toHaveLength(1);
    customer.close();
    sockets.forEach((s) => s.close());
  });

  it('processes the same inbound provider message once when both instances receive it', async () => {
    const inbound = (text: string) => ({
      ref: { channel: 'sms' as const, conversationKey: '+15550100', customerId: '+15550100' },
      text,
      externalId: 'SM0123456789abcdef',
    });
    const deliveries = await Promise.allSettled([
      a.app.engine.handleInbound(inbound('my calls drop')),
      b.app.engine.handleInbound(inbound('my calls drop')),
      a.app.engine.handleInbound(inbound('my calls drop')),
      b.app.engine.handleInbound(inbound('my calls drop')),
    ]);
    const done = deliveries.flatMap((d) => (d.status === 'fulfilled' ? [d.value] : []));
    expect(done.filter((r) => !r.duplicate)).toHaveLength(1);
    // A copy that arrives while another instance is storing it is refused for a retry, never processed.
    const refused = deliveries.flatMap((d) =>
      d.status === 'rejected' ? [d.reason as { code?: string }] : [],
    );
    expect(refused.every((e) => e.code === 'in_progress')).toBe(true);
    // The provider retries what was refused: now it is a duplicate.
    const retried = await b.app.engine.handleInbound(inbound('my calls drop'));
    expect(retried.duplicate).toBe(true);
    const conversationId = done[0]!.conversation.id;
    expect(retried.conversation.id).toBe(conversationId);
    const transcript = await a.app.store.getMessages(conversationId);
    expect(transcript.filter((m) => m.author === 'customer')).toHaveLength(1);
    // The bot answered once, not once per delivery: its reply (one or more messages) is not repeated.
    const replies = transcript.filter((m) => m.author === 'bot').map((m) => m.text);
    expect(replies.length).toBeGreaterThan(0);
    expect(new Set(replies).size).toBe(replies.length);
  });
});
