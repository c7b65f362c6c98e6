import { VOICE_PATHS } from '../../adapters/voice/voice-twiml';
import { parsePolicy, PolicyError } from '../../src/policy/load-policy';
import { phoneLineUnderTest } from '../support/phone-line-harness';
import { inboundCall, PUBLIC_URL } from '../support/twilio-webhooks';

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
  let now = FRIDAY_MORNING;
  const line = phoneLineUnderTest(() => now);
  const call = (extra: Record<string, string> = {}) => inboundCall(CALLER, '+15005550006', extra);
  const start = (env: Record<string, string> = {}) => line.start(PHONE_POLICY, env);
  const post = line.post;

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
