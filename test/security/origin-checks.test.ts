import { io } from 'socket.io-client';
import {
  connectCustomer,
  nextEvent,
  request,
  signIn,
  startTestApp,
  type TestApp,
} from '../support/start-app';
import { smallKnowledge } from '../support/small-knowledge';

type Result = { ok: boolean; error?: { code: string } };

/** Opens a console socket with a chosen Origin header and says how the handshake ended. */
function consoleHandshake(url: string, origin: string, cookie?: string): Promise<string> {
  const socket = io(`${url}/console`, {
    transports: ['websocket'],
    extraHeaders: { origin, ...(cookie && { cookie }) },
    forceNew: true,
    reconnection: false,
  });
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      socket.close();
      resolve('no answer');
    }, 3000);
    socket.on('connect', () => {
      clearTimeout(timer);
      socket.close();
      resolve('connected');
    });
    socket.on('connect_error', (error: Error & { data?: { code?: string } }) => {
      clearTimeout(timer);
      socket.close();
      resolve(error.data?.code ?? error.message);
    });
  });
}

describe('origin checks that cannot throw', () => {
  let server: TestApp;
  beforeAll(async () => {
    server = await startTestApp({ overrides: { knowledge: smallKnowledge() } });
  });
  afterAll(async () => {
    await server.cleanup();
  });

  it('refuses console handshakes from "null" and malformed origins and keeps serving chats', async () => {
    for (const origin of ['null', 'not a url', '://', 'http://[::1', 'file://']) {
      expect(await consoleHandshake(server.url, origin)).toBe('forbidden');
    }
    const cookie = await signIn(server.url);
    expect(await consoleHandshake(server.url, 'null', cookie)).toBe('forbidden');
    expect(await consoleHandshake(server.url, new URL(server.url).origin, cookie)).toBe('connected');

    const customer = connectCustomer(server.url);
    await nextEvent(customer, 'session');
    const answer = await request<Result>(customer, 'message', { text: 'hello', clientId: 'after-null' });
    expect(answer.ok).toBe(true);
    customer.close();
  });
});
