import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the receiver got. */
export interface ReceivedWebhook {
  headers: http.IncomingHttpHeaders;
  /** The raw body, exactly as sent (signatures are over these bytes). */
  body: string;
  /** What the receiver answered. */
  status: number;
}

/**
 * A local HTTP endpoint standing for the operator's system: records every request and answers
 * with the status `answer` picks (200 unless told otherwise).
 */
export async function startWebhookReceiver(): Promise<{
  url: string;
  received: ReceivedWebhook[];
  answer: (pick: (request: { headers: http.IncomingHttpHeaders; body: string }) => number) => void;
  close(): Promise<void>;
}> {
  const received: ReceivedWebhook[] = [];
  let pick: (request: { headers: http.IncomingHttpHeaders; body: string }) => number = () => 200;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const status = pick({ headers: req.headers, body });
      received.push({ headers: req.headers, body, status });
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'not now');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/handoff`,
    received,
    answer: (next) => {
      pick = next;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
