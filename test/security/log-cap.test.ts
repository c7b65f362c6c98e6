import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createApp, type App } from '../../app/create-app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { FakeTwilio } from '../support/fake-twilio';
import { ADMIN_PASSWORD } from '../support/start-app';
import { TelegramEmulator } from '../support/telegram-emulator';
import {
  PUBLIC_URL,
  TWILIO_SID,
  TWILIO_TOKEN,
  inboundSms,
  postSigned,
  twilioEnv,
} from '../support/twilio-webhooks';

const TOKEN = '654321:log-cap-token';

describe('refused webhooks cannot flood the log', () => {
  let app: App;
  let url: string;
  let dataDir: string;
  let emulator: TelegramEmulator;
  let fake: FakeTwilio;
  const lines: { msg: string }[] = [];

  beforeAll(async () => {
    emulator = await TelegramEmulator.start(TOKEN);
    fake = await FakeTwilio.start(TWILIO_SID, TWILIO_TOKEN);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-logcap-'));
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ADMIN_PASSWORD,
      LOG_LEVEL: 'warn',
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      TELEGRAM_WEBHOOK_URL: 'https://support.example.com/webhooks/telegram',
      TELEGRAM_WEBHOOK_SECRET: 'the-real-secret',
      PUBLIC_URL,
      WEBHOOK_WARNINGS_PER_MINUTE: '5',
      ...twilioEnv(fake.url),
    });
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean))
          lines.push(JSON.parse(line) as { msg: string });
        done();
      },
    });
    app = await createApp(config, createLogger('warn', sink));
    url = await app.listen();
  });
  afterAll(async () => {
    await app.close();
    await emulator.stop();
    await fake.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('logs at most WEBHOOK_WARNINGS_PER_MINUTE lines per source, and still refuses every request', async () => {
    for (let i = 0; i < 30; i += 1) {
      const telegram = await fetch(`${url}/webhooks/telegram`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': `wrong-${i}` },
        body: '{}',
      });
      expect(telegram.status).toBe(403);
      const sms = await postSigned(url, '/webhooks/twilio/sms', inboundSms('+15550001', 'hi'), {
        signature: 'forged',
      });
      expect(sms.status).toBe(403);
    }
    expect(lines.filter((line) => line.msg === 'telegram webhook refused')).toHaveLength(5);
    expect(lines.filter((line) => line.msg === 'twilio webhook refused')).toHaveLength(5);
  });
});
