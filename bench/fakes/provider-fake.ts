import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A provider call the fake received: which recipient, when (performance.now() of this process). */
export interface ReceivedCall {
  recipient: string;
  at: number;
}

/**
 * The shared shape of the benchmark's provider fakes (Telegram Bot API, Twilio REST): a loopback
 * HTTP server that answers at once, so the provider's own latency is not in the figures, and
 * tells waiters when a message for a recipient arrives.
 */
export class ProviderFake {
  private readonly waiters = new Map<string, (call: ReceivedCall) => void>();
  /** Messages sent to the provider that nobody was waiting for. */
  unexpected = 0;
  received = 0;

  private constructor(
    private readonly server: http.Server,
    readonly url: string,
  ) {}

  /**
   * Starts a fake; `answer` turns a request (path and raw body) into the JSON reply and, for calls
   * that send a message, the recipient.
   */
  static async start(
    answer: (path: string, body: string) => { status: number; json: unknown; recipient?: string },
  ): Promise<ProviderFake> {
    // The server's handler needs the fake, which needs the server's address: tied up after listen.
    const created: { fake?: ProviderFake } = {};
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const reply = answer(req.url ?? '/', Buffer.concat(chunks).toString('utf8'));
        res.writeHead(reply.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(reply.json));
        if (reply.recipient !== undefined) created.fake?.arrived(reply.recipient);
      });
    });
    server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const fake = new ProviderFake(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    created.fake = fake;
    return fake;
  }

  /** Resolves with the arrival time of the next message to `recipient`, or undefined after `timeoutMs`. */
  nextFor(recipient: string, timeoutMs: number): Promise<number | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters.delete(recipient);
        resolve(undefined);
      }, timeoutMs);
      this.waiters.set(recipient, (call) => {
        clearTimeout(timer);
        resolve(call.at);
      });
    });
  }

  private arrived(recipient: string): void {
    this.received += 1;
    const waiter = this.waiters.get(recipient);
    if (!waiter) {
      this.unexpected += 1;
      return;
    }
    this.waiters.delete(recipient);
    waiter({ recipient, at: performance.now() });
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
