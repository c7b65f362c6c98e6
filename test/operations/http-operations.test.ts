import fs from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import zlib from 'node:zlib';
import { createApp, type App } from '../../app/create-app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { ADMIN_PASSWORD } from '../support/start-app';

describe('the HTTP edge an operator runs', () => {
  let app: App;
  let url: string;
  let dataDir: string;
  const lines: string[] = [];

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-ops-'));
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ADMIN_PASSWORD,
      LOG_LEVEL: 'info',
    });
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    app = await createApp(config, createLogger('info', sink));
    url = await app.listen();
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  // Node's fetch decompresses by itself and hides the encoding; a raw request shows what was sent.
  const raw = async (pathname: string, headers: Record<string, string> = {}) => {
    return new Promise<{
      status: number;
      headers: Record<string, string | string[] | undefined>;
      body: Buffer;
    }>((resolve, reject) => {
      const req = request(`${url}${pathname}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      });
      req.on('error', reject);
      req.end();
    });
  };

  it('sends /widget.js gzipped or brotli-compressed as the browser accepts, with a short cache', async () => {
    const plain = await raw('/widget.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const gzip = await raw('/widget.js', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzip.body).equals(plain.body)).toBe(true);
    expect(gzip.body.length).toBeLessThan(plain.body.length / 2);
    const brotli = await raw('/widget.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(brotli.body).equals(plain.body)).toBe(true);
    expect(plain.headers['cache-control']).toBe('public, max-age=300');
  });

  it('references the console bundle and styles by content hash, cached for a year', async () => {
    const page = (await raw('/console')).body.toString();
    const script = /src="(\/assets\/console\.[0-9a-f]{12}\.js)"/.exec(page)?.[1];
    const styles = /href="(\/assets\/console\.[0-9a-f]{12}\.css)"/.exec(page)?.[1];
    expect(script).toBeDefined();
    expect(styles).toBeDefined();
    const bundle = await raw(script!, { 'accept-encoding': 'gzip' });
    expect(bundle.status).toBe(200);
    expect(bundle.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(bundle.headers['content-encoding']).toBe('gzip');
    const onDisk = fs.readFileSync(path.join(__dirname, '../../public/build/console.js'));
    expect(zlib.gunzipSync(bundle.body).equals(onDisk)).toBe(true);
    expect((await raw('/assets/console.000000000000.js')).status).toBe(404);
    const widgetLink = String((await raw('/widget.js')).headers.link);
    const hashedWidget = /<(\/assets\/widget\.[0-9a-f]{12}\.js)>/.exec(widgetLink)?.[1];
    expect((await raw(hashedWidget!)).headers['cache-control']).toContain('immutable');
  });

  it('logs one access line per request without the query string, cookies or authorization', async () => {
    lines.length = 0;
    await raw('/console/api/me?token=query-secret-123', {
      cookie: 'handoff_agent=cookie-secret-456',
      authorization: 'Bearer header-secret-789',
    });
    await raw('/healthz');
    const access = lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((l) => l.component === 'http');
    expect(access).toHaveLength(1);
    expect(access[0]).toMatchObject({
      msg: 'GET /console/api/me 401',
      req: { method: 'GET', path: '/console/api/me' },
      res: { statusCode: 401 },
    });
    expect(typeof access[0]!.responseTime).toBe('number');
    const all = lines.join('\n');
    for (const secret of ['query-secret-123', 'cookie-secret-456', 'header-secret-789']) {
      expect(all).not.toContain(secret);
    }
  });
});
