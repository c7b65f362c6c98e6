import { randomBytes } from 'node:crypto';
import { connectCustomer, nextEvent, startTestApp, type TestApp } from '../support/start-app';
import { smallKnowledge } from '../support/small-knowledge';
import { tinyPng } from '../e2e/tiny-png';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../store/redis-test-prefix';

const PNG = tinyPng();
const invented = () => randomBytes(32).toString('base64url');

/**
 * A token the server never issued must be refused however many requests carry it at once. The
 * check used to write the "issued" record as its probe and take it back when no chat existed, so a
 * second request arriving in between saw the probe's record and was let in (with the Redis store,
 * every step is a round trip, and a burst of a few requests was enough).
 */
describe('the issued-session check under concurrent requests (Redis store)', () => {
  let server: TestApp;
  let prefix: string;
  beforeEach(async () => {
    prefix = uniquePrefix('issued-race');
    server = await startTestApp({
      env: { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix, RATE_NEW_CHATS_PER_ADDRESS: '1000' },
      overrides: { knowledge: smallKnowledge() },
    });
  });
  afterEach(async () => {
    await server.cleanup();
    await deleteKeys(prefix);
  });

  it('refuses every one of a burst of uploads that share an invented token', async () => {
    const statuses: number[] = [];
    for (let round = 0; round < 5; round += 1) {
      const token = invented();
      const answers = await Promise.all(
        Array.from({ length: 10 }, () =>
          fetch(`${server.url}/api/chat/uploads`, {
            method: 'POST',
            headers: { 'content-type': 'image/png', 'x-chat-token': token },
            body: new Uint8Array(PNG),
          }),
        ),
      );
      statuses.push(...answers.map((answer) => answer.status));
    }
    expect(statuses.filter((status) => status !== 401)).toEqual([]);
  });

  it('gives a fresh token to every one of a burst of sockets that offer an invented one', async () => {
    const kept: string[] = [];
    for (let round = 0; round < 5; round += 1) {
      const token = invented();
      const sockets = Array.from({ length: 8 }, () => connectCustomer(server.url, { token }));
      try {
        const sessions = await Promise.all(
          sockets.map((socket) => nextEvent<{ token: string }>(socket, 'session')),
        );
        kept.push(...sessions.map((session) => session.token).filter((given) => given === token));
      } finally {
        sockets.forEach((socket) => socket.close());
      }
    }
    expect(kept).toEqual([]);
  });

  it('still takes uploads from a session it issued, at once and from a second tab', async () => {
    const first = connectCustomer(server.url);
    try {
      const { token } = await nextEvent<{ token: string }>(first, 'session');
      const second = connectCustomer(server.url, { token });
      const upload = fetch(`${server.url}/api/chat/uploads`, {
        method: 'POST',
        headers: { 'content-type': 'image/png', 'x-chat-token': token },
        body: new Uint8Array(PNG),
      });
      const [reopened, answer] = await Promise.all([nextEvent<{ token: string }>(second, 'session'), upload]);
      second.close();
      expect(reopened.token).toBe(token);
      expect(answer.status).toBe(201);
    } finally {
      first.close();
    }
  });
});
