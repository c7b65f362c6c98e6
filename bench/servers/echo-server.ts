/**
 * The limit: a bare socket.io server speaking the widget's protocol on `/chat`, with the app's
 * transport settings. What it does per message: acknowledge it (`{ ok, seq }`) and send the text
 * back as one bot `message`, so a client sees the event sequence the real app produces. What it
 * does not do: authenticate or resume sessions, rate-limit (the benchmark's clients keep under
 * the widget's limit themselves, for the echo and the app alike), store anything, understand or
 * route the message, retrieve from the docs, run flows, hand off, echo the customer's message to
 * their other tabs, or tell any agent console. Its replies carry no flow, so the benchmark counts
 * any echo reply as answered, where an app reply counts only when it is the right kind.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { controlFromParent } from './child-control';

interface EchoPayload {
  text?: unknown;
  clientId?: unknown;
}

function main(): void {
  const server = http.createServer();
  // Same transport settings as the app's edge (adapters/http/create-http-server.ts).
  const io = new Server(server, {
    cors: { origin: true, credentials: false },
    maxHttpBufferSize: 1_000_000,
    pingInterval: 20_000,
    pingTimeout: 20_000,
  });
  let sessions = 0;
  io.of('/chat').on('connection', (socket) => {
    sessions += 1;
    let seq = 0;
    socket.emit('session', { token: `echo-${sessions}`, greeting: 'echo', mode: 'bot' });
    socket.on('message', (payload: EchoPayload, ack?: (result: unknown) => void) => {
      const text = typeof payload?.text === 'string' ? payload.text : '';
      seq += 1;
      socket.emit('message', { seq: seq + 1, author: 'bot', text, createdAt: Date.now() });
      ack?.({ ok: true, seq, duplicate: false });
      seq += 1;
    });
  });
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    controlFromParent(
      { type: 'ready', url: `http://127.0.0.1:${port}`, info: { server: 'bare socket.io echo' } },
      () => new Promise<void>((resolve) => void io.close(() => resolve())),
    );
  });
}

main();
