import { io as connect } from 'socket.io-client';
import { TELEGRAM_POLLING_LEASE } from '../../adapters/telegram/attach-telegram';
import { nextEvent, request, type ChatSocket, type TestApp } from '../support/start-app';
import { TelegramEmulator } from '../support/telegram-emulator';
import { connectTestRedis, deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../store/redis-test-prefix';
import { eventually, startChildInstance, startInstance, type ChildInstance } from './instances';

const TOKEN = '123456:drain-test-token';

describe('SIGTERM', () => {
  let emulator: TelegramEmulator;
  let prefix: string;
  let a: ChildInstance;
  let b: TestApp;
  afterEach(async () => {
    await a.kill();
    await b.cleanup();
    await emulator.stop();
    await deleteKeys(prefix);
  });

  it('drains: the widget is told to reconnect, the polling lease is handed over at once, the process exits 0', async () => {
    emulator = await TelegramEmulator.start(TOKEN);
    prefix = uniquePrefix('drain');
    const telegram = { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: emulator.apiRoot };
    // A lease far longer than the test: B can only get it if A gives it back.
    a = await startChildInstance(prefix, TEST_REDIS_URL, { ...telegram, TEST_POLLING_LEASE_MS: '120000' });
    const redis = await connectTestRedis();
    const holder = () => redis.get(`${prefix}lease:${TELEGRAM_POLLING_LEASE}`);
    try {
      await eventually(async () => (await holder())?.startsWith(`${a.process.pid}-`));
      b = await startInstance(prefix, TEST_REDIS_URL, {
        env: telegram,
        overrides: { pollingLeaseTtlMs: 120_000 },
      });

      const widget: ChatSocket = connect(`${a.url}/chat`, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
      });
      const { token } = await nextEvent<{ token: string }>(widget, 'session');
      await request(widget, 'message', { text: 'hello', clientId: 'c1' });
      const disconnected = new Promise<string>((resolve) => widget.once('disconnect', resolve));
      const exited = new Promise<number | null>((resolve) => a.process.once('exit', resolve));

      a.process.kill('SIGTERM');
      expect(await exited).toBe(0);
      // "transport close" (not "io server disconnect"): socket.io clients reconnect by themselves.
      expect(await disconnected).toBe('transport close');
      await eventually(async () => (await holder())?.startsWith(`${process.pid}-`));

      // The widget's session continues on B.
      const again: ChatSocket = connect(`${b.url}/chat`, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        auth: { token, lastSeq: 0 },
      });
      const history = await nextEvent<{ messages: { text: string }[] }>(again, 'history');
      expect(history.messages.filter((m) => m.text === 'hello')).toHaveLength(1);
      again.close();
      widget.close();
    } finally {
      await redis.close();
    }
  });
});
