import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local stand-in for an OpenAI-compatible API, answering what the test tells it to. */
export function fakeModelServer(
  reply: (body: { messages?: { role: string; content: string }[]; input?: string[] }) => unknown,
) {
  const requests: { path: string; auth?: string; body: Record<string, unknown> }[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      const body = JSON.parse(raw) as Record<string, unknown>;
      requests.push({
        path: req.url ?? '',
        ...(req.headers.authorization && { auth: req.headers.authorization }),
        body,
      });
      // A reply may be a promise: a slow model.
      void Promise.resolve(reply(body)).then((answer) => {
        res.writeHead(answer === undefined ? 500 : 200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer ?? { error: 'boom' }));
      });
    });
  });
  return new Promise<{ url: string; requests: typeof requests; close: () => void }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
        requests,
        close: () => {
          server.closeAllConnections();
          server.close();
        },
      }),
    ),
  );
}
