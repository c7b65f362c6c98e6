import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteStore } from '../../adapters/sqlite/sqlite-store';
import { smallKnowledge } from '../support/small-knowledge';
import { startTestApp, type TestApp } from '../support/start-app';
import { TelegramEmulator } from '../support/telegram-emulator';

const TOKEN = '123456:polling-retry-token';

/** A store whose next appends fail, as when its disk or server is briefly unavailable. */
class FlakyStore extends SqliteStore {
  failures = 0;
  override async appendMessage(...args: Parameters<SqliteStore['appendMessage']>) {
    if (this.failures > 0) {
      this.failures -= 1;
      throw new Error('store unavailable');
    }
    return super.appendMessage(...args);
  }
}

describe('Telegram long polling when storing an update fails for a moment', () => {
  let emulator: TelegramEmulator;
  let server: TestApp;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-flaky-'));
  const store = new FlakyStore(path.join(dir, 'handoff.sqlite'));

  beforeAll(async () => {
    emulator = await TelegramEmulator.start(TOKEN);
    server = await startTestApp({
      env: { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: emulator.apiRoot },
      overrides: { knowledge: smallKnowledge(), store },
    });
  });
  afterAll(async () => {
    await server.cleanup();
    await emulator.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('tries the update again instead of losing it (Telegram will not send it twice)', async () => {
    const customer = emulator.client({ userId: 701, chatId: 701, firstName: 'Bo' });
    store.failures = 2;
    const answer = emulator.nextSent(701, (t) => t.includes('Logging'));
    await customer.sendMessage(customer.makeMessage('where do I find a call id?'));
    await answer;
    expect(store.failures).toBe(0);
    const conversation = await store.findConversation('telegram', '701');
    const texts = (await store.getMessages(conversation!.id))
      .filter((m) => m.author === 'customer')
      .map((m) => m.text);
    expect(texts).toEqual(['where do I find a call id?']);
  });
});
