import { connectAgent, nextEvent, signIn, startTestApp, type TestApp } from '../support/start-app';

/** Resolves true when the socket is disconnected by the server within `ms`. */
function disconnectedWithin(
  socket: { on(event: 'disconnect', listener: (reason: string) => void): unknown },
  ms: number,
) {
  return new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    socket.on('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason === 'io server disconnect');
    });
  });
}

describe('a revoked console session loses its live feed at once', () => {
  let server: TestApp;
  afterEach(async () => {
    await server.cleanup();
  });

  async function twoAgents() {
    await server.app.directory.add({ username: 'bea', password: 'bea-password' });
    const [adminCookie, beaCookie] = await Promise.all([
      signIn(server.url),
      signIn(server.url, 'bea', 'bea-password'),
    ]);
    const admin = connectAgent(server.url, adminCookie);
    const bea = connectAgent(server.url, beaCookie);
    await Promise.all([nextEvent(admin, 'hello'), nextEvent(bea, 'hello')]);
    return { admin, bea, adminCookie };
  }

  beforeEach(async () => {
    server = await startTestApp();
  });

  it('on sign-out, only that session', async () => {
    const { admin, bea, adminCookie } = await twoAgents();
    const secondAdminCookie = await signIn(server.url);
    const secondAdmin = connectAgent(server.url, secondAdminCookie);
    await nextEvent(secondAdmin, 'hello');
    const gone = disconnectedWithin(admin, 1500);
    const beaStays = disconnectedWithin(bea, 1500);
    const otherSessionStays = disconnectedWithin(secondAdmin, 1500);
    const response = await fetch(`${server.url}/console/api/logout`, {
      method: 'POST',
      headers: { cookie: adminCookie },
    });
    expect(response.status).toBe(200);
    expect(await gone).toBe(true);
    expect(await beaStays).toBe(false);
    expect(await otherSessionStays).toBe(false);
    bea.close();
    secondAdmin.close();
  });

  it('on password reset and on removal, every session of that agent', async () => {
    const { admin, bea } = await twoAgents();
    const beaGone = disconnectedWithin(bea, 1500);
    const adminStays = disconnectedWithin(admin, 1500);
    await server.app.directory.resetPassword('bea', 'new-bea-password');
    expect(await beaGone).toBe(true);
    expect(await adminStays).toBe(false);

    const beaAgain = connectAgent(server.url, await signIn(server.url, 'bea', 'new-bea-password'));
    await nextEvent(beaAgain, 'hello');
    const removed = disconnectedWithin(beaAgain, 1500);
    await server.app.directory.remove('bea');
    expect(await removed).toBe(true);
    admin.close();
  });

  it('when the session expires, without the agent doing anything', async () => {
    await server.cleanup();
    // 0.0006 h is about 2 s.
    server = await startTestApp({ env: { SESSION_TTL_HOURS: '0.0006' } });
    const admin = connectAgent(server.url, await signIn(server.url));
    await nextEvent(admin, 'hello');
    expect(await disconnectedWithin(admin, 5000)).toBe(true);
  });
});
