import { connectAgent, nextEvent, signIn, startTestApp, type TestApp } from '../support/start-app';

/**
 * Console sessions live in real time even when the support logic runs on a controlled clock
 * (tests, replays): an app whose clock reads a day long past still signs an agent in and keeps the
 * console connected, as the store and the browser judge the session by the wall clock.
 */
describe('console sessions under a controlled clock', () => {
  let server: TestApp;
  afterAll(async () => {
    await server.cleanup();
  });

  it('signs in and stays connected when the app clock is years behind', async () => {
    server = await startTestApp({ overrides: { clock: () => Date.UTC(2020, 0, 6, 2, 0) } });
    const agent = connectAgent(server.url, await signIn(server.url));
    await nextEvent(agent, 'hello');
    const cut = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 500);
      agent.on('disconnect', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    expect(cut).toBe(false);
    agent.close();
  });
});
