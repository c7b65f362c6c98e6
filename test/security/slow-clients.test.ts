import net from 'node:net';
import { startTestApp, type TestApp } from '../support/start-app';

/** Opens a raw connection, sends `chunks` slowly, and resolves with what the server answered and when. */
function trickle(url: string, chunks: string[], everyMs: number): Promise<{ answer: string; ms: number }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = net.connect(Number(port), hostname);
    let answer = '';
    let index = 0;
    const timer = setInterval(() => {
      if (index < chunks.length && !socket.destroyed) socket.write(chunks[index++]!);
    }, everyMs);
    socket.on('data', (data) => (answer += data.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ answer, ms: Date.now() - started });
    });
  });
}

describe('slow clients', () => {
  let server: TestApp;
  beforeAll(async () => {
    server = await startTestApp({
      env: { HTTP_HEADERS_TIMEOUT_MS: '1000', HTTP_REQUEST_TIMEOUT_MS: '2000' },
    });
  });
  afterAll(async () => {
    await server.cleanup();
  });

  it('drops a client that sends its headers a byte at a time, and one that never finishes its body', async () => {
    const headers = 'GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ' + 'a'.repeat(200);
    const slowHeaders = await trickle(server.url, headers.split(''), 100);
    expect(slowHeaders.ms).toBeLessThan(5000);
    expect(slowHeaders.answer).toMatch(/^HTTP\/1\.1 408/);

    const body = [
      'POST /console/api/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n',
    ];
    for (let i = 0; i < 100; i += 1) body.push(' ');
    const slowBody = await trickle(server.url, body, 100);
    expect(slowBody.ms).toBeLessThan(6000);

    const healthy = await fetch(`${server.url}/healthz`);
    expect(healthy.status).toBe(200);
  });
});
