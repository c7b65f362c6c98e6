import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { ApiTokens } from '../../src/integrations/api-tokens';
import type { PublicConversation, PublicMessage, PublicTicket } from '../../src/integrations/public-records';
import type { WireMessage } from '../../src/realtime/socket-events';
import { collect, nextEvent, startTestApp, type TestApp } from '../support/start-app';
import { webCustomerWaiting, type WaitingWebCustomer } from '../support/web-handoff';

const run = promisify(execFile);
const ROOT = path.join(__dirname, '..', '..');

/** Any answer of the API: the records asked for, or an error. */
interface ApiBody {
  conversations?: PublicConversation[];
  conversation?: PublicConversation;
  messages?: PublicMessage[];
  message?: PublicMessage;
  tickets?: PublicTicket[];
  ticket?: PublicTicket;
  error?: { code: string; message: string };
}

/** Runs `npm run api-tokens -- ...` as an operator would, against the server's data folder. */
async function apiTokensCli(dataDir: string, ...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'app/cli/api-tokens.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, REDIS_URL: '' },
  });
  return stdout;
}

/** The validator's verdict on an OpenAPI document (see test/support/validate-openapi.mjs). */
async function validateOpenApi(document: unknown): Promise<unknown> {
  const child = spawn(process.execPath, [path.join(ROOT, 'test', 'support', 'validate-openapi.mjs')], {
    cwd: ROOT,
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stdin.end(JSON.stringify(document));
  await new Promise((resolve) => child.on('close', resolve));
  return JSON.parse(out);
}

describe('REST API with per-integration tokens', () => {
  let server: TestApp;
  let waiting: WaitingWebCustomer;
  let full: string;
  let readOnly: string;

  const call = async (
    token: string | undefined,
    method: string,
    route: string,
    body?: unknown,
    headers = {},
  ) => {
    const response = await fetch(`${server.url}/api/v1${route}`, {
      method,
      headers: {
        ...(token && { authorization: `Bearer ${token}` }),
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as ApiBody,
    };
  };

  beforeAll(async () => {
    server = await startTestApp({ env: { RATE_API_PER_TOKEN: '40' } });
    const tokens = new ApiTokens(server.app.store);
    full = (
      await tokens.create({
        name: 'CRM',
        scopes: ['conversations:read', 'messages:write', 'tickets:read', 'tickets:write'],
        createdBy: 'test',
      })
    ).secret;
    readOnly = (await tokens.create({ name: 'Dashboard', scopes: ['tickets:read'], createdBy: 'test' }))
      .secret;
    waiting = await webCustomerWaiting(server.url);
  }, 60_000);

  afterAll(async () => {
    waiting?.customer.disconnect();
    waiting?.agent.disconnect();
    await server?.cleanup();
  });

  it('refuses a missing, malformed or unknown token, and a token without the route’s scope', async () => {
    expect(await call(undefined, 'GET', '/tickets')).toMatchObject({
      status: 401,
      body: { error: { code: 'unauthorized' } },
    });
    expect((await call('not-a-token', 'GET', '/tickets')).status).toBe(401);
    const forged = full.slice(0, -4) + (full.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(await call(forged, 'GET', '/tickets')).toMatchObject({
      status: 401,
      body: { error: { message: 'This API token is not valid' } },
    });
    expect(await call(readOnly, 'GET', '/conversations')).toMatchObject({
      status: 403,
      body: { error: { code: 'forbidden', message: 'This API token lacks the conversations:read scope' } },
    });
    expect(
      (await call(readOnly, 'POST', '/tickets', { conversationId: waiting.id, title: 'x', description: 'y' }))
        .status,
    ).toBe(403);
    expect((await call(readOnly, 'GET', '/tickets')).status).toBe(200);
  });

  it('lists and reads conversations with their transcript', async () => {
    const list = await call(full, 'GET', '/conversations?mode=queued,assigned');
    expect(list.status).toBe(200);
    expect(list.body.conversations).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: waiting.id, mode: 'queued', channel: 'web' })]),
    );
    const one = await call(full, 'GET', `/conversations/${waiting.id}`);
    expect(one.body.messages![0]).toMatchObject({ seq: 1, author: 'customer', text: 'Human' });
    expect((await call(full, 'GET', '/conversations/nope')).status).toBe(404);
    const bad = await call(full, 'GET', '/conversations?mode=sleeping');
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toMatch(/^mode\.0: /);
  });

  it('posts an agent message that reaches the customer once, even when the request is retried', async () => {
    const seen = collect<WireMessage>(waiting.customer, 'message');
    const arrived = nextEvent<WireMessage>(waiting.customer, 'message', (m) => m.author === 'agent');
    const body = { agent: 'admin', text: 'Hello from our CRM: I am looking at your calls now.', claim: true };
    const sent = await call(full, 'POST', `/conversations/${waiting.id}/messages`, body, {
      'idempotency-key': 'crm-1',
    });
    expect(sent).toMatchObject({ status: 201, body: { message: { author: 'agent', text: body.text } } });
    expect((await arrived).text).toBe(body.text);
    const again = await call(full, 'POST', `/conversations/${waiting.id}/messages`, body, {
      'idempotency-key': 'crm-1',
    });
    expect(again).toMatchObject({ status: 200, body: { message: { seq: sent.body.message!.seq } } });
    const after = await call(full, 'GET', `/conversations/${waiting.id}`);
    expect(after.body.conversation).toMatchObject({ mode: 'assigned', assignedAgent: { name: 'Admin' } });
    expect(after.body.messages!.filter((m) => m.text === body.text)).toHaveLength(1);
    expect(seen.filter((m) => m.text === body.text)).toHaveLength(1);
    // An agent who does not hold the conversation cannot speak in it.
    await server.app.directory.add({ username: 'sam', password: 'sam-password-1' });
    expect(
      (await call(full, 'POST', `/conversations/${waiting.id}/messages`, { agent: 'sam', text: 'hi' }))
        .status,
    ).toBe(409);
  });

  it('files a ticket, reads it back, and names each bad field', async () => {
    const created = await call(full, 'POST', '/tickets', {
      conversationId: waiting.id,
      title: 'One-way audio to Madrid',
      description: 'Since 09:00 UTC callers to Madrid hear nothing',
      severity: 'P2',
    });
    expect(created).toMatchObject({
      status: 201,
      body: { ticket: { status: 'open', conversationId: waiting.id, brief: { severity: 'P2' } } },
    });
    const id = created.body.ticket!.id;
    expect((await call(readOnly, 'GET', `/tickets/${id}`)).body.ticket!.title).toBe(
      'One-way audio to Madrid',
    );
    expect((await call(readOnly, 'GET', '/tickets?status=open')).body.tickets!.map((t) => t.id)).toContain(
      id,
    );
    const bad = await call(full, 'POST', '/tickets', {
      conversationId: waiting.id,
      title: '',
      severity: 'P9',
      extra: 1,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error!.message).toMatch(/title: .*description: .*severity: /s);
  });

  it('refuses a revoked token at once; the CLI creates, lists and revokes tokens', async () => {
    const created = await apiTokensCli(server.dataDir, 'create', 'Billing', '--scopes', 'tickets:read');
    const secret = /^(hoff_\S+)$/m.exec(created)?.[1];
    const id = /Created token (\S+)/.exec(created)?.[1];
    expect(secret).toBeDefined();
    expect((await call(secret, 'GET', '/tickets')).status).toBe(200);
    expect(await apiTokensCli(server.dataDir, 'list')).toMatch(
      new RegExp(`${id}\\tBilling\\ttickets:read\\tlive`),
    );
    await apiTokensCli(server.dataDir, 'revoke', id!);
    expect(await call(secret, 'GET', '/tickets')).toMatchObject({
      status: 401,
      body: { error: { message: 'This API token was revoked' } },
    });
    expect(await apiTokensCli(server.dataDir, 'list')).toMatch(
      new RegExp(`${id}\\tBilling\\ttickets:read\\trevoked`),
    );
    // The store never holds the token itself.
    const records = JSON.stringify(await server.app.store.listRecords('api-tokens'));
    expect(records).not.toContain(secret);
  }, 30_000);

  it('limits each token to its allowance per minute, other tokens unaffected', async () => {
    const tokens = new ApiTokens(server.app.store);
    const busy = (await tokens.create({ name: 'Busy', scopes: ['tickets:read'], createdBy: 'test' })).secret;
    const statuses: number[] = [];
    for (let i = 0; i < 41; i++) statuses.push((await call(busy, 'GET', '/tickets?limit=1')).status);
    expect(statuses.slice(0, 40).every((status) => status === 200)).toBe(true);
    const limited = await call(busy, 'GET', '/tickets?limit=1');
    expect(limited).toMatchObject({ status: 429, body: { error: { code: 'rate_limited' } } });
    expect(limited.headers.get('retry-after')).toBe('60');
    expect((await call(readOnly, 'GET', '/tickets?limit=1')).status).toBe(200);
  });

  it('serves a valid OpenAPI 3.1 document describing every route, without a token', async () => {
    const response = await fetch(`${server.url}/api/v1/openapi.json`);
    const document = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    const result = await validateOpenApi(document);
    expect(result).toEqual({ valid: true });
    expect(
      Object.entries(document.paths)
        .flatMap(([route, ops]) => Object.keys(ops).map((op) => `${op.toUpperCase()} ${route}`))
        .sort(),
    ).toEqual([
      'GET /conversations',
      'GET /conversations/{id}',
      'GET /tickets',
      'GET /tickets/{id}',
      'POST /conversations/{id}/messages',
      'POST /tickets',
    ]);
  });
});
