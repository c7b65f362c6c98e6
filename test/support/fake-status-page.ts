import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A Statuspage-compatible server on a free loopback port, answering with whatever `summary` holds. */
export async function statusPage(): Promise<{
  url: string;
  summary: unknown;
  requests: number;
  close(): Promise<void>;
}> {
  const state = { summary: {} as unknown, requests: 0 };
  const server = http.createServer((req, res) => {
    state.requests += 1;
    if (req.url !== '/api/v2/summary.json') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(state.summary));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    get summary() {
      return state.summary;
    },
    set summary(value: unknown) {
      state.summary = value;
    },
    get requests() {
      return state.requests;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
