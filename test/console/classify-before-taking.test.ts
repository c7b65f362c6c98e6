import type { ConversationDetail, ConversationSummary } from '../../src/realtime/socket-events';
import { textOf, webCustomer, type WebCustomer } from '../flows/support/chat-driver';
import {
  connectAgent,
  nextEvent,
  request,
  signIn,
  startTestApp,
  type ConsoleSocket,
  type TestApp,
} from '../support/start-app';

type Answer = { ok: true; conversation: ConversationDetail } | { ok: false; error: { code: string } };

/** A Wednesday noon next year, inside support hours. */
const NOON = Date.UTC(new Date().getUTCFullYear() + 1, 5, 2, 12, 0);

describe('every conversation an agent takes has a category and severity (enforced by the server)', () => {
  let server: TestApp;
  let agent: ConsoleSocket;
  let other: ConsoleSocket;
  beforeAll(async () => {
    // The product's default: on (test/support/start-app.ts turns it off for older tests).
    server = await startTestApp({ overrides: { classifyBeforeTaking: true, clock: () => NOON } });
    const cookie = await signIn(server.url);
    agent = connectAgent(server.url, cookie);
    other = connectAgent(server.url, cookie);
    await Promise.all([nextEvent(agent, 'hello'), nextEvent(other, 'hello')]);
  });
  afterAll(async () => {
    agent.close();
    other.close();
    await server.cleanup();
  });

  /** A web customer who typed "Human" and never answered the triage question. */
  async function unclassified(): Promise<{ customer: WebCustomer; id: string }> {
    const customer = await webCustomer(server.url);
    const requested = nextEvent<ConversationSummary>(agent, 'handoffRequested');
    expect(textOf(await customer.say('Human'))).toMatch(/how bad is it/);
    const { id } = await requested;
    return { customer, id };
  }

  it('refuses a claim without a classification, then takes it with the one the agent set', async () => {
    const { customer, id } = await unclassified();
    const refused = await request<Answer>(agent, 'claim', { conversationId: id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'classification_required' } });
    expect((await server.app.store.getConversation(id))?.mode).toBe('queued');
    // Half a classification is no classification.
    expect(await request<Answer>(agent, 'claim', { conversationId: id, severity: 'P3' })).toMatchObject({
      ok: false,
      error: { code: 'classification_required' },
    });
    expect(
      await request<Answer>(agent, 'claim', { conversationId: id, severity: 'P9', category: 'platform' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    const claimed = await request<Answer>(agent, 'claim', {
      conversationId: id,
      severity: 'P2',
      category: 'platform',
    });
    expect(claimed).toMatchObject({
      ok: true,
      conversation: { mode: 'assigned', severity: 'P2', category: 'platform' },
    });
    expect(await server.app.store.getConversation(id)).toMatchObject({
      mode: 'assigned',
      priority: 2,
      brief: { severity: 'P2', category: 'platform' },
    });
    // A second claimer hears that someone was quicker, not that a form is missing.
    expect(await request<Answer>(other, 'claim', { conversationId: id })).toMatchObject({
      ok: false,
      error: { code: 'already_claimed' },
    });
    await request(agent, 'resolve', { conversationId: id });
    customer.close();
  });

  it("shows the bot's suggestion from the customer's words in the queue, to prefill the form", async () => {
    const { customer, id } = await unclassified();
    const updated = nextEvent<{ items: ConversationSummary[] }>(agent, 'queue', ({ items }) =>
      items.some((item) => item.id === id && item.suggested?.severity !== undefined),
    );
    // Not an answer to the question (no severity named), but the words suggest one.
    expect(await customer.say('all our calls are failing since this morning')).toEqual([]);
    const row = (await updated).items.find((item) => item.id === id)!;
    expect(row.suggested?.severity).toMatch(/^P[0-5]$/);
    expect(row.severity).toBeUndefined();
    // The suggestion alone does not classify: the agent still confirms it.
    expect(await request<Answer>(agent, 'claim', { conversationId: id })).toMatchObject({
      ok: false,
      error: { code: 'classification_required' },
    });
    const suggested = row.suggested!.severity!;
    expect(
      await request<Answer>(agent, 'claim', {
        conversationId: id,
        severity: suggested,
        category: 'platform',
      }),
    ).toMatchObject({ ok: true, conversation: { severity: suggested, category: 'platform' } });
    await request(agent, 'resolve', { conversationId: id });
    customer.close();
  });

  it('takes a conversation the customer classified without asking', async () => {
    const { customer, id } = await unclassified();
    expect(textOf(await customer.say('P4'))).toMatch(/noted as P4 \(operational\)/);
    expect(await request<Answer>(agent, 'claim', { conversationId: id })).toMatchObject({
      ok: true,
      conversation: { severity: 'P4', category: 'operational' },
    });
    await request(agent, 'resolve', { conversationId: id });
    customer.close();
  });

  it('asks for the classification when an agent writes to (reopens) an unclassified conversation', async () => {
    const customer = await webCustomer(server.url);
    await customer.say('hello');
    const id = (await server.app.store.listConversations({ modes: ['bot'], limit: 50 })).find(
      (c) => c.lastCustomerText === 'hello',
    )!.id;
    expect(await request<Answer>(agent, 'reopen', { conversationId: id })).toMatchObject({
      ok: false,
      error: { code: 'classification_required' },
    });
    expect(
      await request<{ ok: boolean }>(agent, 'reply', { conversationId: id, text: 'Hi there' }),
    ).toMatchObject({ ok: false });
    expect(
      await request<Answer>(agent, 'reopen', { conversationId: id, severity: 'P5', category: 'operational' }),
    ).toMatchObject({
      ok: true,
      conversation: { mode: 'assigned', severity: 'P5', category: 'operational' },
    });
    expect(
      await request<{ ok: boolean }>(agent, 'reply', { conversationId: id, text: 'Hi there' }),
    ).toMatchObject({ ok: true });
    customer.close();
  });
});
