import twilio from 'twilio';
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

const CUSTOMER = '+447700900123';

describe('Twilio SMS webhooks: signatures and replays', () => {
  let fake: FakeTwilio;
  let server: TestApp;

  async function start(env: Record<string, string> = { PUBLIC_URL }): Promise<void> {
    fake = await FakeTwilio.start(TWILIO_SID, TWILIO_TOKEN);
    server = await startTestApp({
      env: {
        ...twilioEnv(fake.url),
        ...env,
      },
      overrides: { knowledge: smallKnowledge() },
    });
  }
  afterEach(async () => {
    await server.cleanup();
    await fake.stop();
  });

  it('answers a validly signed SMS with empty TwiML as soon as it is stored and replies through the REST API', async () => {
    await start();
    const response = await postSigned(
      server.url,
      '/webhooks/twilio/sms',
      inboundSms(CUSTOMER, 'where do I find a call id?'),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/xml/);
    expect(await response.text()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
    // Acknowledged only once stored: a crash after the answer cannot lose the text.
    const stored = await server.app.store.findConversation('sms', CUSTOMER);
    expect((await server.app.store.getMessages(stored!.id))[0]).toMatchObject({
      author: 'customer',
      text: 'where do I find a call id?',
    });

    const [answer] = await waitFor(() => (fake.sentTo(CUSTOMER).length ? fake.sentTo(CUSTOMER) : undefined));
    expect(answer).toMatchObject({
      from: '+15005550006',
      statusCallback: `${PUBLIC_URL}/webhooks/twilio/status`,
    });
    // The policy's whole answer, in numbered parts (every line of it is a fact).
    expect(answer?.body).toMatch(/^\(1\/2\) A Call-ID is [\s\S]+Logging section/);
    const conversation = await server.app.store.findConversation('sms', CUSTOMER);
    expect(conversation?.profile).toEqual({ phone: CUSTOMER, timeZone: 'Europe/London' });
  });

  it('refuses forged, unsigned and wrong-URL requests with 403 and stores nothing', async () => {
    await start();
    const path = '/webhooks/twilio/sms';
    const forged = await postSigned(server.url, path, inboundSms(CUSTOMER, 'hi'), {
      token: 'not-the-auth-token',
    });
    const unsigned = await postSigned(server.url, path, inboundSms(CUSTOMER, 'hi'), { signature: null });
    const wrongUrl = await postSigned(server.url, path, inboundSms(CUSTOMER, 'hi'), {
      signedUrl: `${server.url}${path}`,
    });
    const params = inboundSms(CUSTOMER, 'hi');
    const signature = twilio.getExpectedTwilioSignature(TWILIO_TOKEN, `${PUBLIC_URL}${path}`, params);
    const tampered = await postSigned(server.url, path, { ...params, Body: 'Human' }, { signature });
    const forgedStatus = await postSigned(
      server.url,
      '/webhooks/twilio/status',
      { MessageSid: 'SM1', MessageStatus: 'delivered' },
      { token: 'not-the-auth-token' },
    );
    expect([forged.status, unsigned.status, wrongUrl.status, tampered.status, forgedStatus.status]).toEqual([
      403, 403, 403, 403, 403,
    ]);
    // Every message the engine took has been handled once it is idle.
    await server.app.engine.idle();
    expect(await server.app.store.findConversation('sms', CUSTOMER)).toBeUndefined();
    expect(fake.sent).toHaveLength(0);
  });

  it('processes a replayed MessageSid once', async () => {
    await start();
    const params = inboundSms(CUSTOMER, 'where do I find a call id?');
    expect((await postSigned(server.url, '/webhooks/twilio/sms', params)).status).toBe(200);
    expect((await postSigned(server.url, '/webhooks/twilio/sms', params)).status).toBe(200);
    await waitFor(() => fake.sentTo(CUSTOMER)[0]);
    await server.app.engine.idle();
    const conversation = await server.app.store.findConversation('sms', CUSTOMER);
    const messages = await server.app.store.getMessages(conversation!.id);
    expect(messages.filter((m) => m.author === 'customer')).toHaveLength(1);
    // One answer, in two numbered parts: not two answers.
    expect(fake.sentTo(CUSTOMER).map((m) => m.body.slice(0, 5))).toEqual(['(1/2)', '(2/2)']);
  });

  it('without PUBLIC_URL, trusts X-Forwarded-Proto and X-Forwarded-Host only when TRUST_PROXY is set', async () => {
    await start({ TRUST_PROXY: 'true' });
    const proxied = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'sms.example.org' };
    const viaProxy = await postSigned(server.url, '/webhooks/twilio/sms', inboundSms(CUSTOMER, 'hello'), {
      signedUrl: 'https://sms.example.org/webhooks/twilio/sms',
      headers: proxied,
    });
    expect(viaProxy.status).toBe(200);
    await server.cleanup();
    await fake.stop();

    await start({});
    const untrusted = await postSigned(server.url, '/webhooks/twilio/sms', inboundSms(CUSTOMER, 'hello'), {
      signedUrl: 'https://sms.example.org/webhooks/twilio/sms',
      headers: proxied,
    });
    expect(untrusted.status).toBe(403);
    const direct = await postSigned(server.url, '/webhooks/twilio/sms', inboundSms(CUSTOMER, 'hello'), {
      signedUrl: `${server.url}/webhooks/twilio/sms`,
    });
    expect(direct.status).toBe(200);
  });
});
