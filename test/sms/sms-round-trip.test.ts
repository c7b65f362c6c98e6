import type { ConversationDetail, ConversationSummary, WireMessage } from '../../src/realtime/socket-events';
import { countSegments } from '../../adapters/sms/sms-segments';
import { FakeTwilio } from '../support/fake-twilio';
import { smallKnowledge } from '../support/small-knowledge';
import {
  connectAgent,
  nextEvent,
  request,
  signIn,
  startTestApp,
  type ConsoleSocket,
  type TestApp,
} from '../support/start-app';
import { TINY_PNG } from '../support/telegram-updates';
import { inboundSms, postSigned, PUBLIC_URL, TWILIO_SID, TWILIO_TOKEN } from '../support/twilio-webhooks';
import { waitFor } from '../support/wait-for';

type Ack<T> = { ok: true } & T;
const CUSTOMER = '+14155550142';

describe('SMS channel against a fake Twilio REST API', () => {
  let fake: FakeTwilio;
  let server: TestApp;
  let agent: ConsoleSocket;

  beforeEach(async () => {
    fake = await FakeTwilio.start(TWILIO_SID, TWILIO_TOKEN);
    server = await startTestApp({
      env: {
        TWILIO_ACCOUNT_SID: TWILIO_SID,
        TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
        TWILIO_MESSAGING_SERVICE_SID: 'MG0123456789abcdef0123456789abcdef',
        TWILIO_API_BASE_URL: fake.url,
        PUBLIC_URL,
      },
      overrides: { knowledge: smallKnowledge() },
    });
    agent = connectAgent(server.url, await signIn(server.url));
    await nextEvent(agent, 'hello');
  });
  afterEach(async () => {
    agent.close();
    await server.cleanup();
    await fake.stop();
  });

  const text = (body: string, extra?: Record<string, string>) =>
    postSigned(server.url, '/webhooks/twilio/sms', inboundSms(CUSTOMER, body, extra));
  const sentCount = () => fake.sentTo(CUSTOMER).length;
  const nextSms = async (after: number, where: (body: string) => boolean = () => true) =>
    waitFor(() =>
      fake
        .sentTo(CUSTOMER)
        .slice(after)
        .find((m) => where(m.body)),
    );

  async function claimAfterHuman(): Promise<string> {
    const requested = nextEvent<ConversationSummary>(agent, 'handoffRequested');
    const asked = sentCount();
    await text('Human');
    const queued = await requested;
    expect(queued).toMatchObject({ channel: 'sms', customer: CUSTOMER });
    // The triage question ("how bad is it?") follows the handoff notice; it is left unanswered.
    await nextSms(asked, (b) => b.includes('how bad is it'));
    const before = sentCount();
    await request<Ack<{ conversation: ConversationDetail }>>(agent, 'claim', { conversationId: queued.id });
    await nextSms(before, (b) => b.includes('has joined'));
    return queued.id;
  }

  it('hands off on "Human", delivers the agent reply by SMS, and shows status callbacks to the agent', async () => {
    const conversationId = await claimAfterHuman();
    const detail = await request<Ack<{ conversation: ConversationDetail }>>(agent, 'open', {
      conversationId,
    });
    expect(detail.conversation.profile.phone).toBe(CUSTOMER);
    expect(detail.conversation.profile.timeZone).toBeUndefined();

    const before = sentCount();
    const ack = await request<Ack<{ seq: number }>>(agent, 'reply', {
      conversationId,
      text: 'Hi, I can see your account. Which number are you calling?',
      clientId: 's1',
    });
    const sms = await nextSms(before);
    expect(sms).toMatchObject({
      body: 'Hi, I can see your account. Which number are you calling?',
      messagingServiceSid: 'MG0123456789abcdef0123456789abcdef',
      statusCallback: `${PUBLIC_URL}/webhooks/twilio/status`,
    });

    const delivered = nextEvent<{ message: WireMessage }>(
      agent,
      'messageUpdated',
      (u) => u.message.seq === ack.seq && u.message.delivery?.status === 'delivered',
    );
    await postSigned(server.url, '/webhooks/twilio/status', { MessageSid: sms.sid, MessageStatus: 'sent' });
    await postSigned(server.url, '/webhooks/twilio/status', {
      MessageSid: sms.sid,
      MessageStatus: 'delivered',
    });
    expect((await delivered).message.delivery).toMatchObject({ status: 'delivered', providerId: sms.sid });

    const failed = nextEvent<{ message: WireMessage }>(
      agent,
      'messageUpdated',
      (u) => u.message.delivery?.status === 'undelivered',
    );
    const second = sentCount();
    await request(agent, 'reply', { conversationId, text: 'Are you there?', clientId: 's2' });
    const lost = await nextSms(second);
    await postSigned(server.url, '/webhooks/twilio/status', {
      MessageSid: lost.sid,
      MessageStatus: 'undelivered',
      ErrorCode: '30003',
    });
    expect((await failed).message.delivery?.error).toBe('Twilio error 30003: handset unreachable');

    const replyText = nextEvent<{ message: WireMessage }>(
      agent,
      'message',
      (m) => m.message.text === 'Sorry, in a meeting',
    );
    await text('Sorry, in a meeting');
    await replyText;
  });

  it('splits a long agent reply into numbered parts of at most two segments each', async () => {
    const conversationId = await claimAfterHuman();
    const long = Array.from({ length: 60 }, (_, i) => `Step ${i + 1} check the route.`).join(' ');
    const before = sentCount();
    await request(agent, 'reply', { conversationId, text: long, clientId: 'long' });
    const parts = fake
      .sentTo(CUSTOMER)
      .slice(before)
      .map((m) => m.body);
    expect(parts.length).toBeGreaterThanOrEqual(4);
    parts.forEach((part, i) => {
      expect(part.startsWith(`(${i + 1}/${parts.length}) `)).toBe(true);
      expect(countSegments(part).segments).toBeLessThanOrEqual(2);
    });
    // Joined with single spaces they give the reply back: no word was cut.
    expect(parts.map((p) => p.replace(/^\(\d+\/\d+\) /, '')).join(' ')).toBe(long);
  });

  it('opts out on STOP (nothing more is sent, the agent sees it), answers HELP, and opts back in on START', async () => {
    const help = sentCount();
    await text('help');
    const contacts = await nextSms(help);
    expect(contacts.body).toContain('+44 7481 346 455');
    expect(contacts.body).toContain('+1 408 475 9494');
    expect(contacts.body).toContain('@connexcs_support_bot');
    expect(contacts.body).toContain('support@connexcs.com');

    const conversationId = await claimAfterHuman();
    const optedOut = nextEvent<ConversationDetail>(
      agent,
      'conversationUpdated',
      (c) => c.unreachable !== undefined,
    );
    await request(agent, 'open', { conversationId });
    await text('STOP');
    expect((await optedOut).unreachable).toMatch(/opted out/);

    const before = sentCount();
    const skipped = await request<Ack<{ seq: number }>>(agent, 'reply', {
      conversationId,
      text: 'Did that fix it?',
      clientId: 'after-stop',
    });
    const [notSent] = await server.app.store.getMessages(conversationId, skipped.seq - 1, 1);
    expect(notSent?.delivery?.status).toBe('skipped');
    await text('what are your business hours');
    await server.app.engine.idle();
    expect(sentCount()).toBe(before);

    const back = nextEvent<ConversationDetail>(
      agent,
      'conversationUpdated',
      (c) => c.unreachable === undefined,
    );
    await text('START');
    await back;
    const confirmed = await nextSms(before);
    expect(confirmed.body).toMatch(/subscribed again/);
    const texts = (await server.app.store.getMessages(conversationId)).map((m) => m.text);
    expect(texts).toEqual(expect.arrayContaining(['STOP', 'START', 'what are your business hours']));
  });

  it('keeps MMS media for the agent, fetched with the account credentials', async () => {
    const mediaUrl = fake.addMedia('ME1', TINY_PNG);
    const message = nextEvent<{ message: WireMessage }>(
      agent,
      'message',
      (m) => m.message.author === 'customer',
    );
    const conversationId = await claimAfterHuman();
    await request(agent, 'open', { conversationId });
    const withMedia = nextEvent<{ message: WireMessage }>(
      agent,
      'message',
      (m) => (m.message.attachments?.length ?? 0) > 0,
    );
    await text('the error screen', { NumMedia: '1', MediaUrl0: mediaUrl, MediaContentType0: 'image/png' });
    const attachment = (await withMedia).message.attachments?.[0];
    expect(attachment).toMatchObject({ kind: 'image', mimeType: 'image/png' });
    const download = await fetch(`${server.url}${attachment!.url}`, {
      headers: { cookie: await signIn(server.url) },
    });
    expect(Buffer.from(await download.arrayBuffer()).equals(TINY_PNG)).toBe(true);
    expect(fake.unauthorized).toHaveLength(0);
    await message;
  });

  it('records a REST refusal as a failed delivery the agent sees', async () => {
    const conversationId = await claimAfterHuman();
    await request(agent, 'open', { conversationId });
    fake.failNext({ status: 400, code: 21211, message: "The 'To' number is not a valid phone number." });
    const failed = nextEvent<{ message: WireMessage }>(
      agent,
      'messageUpdated',
      (u) => u.message.delivery?.status === 'failed',
    );
    await request(agent, 'reply', { conversationId, text: 'Hello', clientId: 'bad' });
    expect((await failed).message.delivery?.error).toMatch(/not a valid phone number/);
  });
});
