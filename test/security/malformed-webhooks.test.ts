import twilio from 'twilio';
import { FakeTwilio } from '../support/fake-twilio';
import { startTestApp, type TestApp } from '../support/start-app';
import { TelegramEmulator } from '../support/telegram-emulator';
import { PUBLIC_URL, TWILIO_SID, TWILIO_TOKEN, twilioEnv } from '../support/twilio-webhooks';

const TOKEN = '654321:malformed-test-token';
const SECRET = 'malformed_secret-for-tests';

describe('malformed but authenticated webhooks are answered, never with a 5xx', () => {
  let server: TestApp;
  let emulator: TelegramEmulator;
  let fake: FakeTwilio;
  beforeAll(async () => {
    emulator = await TelegramEmulator.start(TOKEN);
    fake = await FakeTwilio.start(TWILIO_SID, TWILIO_TOKEN);
    server = await startTestApp({
      env: {
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: emulator.apiRoot,
        TELEGRAM_WEBHOOK_URL: 'https://support.example.com/webhooks/telegram',
        TELEGRAM_WEBHOOK_SECRET: SECRET,
        PUBLIC_URL,
        ...twilioEnv(fake.url),
      },
    });
  });
  afterAll(async () => {
    await server.cleanup();
    await emulator.stop();
    await fake.stop();
  });

  const telegram = (body: unknown) =>
    fetch(`${server.url}/webhooks/telegram`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body: JSON.stringify(body),
    });

  it('Telegram: a message without chat, non-string text and other odd shapes get 200 and store nothing', async () => {
    const from = { id: 5, is_bot: false, first_name: 'Ada' };
    const odd: unknown[] = [
      { update_id: 1, message: { message_id: 1, date: 1, from, text: 'no chat' } },
      { update_id: 2, message: { message_id: 2, date: 1, from, chat: { id: 5, type: 'private' }, text: 42 } },
      {
        update_id: 3,
        message: { message_id: 3, date: 1, from, chat: { id: 5, type: 'private' }, text: { a: 1 } },
      },
      { update_id: 4, message: 'hello' },
      { update_id: 5, message: null },
      {
        update_id: 6,
        message: { message_id: 6, date: 'x', chat: { id: 'abc', type: 'private' }, text: 'hi' },
      },
      { update_id: 7, callback_query: { id: 'q', data: 'x' } },
      {
        update_id: 8,
        message: { message_id: 8, date: 1, chat: { id: 5, type: 'private' }, caption: ['x'], photo: 'p' },
      },
    ];
    for (const update of odd) {
      const response = await telegram(update);
      expect(response.status).toBeLessThan(500);
    }
    expect(await server.app.store.listConversations()).toEqual([]);
  });

  const signedPost = (path: string, params: Record<string, string | string[]>, body: string, type: string) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': type,
        'x-twilio-signature': twilio.getExpectedTwilioSignature(TWILIO_TOKEN, `${PUBLIC_URL}${path}`, params),
      },
      body,
    });

  it('Twilio: a signed JSON body and repeated form fields get a 2xx/4xx, not a retried 500', async () => {
    for (const path of ['/webhooks/twilio/sms', '/webhooks/twilio/status']) {
      const json = await signedPost(
        path,
        {},
        JSON.stringify({ From: '+15550001', Body: 'hi' }),
        'application/json',
      );
      expect(json.status).toBeLessThan(500);
      const repeated = new URLSearchParams([
        ['MessageSid', `SM${'1'.repeat(32)}`],
        ['MessageSid', `SM${'2'.repeat(32)}`],
        ['From', '+15550001'],
        ['From', '+15550002'],
        ['Body', 'hi'],
        ['MessageStatus', 'delivered'],
      ]);
      const params = {
        MessageSid: [`SM${'1'.repeat(32)}`, `SM${'2'.repeat(32)}`],
        From: ['+15550001', '+15550002'],
        Body: 'hi',
        MessageStatus: 'delivered',
      };
      const response = await signedPost(
        path,
        params,
        repeated.toString(),
        'application/x-www-form-urlencoded',
      );
      expect(response.status).toBeLessThan(500);
    }
    // Let the work done after the answer finish, then check nothing was stored.
    await server.app.engine.idle();
    expect(await server.app.store.listConversations()).toEqual([]);
  });
});
