import { FakeTwilio } from '../support/fake-twilio';
import { smallKnowledge } from '../support/small-knowledge';
import { startTestApp, type TestApp } from '../support/start-app';
import {
  inboundSms,
  postSigned,
  PUBLIC_URL,
  TWILIO_SID,
  TWILIO_TOKEN,
  twilioEnv,
} from '../support/twilio-webhooks';
import { waitFor } from '../support/wait-for';

const CUSTOMER = '+447700900456';

describe('a reply stored but never sent before a crash', () => {
  let fake: FakeTwilio;
  let server: TestApp | undefined;
  afterEach(async () => {
    await server?.cleanup();
    await fake.stop();
  });

  it('is sent once when the server starts again on the same data', async () => {
    fake = await FakeTwilio.start(TWILIO_SID, TWILIO_TOKEN);
    const start = (dataDir?: string) =>
      startTestApp({
        env: { PUBLIC_URL, ...twilioEnv(fake.url) },
        overrides: { knowledge: smallKnowledge() },
        ...(dataDir && { dataDir }),
      });
    server = await start();
    await postSigned(server.url, '/webhooks/twilio/sms', inboundSms(CUSTOMER, 'hello'));
    await waitFor(() => (fake.sentTo(CUSTOMER).length ? true : undefined));
    const conversation = (await server.app.store.findConversation('sms', CUSTOMER))!;
    // What an instance that died between storing an agent's reply and sending it leaves behind.
    await server.app.store.appendMessage(conversation.id, {
      author: 'agent',
      authorName: 'Ann',
      text: 'Your trunk is fixed now.',
      createdAt: Date.now() - 120_000,
      delivery: { status: 'pending', at: Date.now() - 120_000 },
    });
    const dataDir = server.dataDir;
    const sentBefore = fake.sentTo(CUSTOMER).length;
    await server.stop();

    server = await start(dataDir);
    const [resent] = await waitFor(() => {
      const later = fake.sentTo(CUSTOMER).slice(sentBefore);
      return later.length ? later : undefined;
    });
    expect(resent!.body).toBe('Your trunk is fixed now.');
    const store = server.app.store;
    // Accepted by Twilio: it now has a provider id (and waits for Twilio's delivery receipt), so a
    // later sweep does not send it again.
    await waitFor(async () =>
      (await store.getMessages(conversation.id)).at(-1)!.delivery?.providerId ? true : undefined,
    );
    expect(await store.listPendingDeliveries(Date.now() + 60_000)).toEqual([]);
    expect(await server.app.engine.delivery.redeliverStale(0)).toBe(0);
    await server.app.engine.idle();
    expect(fake.sentTo(CUSTOMER).slice(sentBefore)).toHaveLength(1);
  });
});
