import { TELEGRAM_POLLING_LEASE } from '../../adapters/telegram/attach-telegram';
import type { TestApp } from '../support/start-app';
import { TelegramEmulator } from '../support/telegram-emulator';
import { connectTestRedis, deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../store/redis-test-prefix';
import { eventually, startChildInstance, startInstance, type ChildInstance } from './instances';

const TOKEN = '123456:failover-test-token';

describe('Telegram long polling with two instances', () => {
  let emulator: TelegramEmulator;
  let prefix: string;
  let a: ChildInstance;
  let b: TestApp;
  beforeEach(async () => {
    emulator = await TelegramEmulator.start(TOKEN);
    prefix = uniquePrefix('tg');
  });
  afterEach(async () => {
    await a.kill();
    await b.cleanup();
    await emulator.stop();
    await deleteKeys(prefix);
  });

  it('runs on exactly one instance and moves to the other when the poller is killed', async () => {
    const telegram = { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: emulator.apiRoot };
    a = await startChildInstance(prefix, TEST_REDIS_URL, { ...telegram, TEST_POLLING_LEASE_MS: '1000' });
    const customer = emulator.client({ userId: 601, chatId: 601, firstName: 'Bo' });
    const first = emulator.nextSent(601);
    await customer.sendMessage(customer.makeMessage('hello'));
    await first;
    b = await startInstance(prefix, TEST_REDIS_URL, {
      env: telegram,
      overrides: { pollingLeaseTtlMs: 1000 },
    });

    const redis = await connectTestRedis();
    const holder = () => redis.get(`${prefix}lease:${TELEGRAM_POLLING_LEASE}`);
    try {
      expect(await holder()).toMatch(new RegExp(`^${a.process.pid}-`));
      const second = emulator.nextSent(601);
      await customer.sendMessage(customer.makeMessage('are you there?'));
      await second;
      // Each message got one answer: only one instance polls.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(emulator.sentTo(601)).toHaveLength(2);

      await a.kill('SIGKILL');
      await eventually(async () => (await holder())?.startsWith(`${process.pid}-`));
      const third = emulator.nextSent(601, () => true, 15_000);
      await customer.sendMessage(customer.makeMessage('after the crash'));
      await third;
    } finally {
      await redis.close();
    }
    const conversation = await b.app.store.findConversation('telegram', '601');
    const transcript = await b.app.store.getMessages(conversation!.id);
    const fromCustomer = transcript.filter((m) => m.author === 'customer').map((m) => m.text);
    expect(fromCustomer).toEqual(['hello', 'are you there?', 'after the crash']);
    expect(transcript.filter((m) => m.author === 'bot')).toHaveLength(3);
  });
});
