import { signIn, startTestApp, type TestApp } from '../support/start-app';
import { smallKnowledge } from '../support/small-knowledge';

describe('canned responses over /console/api/canned', () => {
  let server: TestApp;
  let cookie: string;
  beforeAll(async () => {
    server = await startTestApp({ overrides: { knowledge: smallKnowledge() } });
    cookie = await signIn(server.url);
  });
  afterAll(async () => {
    await server.cleanup();
  });

  const call = async (method: string, path: string, body?: unknown, withCookie = true) => {
    const response = await fetch(`${server.url}/console/api${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(withCookie && { cookie }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('creates, edits, lists and deletes shared responses; refuses bad input and strangers', async () => {
    const created = await call('POST', '/canned', { shortcut: 'Hours', text: ' We answer 8-20 UTC. ' });
    expect(created.status).toBe(200);
    const id = (created.body.response as { id: string }).id;
    expect(created.body.response).toMatchObject({
      shortcut: 'hours',
      text: 'We answer 8-20 UTC.',
      updatedBy: 'Admin',
    });
    await call('POST', '/canned', { id, shortcut: 'hours', text: 'We answer 08:00-20:00 UTC.' });
    const listed = await call('GET', '/canned');
    expect(listed.body.responses).toEqual([
      expect.objectContaining({ id, text: 'We answer 08:00-20:00 UTC.' }),
    ]);

    expect((await call('POST', '/canned', { shortcut: 'two words', text: 'x' })).status).toBe(400);
    expect((await call('POST', '/canned', { shortcut: 'empty', text: '  ' })).status).toBe(400);
    expect((await call('GET', '/canned', undefined, false)).status).toBe(401);
    expect((await call('DELETE', `/canned/${id}`, undefined, false)).status).toBe(401);

    expect((await call('DELETE', `/canned/${id}`)).status).toBe(200);
    expect((await call('DELETE', `/canned/${id}`)).status).toBe(404);
    expect((await call('GET', '/canned')).body.responses).toEqual([]);
  });
});
