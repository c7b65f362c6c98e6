import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FakeTwilio } from './fake-twilio';
import { startTestApp, type TestApp } from './start-app';
import { postSigned, PUBLIC_URL, TWILIO_SID, TWILIO_TOKEN, twilioEnv } from './twilio-webhooks';

/**
 * The phone line of an app started from a policy file, against a fake Twilio, on the given clock.
 * Registers its own `beforeEach`/`afterEach` (a fake Twilio and a folder for the policy file per
 * test; the app, started by `start`, stopped after each test).
 */
export function phoneLineUnderTest(clock: () => number) {
  let fake: FakeTwilio;
  let server: TestApp | undefined;
  let dir: string;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phone-line-'));
    fake = await FakeTwilio.start(TWILIO_SID, TWILIO_TOKEN);
  });
  afterEach(async () => {
    await server?.cleanup();
    server = undefined;
    await fake.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  return {
    /** Starts the app with `policy` as its policy file and Twilio (voice and SMS) configured. */
    async start(policy: unknown, env: Record<string, string> = {}): Promise<TestApp> {
      const file = path.join(dir, 'policy.json');
      fs.writeFileSync(file, JSON.stringify(policy));
      server = await startTestApp({
        env: { ...twilioEnv(fake.url), PUBLIC_URL, POLICY_FILE: file, ...env },
        overrides: { clock },
      });
      return server;
    },
    /** Posts a signed Twilio webhook and returns the TwiML, which must come with a 200. */
    async post(route: string, params: Record<string, string>): Promise<string> {
      if (!server) throw new Error('post before start');
      const response = await postSigned(server.url, route, params);
      expect(response.status).toBe(200);
      return response.text();
    },
    /** The fake Twilio of the running test (its sent messages, its calls). */
    get fake(): FakeTwilio {
      return fake;
    },
  };
}
