import type { Update } from 'telegraf/types';
import type { TestApp } from '../support/start-app';
import { FakeTwilio } from '../support/fake-twilio';
import { TelegramEmulator } from '../support/telegram-emulator';
import { textUpdate } from '../support/telegram-updates';
import {
  inboundSms,
  postSigned,
  PUBLIC_URL,
  TWILIO_SID,
  TWILIO_TOKEN,
  twilioEnv,
} from '../support/twilio-webhooks';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../store/redis-test-prefix';
import { eventually, startInstance } from './instances';

const TOKEN = '777777:dedup-test-token';
const SECRET = 'dedup_webhook-secret';
const CUSTOMER = '+447700900777';
const settle = () => new Promise((resolve) => setTimeout(resolve, 700));

describe('the same provider webhook delivered to both instances', () => {
  let emulator: TelegramEmulator;
  let fake: FakeTwilio;
  let prefix: string;
  let instances: TestApp[];
  beforeEach(async () => {
    emulator = await TelegramEmulator.start(TOKEN);
    fake = await FakeTwilio.start(TWILIO_SID, TWILIO_TOKEN);
    prefix = uniquePrefix('hooks');
    const env = {
      PUBLIC_URL,
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      TELEGRAM_WEBHOOK_URL: `${PUBLIC_URL}/webhooks/telegram`,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      ...twilioEnv(fake.url),
    };
    instances = [
      await startInstance(prefix, TEST_REDIS_URL, { env }),
      await startInstance(prefix, TEST_REDIS_URL, { env }),
    ];
  });
  afterEach(async () => {
    for (const instance of instances) await instance.cleanup();
    await emulator.stop();
    await fake.stop();
    await deleteKeys(prefix);
  });

  it('processes a Telegram update (same update_id) once, however often and wherever it arrives', async () => {
    const update = textUpdate(701, 'my calls drop after 30 seconds');
    const deliver = (instance: TestApp, body: Update) =>
      fetch(`${instance.url}/webhooks/telegram`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': SECRET },
        body: JSON.stringify(body),
      }).then((r) => r.status);
    const statuses = await Promise.all([...instances, ...instances].map((i) => deliver(i, update)));
    expect(statuses).toContain(200);
    // Telegram retries what was not answered 200 (a copy arriving while another is stored).
    for (const [n, status] of statuses.entries()) {
      if (status !== 200) await eventually(async () => (await deliver(instances[n % 2]!, update)) === 200);
    }
    await eventually(async () => emulator.sentTo(701).length > 0);
    await settle();
    // Processed once: every reply the update caused was sent once.
    const texts = emulator.sentTo(701).map((m) => m.text);
    expect(texts.length).toBeGreaterThan(0);
    expect(new Set(texts).size).toBe(texts.length);
    const conversation = await instances[1]!.app.store.findConversation('telegram', '701');
    const transcript = await instances[0]!.app.store.getMessages(conversation!.id);
    expect(transcript.filter((m) => m.author === 'customer')).toHaveLength(1);
  });

  it('processes a Twilio SMS (same MessageSid) once when both instances receive it', async () => {
    const params = inboundSms(CUSTOMER, 'my calls drop after 30 seconds');
    const responses = await Promise.all(
      [...instances, ...instances].map((i) => postSigned(i.url, '/webhooks/twilio/sms', params)),
    );
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    await eventually(async () => fake.sentTo(CUSTOMER).length > 0);
    await settle();
    // Processed once: every reply (and every numbered part of one) was sent once.
    const bodies = fake.sentTo(CUSTOMER).map((m) => m.body);
    expect(bodies.length).toBeGreaterThan(0);
    expect(new Set(bodies).size).toBe(bodies.length);
    const conversation = await instances[0]!.app.store.findConversation('sms', CUSTOMER);
    const transcript = await instances[1]!.app.store.getMessages(conversation!.id);
    expect(transcript.filter((m) => m.author === 'customer')).toHaveLength(1);
    const botTexts = transcript.filter((m) => m.author === 'bot').map((m) => m.text);
    expect(new Set(botTexts).size).toBe(botTexts.length);
  });
});
