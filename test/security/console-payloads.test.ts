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
import type { ConversationSummary } from '../../src/realtime/socket-events';

type Result = { ok: boolean; error?: { code: string; message: string }; conversation?: { id: string } };

describe('console payloads are checked at the edge', () => {
  let server: TestApp;
  beforeAll(async () => {
    server = await startTestApp({
      env: { RATE_TYPING_PER_SESSION: '1000', RATE_TYPING_PER_ADDRESS: '1000' },
      overrides: { knowledge: smallKnowledge() },
    });
  });
  afterAll(async () => {
    await server.cleanup();
  });

  it('refuses a reclassification outside the policy with a clear error, and the chat stays readable', async () => {
    const customer = connectCustomer(server.url);
    await nextEvent(customer, 'session');
    const agent = connectAgent(server.url, await signIn(server.url));
    await nextEvent(agent, 'hello');
    const requested = nextEvent<ConversationSummary>(agent, 'handoffRequested');
    await request(customer, 'message', { text: 'human', clientId: 'h1' });
    const { id } = await requested;
    expect((await request<Result>(agent, 'claim', { conversationId: id })).ok).toBe(true);

    const bad: unknown[] = [
      { conversationId: id, severity: 'P2', category: 42 },
      { conversationId: id, severity: 'P2', category: ['platform'] },
      { conversationId: id, severity: 'P2', category: 'x'.repeat(500_000) },
      { conversationId: id, severity: 'P2', category: 'billing' },
      { conversationId: id, severity: 'P9' },
      { conversationId: id, severity: 3 },
      { conversationId: 42, severity: 'P2' },
      null,
      'P2',
    ];
    for (const payload of bad) {
      const answer = await request<Result>(agent, 'reclassify', payload);
      expect(answer.ok).toBe(false);
      expect(answer.error?.code).toBe('invalid_input');
    }
    const category = await request<Result>(agent, 'reclassify', {
      conversationId: id,
      severity: 'P2',
      category: 42,
    });
    expect(category.error?.message).toMatch(/category/);

    expect(
      (
        await request<Result>(agent, 'reclassify', {
          conversationId: id,
          severity: 'P3',
          category: 'operational',
        })
      ).ok,
    ).toBe(true);
    const stored = await server.app.store.getConversation(id);
    expect(stored?.brief).toMatchObject({ severity: 'P3', category: 'operational' });
    const opened = await request<Result>(agent, 'open', { conversationId: id });
    expect(opened.ok).toBe(true);
    [customer, agent].forEach((socket) => socket.close());
  });

  it('answers malformed console actions with invalid_input, not an internal error', async () => {
    const agent = connectAgent(server.url, await signIn(server.url));
    await nextEvent(agent, 'hello');
    for (const event of ['claim', 'open', 'reply', 'resolve', 'release']) {
      for (const payload of [
        null,
        42,
        'x',
        [],
        { conversationId: {} },
        { conversationId: 'c', afterSeq: 'x', text: 5 },
      ]) {
        const answer = await request<Result>(agent, event, payload);
        expect(answer.ok).toBe(false);
        expect(['invalid_input', 'not_found', 'not_assigned']).toContain(answer.error?.code);
      }
    }
    agent.close();
  });
});
