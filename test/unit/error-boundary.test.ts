import express from 'express';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { errorHandler, notFoundHandler } from '../../adapters/http/error-boundary';
import { guardListener, guardMiddleware } from '../../adapters/http/socket-guard';
import {
  AuthError,
  ConflictError,
  ForbiddenError,
  HandoffError,
  NotFoundError,
  RateLimitError,
  ValidationError,
} from '../../src/errors';
import { createLogger } from '../../src/logger';

/** A logger whose lines the test can read (to check what is logged, and that no detail leaks). */
function capturedLogger(): { log: ReturnType<typeof createLogger>; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { log: createLogger('info', sink), lines };
}

/** A real HTTP server and socket.io namespace behind the project's one error boundary. */
describe('one error boundary for HTTP and socket acknowledgements', () => {
  const { log, lines } = capturedLogger();
  let server: http.Server;
  let base: string;
  let client: Socket;

  const thrown: Record<string, () => Error> = {
    validation: () => new ValidationError('text is too long', 'too_long'),
    auth: () => new AuthError(),
    forbidden: () => new ForbiddenError('Not yours'),
    missing: () => new NotFoundError('Ticket'),
    conflict: () => new ConflictError('Already claimed by Ann', 'already_claimed'),
    limited: () => new RateLimitError('Too many; wait'),
    coded: () => new HandoffError('unsupported_type', 'Not a picture'),
    plain: () => new Error('database password is hunter2'),
  };

  beforeAll(async () => {
    const app = express();
    app.get('/throw/:kind', (req) => {
      throw thrown[String(req.params.kind)]!();
    });
    app.post('/json', express.json({ limit: '10b' }), (_req, res) => {
      res.json({ ok: true });
    });
    app.use(notFoundHandler());
    app.use(errorHandler(log));
    server = http.createServer(app);
    const sockets = new Server(server);
    const namespace = sockets.of('/test');
    namespace.use(
      guardMiddleware(log, (socket, next) => {
        const kind = (socket.handshake.auth as { refuse?: string }).refuse;
        if (kind) throw thrown[kind]!();
        next();
      }),
    );
    namespace.on('connection', (socket) => {
      socket.on(
        'act',
        guardListener(log, 'act', async (kind: unknown, ack: unknown) => {
          if (typeof kind === 'string') throw thrown[kind]!();
          (ack as (answer: unknown) => void)({ ok: true });
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    client = connect(`${base}/test`, { transports: ['websocket'], forceNew: true });
    await new Promise<void>((resolve) => client.once('connect', () => resolve()));
  });

  afterAll(async () => {
    client.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it.each([
    ['validation', 400, 'too_long'],
    ['auth', 401, 'unauthorized'],
    ['forbidden', 403, 'forbidden'],
    ['missing', 404, 'not_found'],
    ['conflict', 409, 'already_claimed'],
    ['limited', 429, 'rate_limited'],
    ['coded', 415, 'unsupported_type'],
  ])('answers a %s error over HTTP with its own status and code', async (kind, status, code) => {
    const response = await fetch(`${base}/throw/${kind}`);
    expect(response.status).toBe(status);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe(code);
    expect(body.error.message).toBe(thrown[kind]!().message);
  });

  it('answers an unexpected error with a generic 500 body, logged but never shown', async () => {
    const response = await fetch(`${base}/throw/plain`);
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal', message: 'Something went wrong' } });
    expect(text).not.toContain('hunter2');
    expect(lines.some((line) => line.includes('request failed') && line.includes('/throw/plain'))).toBe(true);
  });

  it('answers a path nobody serves with a generic 404 body', async () => {
    const response = await fetch(`${base}/no/such/page`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'not_found', message: 'No such page' } });
  });

  it('answers malformed and oversized JSON bodies with stable codes', async () => {
    const post = (body: string) =>
      fetch(`${base}/json`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const malformed = await post('{"a":');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({
      error: { code: 'bad_request', message: 'Malformed request body' },
    });
    const large = await post(JSON.stringify({ text: 'x'.repeat(100) }));
    expect(large.status).toBe(413);
    expect(((await large.json()) as { error: { code: string } }).error.code).toBe('too_large');
  });

  it('answers socket events with the same codes and messages in the acknowledgement', async () => {
    const act = (kind?: string) =>
      new Promise<{ ok: boolean; error?: { code: string; message: string } }>((resolve) =>
        client.emit('act', kind, resolve),
      );
    expect(await act()).toEqual({ ok: true });
    expect(await act('conflict')).toEqual({
      ok: false,
      error: { code: 'already_claimed', message: 'Already claimed by Ann' },
    });
    expect(await act('limited')).toEqual({
      ok: false,
      error: { code: 'rate_limited', message: 'Too many; wait' },
    });
    const internal = await act('plain');
    expect(internal).toEqual({ ok: false, error: { code: 'internal', message: 'Something went wrong' } });
    expect(lines.some((line) => line.includes('socket event failed') && line.includes('"event":"act"'))).toBe(
      true,
    );
  });

  it('refuses a handshake with the error code, and an unexpected one as internal', async () => {
    const refusedWith = (refuse: string) =>
      new Promise<{ code?: string; message: string }>((resolve) => {
        const socket = connect(`${base}/test`, {
          transports: ['websocket'],
          forceNew: true,
          auth: { refuse },
        });
        socket.once('connect_error', (error: Error & { data?: { code?: string } }) => {
          socket.close();
          resolve({ message: error.message, ...(error.data?.code && { code: error.data.code }) });
        });
      });
    expect(await refusedWith('forbidden')).toEqual({ code: 'forbidden', message: 'Not yours' });
    expect(await refusedWith('auth')).toEqual({
      code: 'unauthorized',
      message: 'Not signed in or session expired',
    });
    expect(await refusedWith('plain')).toEqual({
      code: 'internal',
      message: 'Could not open the connection',
    });
  });
});
