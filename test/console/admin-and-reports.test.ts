import type { ConversationSummary } from '../../src/realtime/socket-events';
import type { DeskReport } from '../../src/reports/desk-report';
import { webCustomer } from '../flows/support/chat-driver';
import { smallKnowledge } from '../support/small-knowledge';
import { connectAgent, nextEvent, request, signIn, startTestApp, type TestApp } from '../support/start-app';

interface Account {
  id: string;
  username: string;
  role: string;
  disabledAt?: number;
}

describe('admin in the console and the desk report', () => {
  let server: TestApp;
  let admin: string;

  beforeAll(async () => {
    server = await startTestApp({ overrides: { knowledge: smallKnowledge() } });
    admin = await signIn(server.url);
  });
  afterAll(async () => {
    await server?.cleanup();
  });

  async function call(cookie: string | undefined, method: string, path: string, body?: unknown) {
    const response = await fetch(`${server.url}/console/api${path}`, {
      method,
      headers: {
        ...(cookie && { cookie }),
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    const json = response.headers.get('content-type')?.includes('json')
      ? (JSON.parse(text) as unknown)
      : undefined;
    return {
      status: response.status,
      json: json as Record<string, unknown>,
      text,
      headers: response.headers,
    };
  }

  it('adds an agent with a one-time password, who may not see reports or accounts', async () => {
    const added = await call(admin, 'POST', '/admin/agents', { username: 'Bea', displayName: 'Bea Lopez' });
    expect(added.status).toBe(201);
    expect(added.json.agent).toMatchObject({ username: 'bea', displayName: 'Bea Lopez', role: 'agent' });
    expect(JSON.stringify(added.json)).not.toContain('scrypt');
    const password = added.json.password as string;
    const bea = await signIn(server.url, 'bea', password);
    expect((await call(bea, 'GET', '/reports/desk')).status).toBe(403);
    expect((await call(bea, 'GET', '/admin/agents')).status).toBe(403);
    expect((await call(bea, 'POST', '/admin/agents', { username: 'mallory' })).status).toBe(403);
    expect((await call(undefined, 'GET', '/reports/desk.csv')).status).toBe(401);
    expect((await call(admin, 'POST', '/admin/agents', { username: 'bea' })).status).toBe(409);
    expect((await call(admin, 'POST', '/admin/agents', { username: 'x y', role: 'owner' })).status).toBe(400);
  });

  it('disabling an agent closes their open console and refuses them until enabled again', async () => {
    const { json } = await call(admin, 'POST', '/admin/agents', {
      username: 'carl',
      password: 'carl-password-1',
    });
    const carl = json.agent as Account;
    const cookie = await signIn(server.url, 'carl', 'carl-password-1');
    const socket = connectAgent(server.url, cookie);
    await nextEvent(socket, 'hello');
    const closed = nextEvent(socket, 'disconnect');
    const disabled = await call(admin, 'POST', `/admin/agents/${carl.id}/disable`);
    expect(typeof (disabled.json.agent as Account).disabledAt).toBe('number');
    await closed;
    expect((await call(cookie, 'GET', '/me')).status).toBe(401);
    const refused = await call(undefined, 'POST', '/login', {
      username: 'carl',
      password: 'carl-password-1',
    });
    expect(refused).toMatchObject({ status: 403, json: { error: { message: 'This account is disabled' } } });
    const listed = (await call(admin, 'GET', '/agents')).json.agents as {
      id: string;
      disabled?: boolean;
    }[];
    expect(listed.find((a) => a.id === carl.id)?.disabled).toBe(true);

    await call(admin, 'POST', `/admin/agents/${carl.id}/enable`);
    await signIn(server.url, 'carl', 'carl-password-1');
  });

  it('resets a password (old sessions end) and changes roles, keeping one enabled admin', async () => {
    const accounts = (await call(admin, 'GET', '/admin/agents')).json.agents as Account[];
    const bea = accounts.find((a) => a.username === 'bea')!;
    const me = accounts.find((a) => a.username === 'admin')!;
    const oldSession = await signIn(server.url, 'carl', 'carl-password-1');
    const carl = accounts.find((a) => a.username === 'carl')!;
    const reset = await call(admin, 'POST', `/admin/agents/${carl.id}/reset`);
    expect((await call(oldSession, 'GET', '/me')).status).toBe(401);
    await signIn(server.url, 'carl', reset.json.password as string);

    expect((await call(admin, 'POST', `/admin/agents/${me.id}/disable`)).status).toBe(409);
    expect((await call(admin, 'POST', `/admin/agents/${me.id}/role`, { role: 'agent' })).status).toBe(409);
    await call(admin, 'POST', `/admin/agents/${bea.id}/role`, { role: 'admin' });
    const beaCookie = await signIn(
      server.url,
      'bea',
      (await call(admin, 'POST', `/admin/agents/${bea.id}/reset`)).json.password as string,
    );
    expect((await call(beaCookie, 'GET', '/reports/desk')).status).toBe(200);
    expect((await call(admin, 'POST', `/admin/agents/nobody/role`, { role: 'agent' })).status).toBe(404);
  });

  it('reports a handoff, its first response, resolution and rating, as JSON and as CSV', async () => {
    const agent = connectAgent(server.url, admin);
    await nextEvent(agent, 'hello');
    const customer = await webCustomer(server.url);
    await customer.say('where do I find a call id?');
    const queued = nextEvent<ConversationSummary>(agent, 'handoffRequested');
    await customer.say('Human');
    const { id } = await queued;
    await request(agent, 'claim', { conversationId: id });
    await request(agent, 'note', { conversationId: id, text: 'checking the account' });
    await request(agent, 'reply', { conversationId: id, text: 'Found it.', clientId: 'r1' });
    await request(agent, 'resolve', { conversationId: id });
    await customer.say('5');
    const bot = await webCustomer(server.url);
    await bot.say('where do I find a call id?');

    const { json, status } = await call(admin, 'GET', '/reports/desk');
    expect(status).toBe(200);
    const report = json.report as DeskReport;
    expect(report.totals).toMatchObject({
      conversations: 2,
      botSettled: 1,
      botSettledShare: 0.5,
      handoffs: 1,
    });
    expect(report.totals.firstResponse.count).toBe(1);
    expect(report.totals.resolution.count).toBe(1);
    expect(report.totals.csat).toMatchObject({ ratings: 1, satisfied: 1, averageScore: 5 });
    expect(report.handoffsByChannel).toEqual({ web: 1 });
    expect(report.byDay).toHaveLength(7);
    expect(report.byAgent).toEqual([expect.objectContaining({ agentName: 'Admin', handoffs: 1 })]);

    const csv = await call(admin, 'GET', `/reports/desk.csv?from=${report.from}&to=${report.to}`);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe(
      `attachment; filename="desk-report-${report.from}-to-${report.to}.csv"`,
    );
    const rows = csv.text.trim().split('\n');
    expect(rows[1]).toMatch(
      new RegExp(`^total,${report.from}\\.\\.${report.to},2,1,0\\.5,1,\\d+,\\d+,\\d+,\\d+,1,1,1,5$`),
    );
    expect(rows.filter((r) => r.startsWith('day,'))).toHaveLength(7);

    expect((await call(admin, 'GET', '/reports/desk?from=yesterday')).status).toBe(400);
    expect((await call(admin, 'GET', '/reports/desk?from=2026-12-01&to=2026-11-01')).status).toBe(400);
    customer.close();
    bot.close();
    agent.close();
  });
});
