import type { ConversationDetail, ConversationSummary } from '../../src/realtime/socket-events';
import { FakeTwilio } from '../support/fake-twilio';
import { smallKnowledge } from '../support/small-knowledge';
import { connectAgent, nextEvent, request, signIn, startTestApp, type TestApp } from '../support/start-app';
import { TelegramEmulator } from '../support/telegram-emulator';
import {
  inboundSms,
  postSigned,
  PUBLIC_URL,
  TWILIO_SID,
  TWILIO_TOKEN,
  twilioEnv,
} from '../support/twilio-webhooks';
import { waitFor } from '../support/wait-for';

type Ack<T> = { ok: true } & T;
const TOKEN = '777:one-console-token';
const PHONE = '+447700900555';

describe('one console session serving a Telegram customer and an SMS customer', () => {
  let emulator: TelegramEmulator;
  let fake: FakeTwilio;
  let server: TestApp;

  beforeEach(async () => {
    emulator = await TelegramEmulator.start(TOKEN);
    fake = await FakeTwilio.start(TWILIO_SID, TWILIO_TOKEN);
    server = await startTestApp({
      env: {
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: emulator.apiRoot,
        ...twilioEnv(fake.url),
        PUBLIC_URL,
      },
      overrides: { knowledge: smallKnowledge() },
    });
  });
  afterEach(async () => {
    await server.cleanup();
    await emulator.stop();
    await fake.stop();
  });

  it('answers both from the docs, queues both on "Human", and delivers each reply on its own channel', async () => {
    const telegramCustomer = emulator.client({
      userId: 801,
      chatId: 801,
      firstName: 'Tess',
      userName: 'tess',
    });
    const tgAnswer = emulator.nextSent(801, (t) => t.includes('Logging'));
    await telegramCustomer.sendMessage(telegramCustomer.makeMessage('how do I find a call id'));
    await tgAnswer;
    await postSigned(server.url, '/webhooks/twilio/sms', inboundSms(PHONE, 'how do I find a call id'));
    await waitFor(() => fake.sentTo(PHONE).find((m) => m.body.includes('Logging')));

    const agent = connectAgent(server.url, await signIn(server.url));
    await nextEvent(agent, 'hello');
    const tgQueued = nextEvent<ConversationSummary>(
      agent,
      'handoffRequested',
      (c) => c.channel === 'telegram',
    );
    const smsQueued = nextEvent<ConversationSummary>(agent, 'handoffRequested', (c) => c.channel === 'sms');
    await telegramCustomer.sendMessage(telegramCustomer.makeMessage('Human'));
    await postSigned(server.url, '/webhooks/twilio/sms', inboundSms(PHONE, 'Human'));
    const [tg, sms] = await Promise.all([tgQueued, smsQueued]);
    expect(tg.customer).toBe('Tess · @tess');
    expect(sms.customer).toBe('+447700900555');

    for (const conversation of [tg, sms]) {
      const claimed = await request<Ack<{ conversation: ConversationDetail }>>(agent, 'claim', {
        conversationId: conversation.id,
      });
      expect(claimed.ok).toBe(true);
    }
    const tgReply = emulator.nextSent(801, (t) => t === 'Hello Tess, checking your CDRs now.');
    await request(agent, 'reply', {
      conversationId: tg.id,
      text: 'Hello Tess, checking your CDRs now.',
      clientId: 'a',
    });
    await request(agent, 'reply', {
      conversationId: sms.id,
      text: 'Hello, checking your CDRs now.',
      clientId: 'b',
    });
    await tgReply;
    await waitFor(() => fake.sentTo(PHONE).find((m) => m.body === 'Hello, checking your CDRs now.'));
    expect(emulator.sentTo(801).some((m) => m.text === 'Hello, checking your CDRs now.')).toBe(false);
    expect(fake.sent.some((m) => m.body === 'Hello Tess, checking your CDRs now.')).toBe(false);
    agent.close();
  });
});
