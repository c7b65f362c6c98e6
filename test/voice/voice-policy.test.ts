import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { VOICE_PATHS } from '../../adapters/voice/voice-twiml';
import { parsePolicy, PolicyError } from '../../src/policy/load-policy';
import { FakeTwilio } from '../support/fake-twilio';
import { startTestApp, type TestApp } from '../support/start-app';
import { postSigned, PUBLIC_URL, TWILIO_SID, TWILIO_TOKEN, twilioEnv } from '../support/twilio-webhooks';

const CALLER = '+4930901820';
const POLICY_ON_CALL = '+4930123456789';
/** Friday 4 December 2026, 10:00 in Berlin (09:00 UTC): inside this policy's phone hours. */
const FRIDAY_MORNING = Date.UTC(2026, 11, 4, 9, 0);
/** Saturday 5 December 2026, the same hour: the policy's phone line is closed at weekends. */
const SATURDAY_MORNING = Date.UTC(2026, 11, 5, 9, 0);
/** Friday 4 December 2026, 18:30 in Berlin: closed for the evening. */
const FRIDAY_EVENING = Date.UTC(2026, 11, 4, 17, 30);

/** Another team's phone line, written only in its policy file. */
const PHONE_POLICY = {
  teamName: 'Example Telecom',
  phoneHours: {
    timeZone: 'Europe/Berlin',
    days: ['mon', 'tue', 'wed', 'thu', 'fri'],
    open: '08:00',
    close: '18:00',
  },
  phoneLine: {
    onCallNumber: POLICY_ON_CALL,
    dialTimeoutSeconds: 40,
    pageKey: '9',
    recordCalls: true,
    texts: {
      welcome: 'Example Telecom support, one moment please.',
      closed: 'Example Telecom: the line is open {hours}. For an outage press {key}.',
      whisperHours: 'Example Telecom customer.',
      whisperTicket: 'Ticket {ticket} is open.',
    },
  },
};

describe('the phone line follows the policy file (number, hours, key, texts) under a controlled clock', () => {
  let fake: FakeTwilio;
  let server: TestApp | undefined;
  let dir: string;
  let now = FRIDAY_MORNING;
  let counter = 0;

  const call = (extra: Record<string, string> = {}) => {
    counter += 1;
    return {
      CallSid: `CA${String(counter).padStart(32, '1')}`,
      AccountSid: TWILIO_SID,
      From: CALLER,
      To: '+15005550006',
      CallStatus: 'ringing',
      Direction: 'inbound',
      ...extra,
    };
  };

  const start = async (env: Record<string, string> = {}) => {
    const file = path.join(dir, 'policy.json');
    fs.writeFileSync(file, JSON.stringify(PHONE_POLICY));
    server = await startTestApp({
      env: { ...twilioEnv(fake.url), PUBLIC_URL, POLICY_FILE: file, ...env },
      overrides: { clock: () => now },
    });
    return server;
  };

  const post = async (route: string, params: Record<string, string>) => {
    const response = await postSigned(server!.url, route, params);
    expect(response.status).toBe(200);
    return response.text();
  };

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'voice-policy-'));
    fake = await FakeTwilio.start(TWILIO_SID, TWILIO_TOKEN);
  });
  afterEach(async () => {
    await server?.cleanup();
    server = undefined;
    await fake.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('in hours dials the policy on-call number with its ring time and welcome, and records the call', async () => {
    await start();
    now = FRIDAY_MORNING;
    const twiml = await post(VOICE_PATHS.incoming, call());
    expect(twiml).toContain('<Say language="en-GB">Example Telecom support, one moment please.</Say>');
    expect(twiml).toContain(`<Dial timeout="40" action="${PUBLIC_URL}${VOICE_PATHS.afterDial}"`);
    expect(twiml).toContain('record="record-from-answer-dual"');
    const callback = new URLSearchParams({ caller: CALLER, kind: 'call' }).toString();
    expect(twiml).toContain(
      `recordingStatusCallback="${PUBLIC_URL}${VOICE_PATHS.recordingStatus}?${callback.replace('&', '&amp;')}"`,
    );
    expect(twiml).toContain(`>${POLICY_ON_CALL}</Number>`);
    const whisper = await post(`${VOICE_PATHS.whisper}?reason=hours`, call());
    expect(whisper).toContain('<Say language="en-GB">Example Telecom customer.</Say>');
  });

  it.each([
    ['on Saturday morning', SATURDAY_MORNING],
    ['on Friday evening', FRIDAY_EVENING],
  ])('%s speaks the policy hours and key; only that key pages on-call', async (_when, at) => {
    await start();
    now = at;
    const twiml = await post(VOICE_PATHS.incoming, call());
    expect(twiml).toContain(
      'Example Telecom: the line is open 08:00-18:00 Europe/Berlin, Mon, Tue, Wed, Thu, Fri. For an outage press 9.',
    );
    expect(twiml).not.toContain('<Dial');
    const wrongKey = await post(VOICE_PATHS.menu, call({ Digits: '1' }));
    expect(wrongKey).toContain('<Record');
    expect(wrongKey).not.toContain('<Dial');
    const paged = await post(VOICE_PATHS.menu, call({ Digits: '9' }));
    expect(paged).toContain(`reason=critical">${POLICY_ON_CALL}</Number>`);
    // The texts the policy left out keep their defaults.
    expect(paged).toContain('<Say language="en-GB">Connecting you to the on-call engineer now.</Say>');
  });

  it('VOICE_ON_CALL_NUMBER overrides the policy number (a deployment can route calls without editing the policy)', async () => {
    await start({ VOICE_ON_CALL_NUMBER: '+442071838750' });
    now = FRIDAY_MORNING;
    const twiml = await post(VOICE_PATHS.incoming, call());
    expect(twiml).toContain('>+442071838750</Number>');
    expect(twiml).not.toContain(POLICY_ON_CALL);
  });

  it('refuses a policy whose spoken text uses an unknown placeholder, or a key that is not a key', () => {
    const texts = { closed: 'Open {hour}.' };
    expect(() => parsePolicy({ phoneLine: { texts } })).toThrow(PolicyError);
    expect(() => parsePolicy({ phoneLine: { texts } })).toThrow(
      /phoneLine\.texts\.closed: unknown placeholder \{hour\}; this text may use \{hours\}, \{key\}/,
    );
    expect(() => parsePolicy({ phoneLine: { pageKey: '12' } })).toThrow(/phoneLine\.pageKey/);
    expect(() => parsePolicy({ phoneLine: { onCallNumber: '030 1234' } })).toThrow(
      /phoneLine\.onCallNumber: must be an E\.164 number/,
    );
  });
});
