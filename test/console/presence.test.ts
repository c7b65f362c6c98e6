import type { ConversationSummary } from '../../src/realtime/socket-events';
import { textOf, webCustomer } from '../flows/support/chat-driver';
import {
  collect,
  connectAgent,
  nextEvent,
  request,
  signIn,
  startTestApp,
  type TestApp,
} from '../support/start-app';
import { smallKnowledge } from '../support/small-knowledge';

describe('agent presence: online and away', () => {
  let server: TestApp;
  beforeAll(async () => {
    server = await startTestApp({ overrides: { knowledge: smallKnowledge() } });
    await server.app.directory.add({ username: 'bea', password: 'bea-password-1', displayName: 'Bea' });
  });
  afterAll(async () => {
    await server.cleanup();
  });

  it('away agents hear of no new handoff and the bot does not count them as available', async () => {
    const [adminCookie, beaCookie] = [
      await signIn(server.url),
      await signIn(server.url, 'bea', 'bea-password-1'),
    ];
    const admin = connectAgent(server.url, adminCookie);
    const bea = connectAgent(server.url, beaCookie);
    await Promise.all([nextEvent(admin, 'hello'), nextEvent(bea, 'hello')]);
    const beaAlerts = collect<ConversationSummary>(bea, 'handoffRequested');

    expect(await request(bea, 'presence', { status: 'away' })).toEqual({ ok: true, status: 'away' });
    expect(await request(admin, 'presence', { status: 'lunch' })).toMatchObject({ ok: false });
    const counted = nextEvent<{ count: number }>(admin, 'agentsOnline', (p) => p.count === 0);
    await request(admin, 'presence', { status: 'away' });
    await counted;

    const first = await webCustomer(server.url);
    expect(textOf(await first.say('Human'))).toMatch(/nobody is signed in/i);

    const adminAlert = nextEvent<ConversationSummary>(admin, 'handoffRequested');
    await request(admin, 'presence', { status: 'online' });
    const second = await webCustomer(server.url);
    expect(textOf(await second.say('Human'))).not.toMatch(/nobody is signed in/i);
    await adminAlert;
    // A round trip on Bea's own connection: anything sent to her before it has arrived by now.
    await request(bea, 'presence', { status: 'away' });
    expect(beaAlerts).toEqual([]);
    for (const socket of [admin, bea, first, second]) socket.close();
  });
});
