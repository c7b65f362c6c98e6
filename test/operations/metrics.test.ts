import { createDeskMetrics } from '../../adapters/metrics/desk-metrics';
import { EngineEvents } from '../../src/events/engine-events';
import type { Conversation } from '../../src/model/conversation';
import type { WireMessage } from '../../src/realtime/socket-events';
import { SqliteStore } from '../../adapters/sqlite/sqlite-store';
import { parseScrape, valueOf } from '../support/prometheus-text';
import { smallKnowledge } from '../support/small-knowledge';
import { connectCustomer, nextEvent, request, startTestApp, type TestApp } from '../support/start-app';
import { webCustomerWaiting } from '../support/web-handoff';

const TOKEN = 'scrape-token-for-tests';

describe('GET /metrics', () => {
  let server: TestApp;
  beforeAll(async () => {
    server = await startTestApp({
      env: { METRICS_TOKEN: TOKEN },
      overrides: { knowledge: smallKnowledge() },
    });
  });
  afterAll(async () => {
    await server.cleanup();
  });

  const scrape = async () => {
    const response = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return parseScrape(await response.text());
  };

  it('refuses a scrape without the bearer token or with a wrong one', async () => {
    const bare = await fetch(`${server.url}/metrics`);
    expect(bare.status).toBe(401);
    expect(bare.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const wrong = await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).not.toContain('handoff_');
  });

  it('counts messages, handoffs, the queue and answer confidence as a conversation goes on', async () => {
    const asking = connectCustomer(server.url);
    await nextEvent(asking, 'session');
    const answered = nextEvent<WireMessage>(
      asking,
      'message',
      (m) => m.author === 'bot' && m.answerId !== undefined,
    );
    await request(asking, 'message', { text: 'where do I find a call id?', clientId: 'q1' });
    await answered;
    const waiting = await webCustomerWaiting(server.url);

    const queued = await scrape();
    expect(valueOf(queued, 'handoff_messages_total', { channel: 'web', direction: 'inbound' })).toBe(2);
    expect(
      valueOf(queued, 'handoff_messages_total', { channel: 'web', direction: 'outbound', author: 'bot' }),
    ).toBeGreaterThanOrEqual(2);
    expect(
      valueOf(queued, 'handoff_transitions_total', { event: 'request', from: 'bot', to: 'queued' }),
    ).toBe(1);
    expect(valueOf(queued, 'handoff_queue_length')).toBe(1);
    const wait = valueOf(queued, 'handoff_queue_longest_wait_seconds');
    expect(wait).toBeGreaterThanOrEqual(0);
    expect(wait).toBeLessThan(30);
    const confidence = queued.find((f) => f.name === 'handoff_answer_confidence');
    expect(confidence?.type).toBe('HISTOGRAM');
    expect(confidence?.metrics[0]?.buckets).toMatchObject({ '0.8': '0', '0.9': '1', '+Inf': '1' });
    // prom-client's default process metrics, event-loop lag among them.
    for (const name of [
      'nodejs_eventloop_lag_seconds',
      'process_cpu_user_seconds_total',
      'process_resident_memory_bytes',
    ]) {
      expect(valueOf(queued, name)).toBeGreaterThanOrEqual(0);
    }

    expect(await request(waiting.agent, 'claim', { conversationId: waiting.id })).toMatchObject({ ok: true });
    const claimed = await scrape();
    expect(valueOf(claimed, 'handoff_queue_length')).toBe(0);
    expect(
      valueOf(claimed, 'handoff_transitions_total', { event: 'claim', from: 'queued', to: 'assigned' }),
    ).toBe(1);
    asking.close();
    waiting.customer.close();
    waiting.agent.close();
  });
});

describe('the scrape check', () => {
  it('refuses lines a lenient parser would take', () => {
    expect(() => parseScrape('a_total{c="web} 3\n')).toThrow(/not in the Prometheus text format/);
    expect(() => parseScrape('a total 3\n')).toThrow(/not in the Prometheus text format/);
    expect(() => parseScrape('# TYPE a counter\na 3\n# TYPE a counter\na 4\n')).toThrow(/declared twice/);
  });
});

describe('delivery failures', () => {
  it('counts a message a provider reports failed or undelivered, by channel and status', async () => {
    const events = new EngineEvents();
    const store = new SqliteStore(':memory:');
    const metrics = createDeskMetrics({ events, store });
    const conversation = { id: 'c1', ref: { channel: 'sms' } } as Conversation;
    const update = (status: 'failed' | 'undelivered' | 'delivered') =>
      events.emit('messageUpdated', {
        conversation,
        message: {
          conversationId: 'c1',
          seq: 1,
          author: 'agent',
          text: 'hi',
          createdAt: 0,
          delivery: { status, at: 0 },
        },
      });
    update('failed');
    update('undelivered');
    update('delivered');
    const families = parseScrape(await metrics.registry.metrics());
    expect(valueOf(families, 'handoff_delivery_failures_total', { channel: 'sms', status: 'failed' })).toBe(
      1,
    );
    expect(
      valueOf(families, 'handoff_delivery_failures_total', { channel: 'sms', status: 'undelivered' }),
    ).toBe(1);
    expect(valueOf(families, 'handoff_delivery_failures_total', { status: 'delivered' })).toBeUndefined();
    metrics.close();
    await store.close();
  });
});
