import type { AppOverrides } from '../../app/create-app';
import { FakeTwilio } from './fake-twilio';
import { startTestApp, type TestApp } from './start-app';
import { TelegramEmulator } from './telegram-emulator';
import { PUBLIC_URL, TWILIO_SID, TWILIO_TOKEN, twilioEnv } from './twilio-webhooks';

/** The product with web chat, Telegram (against the emulator) and SMS (against the fake Twilio). */
export interface ThreeChannelApp {
  server: TestApp;
  emulator: TelegramEmulator;
  twilio: FakeTwilio;
  /** Stops the app and both fakes. */
  stop(): Promise<void>;
}

/** Starts the Telegram emulator, the fake Twilio and the app wired to both. */
export async function startThreeChannelApp(
  telegramToken: string,
  overrides: AppOverrides = {},
): Promise<ThreeChannelApp> {
  const emulator = await TelegramEmulator.start(telegramToken);
  const twilio = await FakeTwilio.start(TWILIO_SID, TWILIO_TOKEN);
  const server = await startTestApp({
    env: {
      TELEGRAM_BOT_TOKEN: telegramToken,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      ...twilioEnv(twilio.url),
      PUBLIC_URL,
    },
    overrides,
  });
  return {
    server,
    emulator,
    twilio,
    async stop() {
      await server.cleanup();
      await emulator.stop();
      await twilio.stop();
    },
  };
}
