import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../support/start-app';
import { loadConfig } from '../../src/config';

/** One sign-in attempt; resolves with the HTTP status. */
async function attempt(
  url: string,
  username: string,
  password: string,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${url}/console/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ username, password }),
  });
  await response.arrayBuffer();
  return response.status;
}

describe('login throttle', () => {
  let server: TestApp | undefined;
  afterEach(async () => {
    await server?.cleanup();
    server = undefined;
  });

  it('counts every spelling of one username against the same allowance', async () => {
    server = await startTestApp({ env: { RATE_LOGINS_PER_USERNAME: '6', RATE_LOGINS_PER_ADDRESS: '1000' } });
    const spellings = [
      ' admin',
      'admin ',
      'ADMIN',
      'admin\u00a0',
      '\uff41dmin',
      'ad\u200bmin',
      'Admin\u202e',
      'admin',
    ];
    const statuses: number[] = [];
    for (const name of spellings) statuses.push(await attempt(server.url, name, 'wrong-password'));
    expect(statuses.slice(0, 6)).toEqual([401, 401, 401, 401, 401, 401]);
    expect(statuses.slice(6)).toEqual([429, 429]);
    // Even the right password waits: the allowance is for the account, whoever holds it.
    expect(await attempt(server.url, 'admin', ADMIN_PASSWORD)).toBe(429);
  });

  it('signs in with a spelling that normalises to the username', async () => {
    server = await startTestApp();
    expect(await attempt(server.url, ' \uff21dmin\u00a0', ADMIN_PASSWORD)).toBe(200);
  });

  it('limits one address behind a trusted proxy however the client rewrites X-Forwarded-For', async () => {
    server = await startTestApp({
      env: { TRUST_PROXY: '1', RATE_LOGINS_PER_USERNAME: '1000', RATE_LOGINS_PER_ADDRESS: '5' },
    });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      // The proxy appends the real client (203.0.113.7); the left part is whatever the client sent.
      const forwarded = `198.51.100.${i}, 203.0.113.7`;
      statuses.push(
        await attempt(server.url, `user${i}`, 'wrong-password', { 'x-forwarded-for': forwarded }),
      );
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
    // Another real client behind the same proxy still gets in.
    expect(await attempt(server.url, 'admin', ADMIN_PASSWORD, { 'x-forwarded-for': '203.0.113.8' })).toBe(
      200,
    );
  });
});

describe('TRUST_PROXY', () => {
  it('takes a hop count, an address list, or true/false', () => {
    expect(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).TRUST_PROXY).toEqual([
      'loopback',
      '10.0.0.0/8',
    ]);
    expect(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '' }).TRUST_PROXY).toBe(false);
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(() => loadConfig({ TRUST_PROXY: 'not-an-address' })).toThrow(/TRUST_PROXY/);
  });
});
