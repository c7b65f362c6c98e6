import type { ConversationSummary, WireMessage } from '../../src/realtime/socket-events';
import {
  ADMIN_PASSWORD,
  connectAgent,
  connectCustomer,
  nextEvent,
  request,
  signIn,
  type TestApp,
} from '../support/start-app';
import { eventually, startInstance } from './instances';
import { PrivateRedis } from './private-redis';

const readiness = async (url: string) => {
  const response = await fetch(`${url}/readyz`);
  return { status: response.status, body: (await response.json()) as { ready: boolean; redis?: boolean } };
};

describe('a Redis restart', () => {
  let redis: PrivateRedis;
  let a: TestApp;
  let b: TestApp;
  beforeEach(async () => {
    redis = await PrivateRedis.start();
    a = await startInstance('handoff:', redis.url);
    b = await startInstance('handoff:', redis.url);
  });
  afterEach(async () => {
    await a.cleanup();
    await b.cleanup();
    await redis.kill();
  });

  it('is reflected by /readyz and recovered from without a manual step', async () => {
    expect(await readiness(a.url)).toEqual({ status: 200, body: { ready: true, redis: true } });
    const customer = connectCustomer(a.url);
    await nextEvent(customer, 'session');
    const answered = nextEvent<WireMessage>(customer, 'message', (m) => m.author === 'bot');
    expect(await request(customer, 'message', { text: 'hello', clientId: 'c1' })).toMatchObject({ ok: true });
    await answered;

    await redis.kill();
    await eventually(async () => (await readiness(a.url)).status === 503);
    expect((await readiness(b.url)).body).toEqual({ ready: false, redis: false });
    // Still alive: the balancer takes it out of rotation, the orchestrator does not restart it.
    expect((await fetch(`${a.url}/healthz`)).status).toBe(200);

    await redis.restart();
    await eventually(async () => (await readiness(a.url)).status === 200);
    await eventually(async () => (await readiness(b.url)).status === 200);

    // The restarted Redis is empty (no persistence here): the first agent is created again...
    await b.app.directory.ensureAdmin(ADMIN_PASSWORD);
    const agent = connectAgent(b.url, await signIn(b.url));
    await nextEvent(agent, 'hello');
    // ...and the customer's open widget on A reaches the agent on B: store and pub/sub are back.
    const requested = nextEvent<ConversationSummary>(agent, 'handoffRequested');
    const sent = await request<{ ok: boolean }>(customer, 'message', { text: 'Human', clientId: 'c2' });
    expect(sent.ok).toBe(true);
    const queued = await requested;
    const heard = nextEvent<{ message: WireMessage }>(
      agent,
      'message',
      (p) => p.message.text === 'still there?',
    );
    await request(agent, 'claim', { conversationId: queued.id });
    await request(customer, 'message', { text: 'still there?', clientId: 'c3' });
    await heard;
    customer.close();
    agent.close();
  });
});
