import { io } from 'socket.io-client';
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

type Result = { ok: boolean; error?: { code: string; message: string } };

describe('claims and bad input', () => {
  let server: TestApp;
  beforeEach(async () => {
    server = await startTestApp({ overrides: { knowledge: smallKnowledge() } });
    await server.app.directory.add({ username: 'bea', password: 'bea-password', displayName: 'Bea' });
  });
  afterEach(async () => {
    await server.cleanup();
  });

  it('gives a conversation to exactly one of two agents claiming at once, and tells the other', async () => {
    const customer = connectCustomer(server.url);
    await nextEvent(customer, 'session');
    const [adminCookie, beaCookie] = await Promise.all([
      signIn(server.url),
      signIn(server.url, 'bea', 'bea-password'),
    ]);
    const admin = connectAgent(server.url, adminCookie);
    const bea = connectAgent(server.url, beaCookie);
    await Promise.all([nextEvent(admin, 'hello'), nextEvent(bea, 'hello')]);
    const seenByBea = nextEvent<ConversationSummary>(bea, 'handoffRequested');
    const seenByAdmin = nextEvent<ConversationSummary>(admin, 'handoffRequested');
    await request(customer, 'message', { text: 'human', clientId: 'h' });
    const [{ id }] = await Promise.all([seenByBea, seenByAdmin]);

    // Listen before claiming: under load the queue broadcast can arrive before the claims' answers.
    const emptied = nextEvent<{ items: ConversationSummary[] }>(bea, 'queue', (q) => q.items.length === 0);
    const results = await Promise.all([
      request<Result>(admin, 'claim', { conversationId: id }),
      request<Result>(bea, 'claim', { conversationId: id }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const loser = results.find((r) => !r.ok)!;
    expect(loser.error).toMatchObject({ code: 'already_claimed' });
    expect(loser.error!.message).toMatch(/Already claimed by (Admin|Bea)/);
    expect((await emptied).items).toEqual([]);
    [customer, admin, bea].forEach((s) => s.close());
  });

  it('answers an oversized, a non-string and a malformed message with a clear error and stores nothing', async () => {
    const customer = connectCustomer(server.url);
    await nextEvent(customer, 'session');
    const oversized = await request<Result>(customer, 'message', { text: 'x'.repeat(5000), clientId: 'a' });
    expect(oversized.error).toMatchObject({ code: 'too_long' });
    const notText = await request<Result>(customer, 'message', { text: { $gt: '' }, clientId: 'b' });
    expect(notText.error).toMatchObject({ code: 'invalid_input' });
    const malformed = await request<Result>(customer, 'message', 'just a string');
    expect(malformed.error).toMatchObject({ code: 'invalid_input' });
    const badAttachment = await request<Result>(customer, 'message', {
      text: 'see',
      clientId: 'c',
      attachments: [{ url: 'https://evil.example/x.png' }],
    });
    expect(badAttachment.error).toMatchObject({ code: 'invalid_input' });
    expect(await server.app.store.listConversations()).toEqual([]);
    // The server still works for the same customer afterwards.
    const fine = await request<Result>(customer, 'message', { text: 'hello', clientId: 'd' });
    expect(fine.ok).toBe(true);
    customer.close();
  });

  it('tells a client about an unknown event instead of ignoring it silently', async () => {
    const customer = connectCustomer(server.url);
    await nextEvent(customer, 'session');
    const problem = nextEvent<{ code: string }>(customer, 'problem');
    (customer as unknown as { emit(event: string, ...args: unknown[]): void }).emit('deleteEverything', {});
    expect(await problem).toMatchObject({ code: 'unknown_event' });
    customer.close();
  });

  it('refuses a console connection with a forged or expired session, and console actions after sign-out', async () => {
    const forged = io(`${server.url}/console`, {
      transports: ['websocket'],
      extraHeaders: { cookie: 'handoff_agent=forged-token-value' },
      reconnection: false,
      forceNew: true,
    });
    const error = await nextEvent<Error & { data?: { code: string } }>(forged, 'connect_error');
    expect(error.data).toEqual({ code: 'unauthorized' });
    forged.close();

    const cookie = await signIn(server.url, 'bea', 'bea-password');
    const agent = connectAgent(server.url, cookie);
    await nextEvent(agent, 'hello');
    // Signing out closes the open console at once (no more live customer data reaches it).
    const closed = nextEvent<string>(agent, 'disconnect');
    await fetch(`${server.url}/console/api/logout`, { method: 'POST', headers: { cookie } });
    expect(await closed).toBe('io server disconnect');
    const me = await fetch(`${server.url}/console/api/me`, { headers: { cookie } });
    expect(me.status).toBe(401);
  });

  it('refuses a wrong password with 401 and malformed sign-in JSON with 400, and keeps serving', async () => {
    const wrong = await fetch(`${server.url}/console/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bea', password: 'nope-nope' }),
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({
      error: { code: 'bad_credentials', message: 'Wrong username or password' },
    });
    const malformed = await fetch(`${server.url}/console/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"username": ',
    });
    expect(malformed.status).toBe(400);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
