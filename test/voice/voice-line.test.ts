import { VOICE_PATHS } from '../../adapters/voice/voice-twiml';
import { FakeTwilio } from '../support/fake-twilio';
import { startTestApp, type TestApp } from '../support/start-app';
import {
  inboundCall,
  postSigned,
  PUBLIC_URL,
  TWILIO_SID,
  TWILIO_TOKEN,
  twilioEnv,
} from '../support/twilio-webhooks';
import { waitFor } from '../support/wait-for';

const CALLER = '+14155550199';
const ON_CALL = '+442071838750';
/** Monday 30 November 2026, 12:00 UTC: inside the default phone hours (09:00-23:00 UTC). */
const NOON = Date.UTC(2026, 10, 30, 12, 0);
/** The same night at 02:00 UTC: outside them. */
const NIGHT = Date.UTC(2026, 10, 30, 2, 0);

const call = (extra: Record<string, string> = {}) => inboundCall(CALLER, '+15005550006', extra);

describe('phone line (Twilio Voice) with a fake Twilio and a controlled clock', () => {
  let fake: FakeTwilio;
  let server: TestApp;
  let now = NOON;

  beforeEach(async () => {
    fake = await FakeTwilio.start(TWILIO_SID, TWILIO_TOKEN);
    server = await startTestApp({
      env: { ...twilioEnv(fake.url), PUBLIC_URL, VOICE_ON_CALL_NUMBER: ON_CALL },
      overrides: { clock: () => now },
    });
  });
  afterEach(async () => {
    await server.cleanup();
    await fake.stop();
  });

  const post = async (path: string, params: Record<string, string>) => {
    const response = await postSigned(server.url, path, params);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/xml/);
    return response.text();
  };

  it('refuses forged and unsigned calls', async () => {
    const forged = await postSigned(server.url, VOICE_PATHS.incoming, call(), { signature: 'AAAA' });
    expect(forged.status).toBe(403);
    const unsigned = await postSigned(server.url, VOICE_PATHS.incoming, call(), { signature: null });
    expect(unsigned.status).toBe(403);
    const otherToken = await postSigned(server.url, VOICE_PATHS.incoming, call(), { token: 'someone-else' });
    expect(otherToken.status).toBe(403);
  });

  it('puts a call through to the on-call number within phone hours, and takes a voicemail when nobody answers', async () => {
    now = NOON;
    const twiml = await post(VOICE_PATHS.incoming, call());
    expect(twiml).toContain(`<Dial timeout="25" action="${PUBLIC_URL}${VOICE_PATHS.afterDial}">`);
    expect(twiml).toContain(
      `<Number url="${PUBLIC_URL}${VOICE_PATHS.whisper}?reason=hours">${ON_CALL}</Number>`,
    );
    const missed = await post(VOICE_PATHS.afterDial, call({ DialCallStatus: 'no-answer' }));
    expect(missed).toContain(
      `<Record maxLength="180" playBeep="true" action="${PUBLIC_URL}${VOICE_PATHS.recording}"`,
    );
    const answered = await post(VOICE_PATHS.afterDial, call({ DialCallStatus: 'completed' }));
    expect(answered).toContain('<Hangup/>');
    expect(answered).not.toContain('<Record');
  });

  it('outside phone hours speaks the hours, pages on-call for key 1, else records a voicemail that becomes a ticket', async () => {
    now = NIGHT;
    const menu = await post(VOICE_PATHS.incoming, call());
    expect(menu).toContain(
      `<Gather numDigits="1" timeout="6" action="${PUBLIC_URL}${VOICE_PATHS.menu}" language="en-GB">`,
    );
    expect(menu).toContain('Our phone line is open 09:00-23:00 UTC, and it is closed now.');
    expect(menu).toContain('press 1 to page the on-call engineer');
    expect(menu).not.toContain('<Dial');

    const paged = await post(VOICE_PATHS.menu, call({ Digits: '1' }));
    expect(paged).toContain(
      `<Number url="${PUBLIC_URL}${VOICE_PATHS.whisper}?reason=critical">${ON_CALL}</Number>`,
    );
    const message = await post(VOICE_PATHS.menu, call({ Digits: '2' }));
    expect(message).toContain(`transcribeCallback="${PUBLIC_URL}${VOICE_PATHS.transcription}"`);
    const silent = await post(VOICE_PATHS.menu, call());
    expect(silent).toContain('<Record');

    // The recording: a conversation with the caller's number, a ticket, the queue, and an SMS.
    const recording = call({
      RecordingSid: 'RE0123456789abcdef0123456789abcdef',
      RecordingUrl: `https://api.twilio.com/2010-04-01/Accounts/${TWILIO_SID}/Recordings/RE0123456789abcdef0123456789abcdef`,
      RecordingDuration: '23',
    });
    const thanks = await post(VOICE_PATHS.recording, recording);
    const conversation = await waitFor(() => server.app.store.findConversation('sms', CALLER));
    const ticketId = (await server.app.store.getConversation(conversation.id))?.brief?.ticketId;
    expect(ticketId).toMatch(/^T-[2-9A-HJKMNP-Z]{5}$/);
    expect(thanks).toContain(`recorded as ticket ${ticketId!.replace('-', '').split('').join(', ')}`);
    expect((await server.app.store.getConversation(conversation.id))?.mode).toBe('queued');
    expect((await server.app.store.getTicket(ticketId!))?.customerId).toBe(CALLER);
    const sms = await waitFor(() => fake.sentTo(CALLER).find((m) => m.body.includes(ticketId!)));
    expect(sms.body).toContain('alerting our support team');

    // Twilio retries the callback: still one ticket, one voicemail line.
    await post(VOICE_PATHS.recording, recording);
    await postSigned(server.url, VOICE_PATHS.transcription, {
      ...recording,
      TranscriptionStatus: 'completed',
      TranscriptionText: 'Hi this is Sam from Acme, all our calls to Spain fail with 503.',
    });
    const messages = await waitFor(async () => {
      const all = await server.app.store.getMessages(conversation.id);
      return all.some((m) => m.text.startsWith('Transcription')) ? all : undefined;
    });
    const customer = messages.filter((m) => m.author === 'customer').map((m) => m.text);
    expect(customer).toEqual([
      expect.stringMatching(/^Voicemail, 23 s \(recording RE0123456789abcdef0123456789abcdef\)\./),
      'Transcription of the voicemail: "Hi this is Sam from Acme, all our calls to Spain fail with 503."',
    ]);
    expect(await server.app.store.listTickets({ customerId: CALLER })).toHaveLength(1);

    // The next day the caller rings in hours: the engineer's whisper names the open ticket.
    now = NOON + 24 * 3600 * 1000;
    const through = await post(VOICE_PATHS.incoming, call());
    expect(through).toContain(`${VOICE_PATHS.whisper}?reason=hours&amp;ticket=${ticketId}`);
    const whisper = await post(`${VOICE_PATHS.whisper}?reason=hours&ticket=${ticketId}`, call());
    expect(whisper).toContain(
      `The caller has open ticket ${ticketId!.replace('-', '').split('').join(', ')}.`,
    );
  });
});
