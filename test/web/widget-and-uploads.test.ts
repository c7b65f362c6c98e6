import { execFileSync } from 'node:child_process';
import path from 'node:path';
import {
  connectCustomer,
  nextEvent,
  request,
  signIn,
  startTestApp,
  type TestApp,
} from '../support/start-app';

const ROOT = path.join(__dirname, '..', '..');
/** The 8-byte PNG signature plus the start of an IHDR chunk: enough for the sniffer. */
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  Buffer.from('IHDR'),
  Buffer.alloc(64, 1),
]);

describe('widget bundle, console page and chat uploads over real HTTP', () => {
  let server: TestApp;
  let token: string;

  beforeAll(async () => {
    // `npm test` builds the bundles first; running this file alone builds them when missing.
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-ui.mjs'), '--if-missing'], {
      cwd: ROOT,
      stdio: 'ignore',
    });
    server = await startTestApp();
    const customer = connectCustomer(server.url);
    token = (await nextEvent<{ token: string }>(customer, 'session')).token;
    customer.close();
  });

  afterAll(async () => {
    await server.cleanup();
  });

  const upload = (body: Buffer, headers: Record<string, string>) =>
    fetch(`${server.url}/api/chat/uploads`, { method: 'POST', headers, body: new Uint8Array(body) });

  it('serves the widget bundle at /widget.js to any origin', async () => {
    const response = await fetch(`${server.url}/widget.js`, { headers: { origin: 'https://shop.example' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    const code = await response.text();
    expect(code.length).toBeGreaterThan(10_000);
    expect(code).toContain('Open chat');
  });

  it('serves the console page at /console and the demo page at /', async () => {
    const consolePage = await fetch(`${server.url}/console`);
    expect(consolePage.status).toBe(200);
    expect(consolePage.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await consolePage.text()).toMatch(/\/assets\/console\.[0-9a-f]{12}\.js/);
    const demo = await (await fetch(`${server.url}/`)).text();
    expect(demo).toContain('<script async src="/widget.js"></script>');
    expect(demo).toContain('href="/console"');
  });

  it('accepts a PNG from a widget session and lets only that session and agents read it back', async () => {
    const response = await upload(PNG, {
      'content-type': 'image/png',
      'x-chat-token': token,
      'x-file-name': encodeURIComponent('calls failing.png'),
      origin: 'https://shop.example',
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const { attachment } = (await response.json()) as {
      attachment: { url: string; name: string; mimeType: string; kind: string };
    };
    expect(attachment).toMatchObject({ kind: 'image', name: 'calls failing.png', mimeType: 'image/png' });
    expect(attachment.url).toMatch(/^\/uploads\/[A-Za-z0-9_-]{22}$/);

    const own = await fetch(`${server.url}${attachment.url}`, { headers: { 'x-chat-token': token } });
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await own.arrayBuffer()).equals(PNG)).toBe(true);

    const anonymous = await fetch(`${server.url}${attachment.url}`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe('unauthorized');

    const stranger = await fetch(`${server.url}${attachment.url}`, {
      headers: { 'x-chat-token': 'A'.repeat(43) },
    });
    expect(stranger.status).toBe(404);

    const forged = await fetch(`${server.url}${attachment.url}`, {
      headers: { cookie: 'handoff_agent=forged-session' },
    });
    expect(forged.status).toBe(401);

    const cookie = await signIn(server.url);
    const asAgent = await fetch(`${server.url}${attachment.url}`, { headers: { cookie } });
    expect(asAgent.status).toBe(200);

    // The chat gateway takes the uploaded file as an attachment of the next message.
    const customer = connectCustomer(server.url, { token });
    await nextEvent(customer, 'history');
    const sent = await request<{ ok: boolean }>(customer, 'message', {
      text: 'here is a screenshot',
      clientId: 'with-file',
      attachments: [attachment],
    });
    expect(sent.ok).toBe(true);
    customer.close();
  });

  it('refuses a file without a session token', async () => {
    const response = await upload(PNG, { 'content-type': 'image/png' });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('unauthorized');
    expect(body.error.message).toMatch(/token/i);
  });

  it('refuses types that are not images, PDF or text, whatever the file claims to be', async () => {
    const zip = await upload(Buffer.from('PK\u0003\u0004rest-of-zip'), {
      'content-type': 'application/zip',
      'x-chat-token': token,
    });
    expect(zip.status).toBe(415);
    expect(((await zip.json()) as { error: { code: string } }).error.code).toBe('unsupported_type');

    const disguised = await upload(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 0, 1, 2, 3]), {
      'content-type': 'image/png',
      'x-chat-token': token,
    });
    expect(disguised.status).toBe(415);
    const body = (await disguised.json()) as { error: { code: string; message: string } };
    expect(body.error.message).toMatch(/PNG, JPEG, GIF or WebP/);
  });

  it('refuses a file over 5 MB with a clear message', async () => {
    const big = Buffer.alloc(5 * 1024 * 1024 + 1, 0x61);
    const response = await upload(big, { 'content-type': 'text/plain', 'x-chat-token': token });
    expect(response.status).toBe(413);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body).toEqual({ error: { code: 'too_large', message: 'The file is larger than 5 MB' } });
  });

  it('answers the browser preflight for cross-origin uploads', async () => {
    const response = await fetch(`${server.url}/api/chat/uploads`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://shop.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-chat-token',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-headers')).toMatch(/X-Chat-Token/i);
  });
});
