import { VOICE_PATHS } from '../../adapters/voice/voice-twiml';
import type { TranscriptMessage } from '../../src/model/message';
import { FakeTwilio } from '../support/fake-twilio';
import { signIn, startTestApp, type TestApp } from '../support/start-app';
import { postSigned, PUBLIC_URL, TWILIO_SID, TWILIO_TOKEN, twilioEnv } from '../support/twilio-webhooks';
import { waitFor } from '../support/wait-for';

const CALLER = '+14155550142';
/** Monday 30 November 2026, 02:00 UTC: the phone line is closed, so callers leave voicemails. */
const NIGHT = Date.UTC(2026, 10, 30, 2, 0);
/** An MP3 as Twilio serves it: an ID3 tag, then audio frames (their content does not matter here). */
const MP3 = Buffer.concat([
  Buffer.from('ID3\u0004\u0000\u0000\u0000\u0000\u0000\u0000', 'latin1'),
  Buffer.alloc(2048, 0x55),
]);

describe('voicemail recordings reach the conversation and the ticket (signed status callback, fake Twilio)', () => {
  let fake: FakeTwilio;
  let server: TestApp;
  let counter = 0;

  beforeEach(async () => {
    fake = await FakeTwilio.start(TWILIO_SID, TWILIO_TOKEN);
    server = await startTestApp({
      env: { ...twilioEnv(fake.url), PUBLIC_URL, VOICE_ON_CALL_NUMBER: '+442071838750' },
      overrides: { clock: () => NIGHT },
    });
  });
  afterEach(async () => {
    await server.cleanup();
    await fake.stop();
  });

  const store = () => server.app.store;
  const recordingSid = () => {
    counter += 1;
    return `RE${String(counter).padStart(32, 'a')}`;
  };
  /** What Twilio posts to the Record verb's action when the caller hangs up. */
  const recorded = (sid: string) => ({
    CallSid: `CA${sid.slice(2)}`,
    AccountSid: TWILIO_SID,
    From: CALLER,
    To: '+15005550006',
    RecordingSid: sid,
    RecordingUrl: `${fake.url}/2010-04-01/Accounts/${TWILIO_SID}/Recordings/${sid}`,
    RecordingDuration: '31',
  });
  /** What Twilio posts to recordingStatusCallback once the file is ready (no `From`). */
  const statusOf = (sid: string, url: string) => ({
    AccountSid: TWILIO_SID,
    CallSid: `CA${sid.slice(2)}`,
    RecordingSid: sid,
    RecordingUrl: url,
    RecordingStatus: 'completed',
    RecordingDuration: '31',
    RecordingChannels: '1',
    RecordingSource: 'RecordVerb',
    RecordingStartTime: new Date(NIGHT).toUTCString(),
  });
  const statusPath = (caller = CALLER) =>
    `${VOICE_PATHS.recordingStatus}?${new URLSearchParams({ caller, kind: 'voicemail' }).toString()}`;
  const fileMessage = async (sid: string): Promise<TranscriptMessage> => {
    const conversation = await waitFor(() => store().findConversation('sms', CALLER));
    return waitFor(() => store().findMessageByExternalId(conversation.id, `recording-file:${sid}`));
  };

  it('the voicemail TwiML asks Twilio to report the recording, naming the caller in a signed URL', async () => {
    const twiml = await (
      await postSigned(server.url, VOICE_PATHS.menu, { ...recorded('RE0'), Digits: '2' })
    ).text();
    const query = new URLSearchParams({ caller: CALLER, kind: 'voicemail' }).toString().replace('&', '&amp;');
    expect(twiml).toContain(`recordingStatusCallback="${PUBLIC_URL}${VOICE_PATHS.recordingStatus}?${query}"`);
    expect(twiml).toContain('recordingStatusCallbackEvent="completed absent"');
  });

  it('keeps the recording as an audio file in the conversation and on the ticket, for signed-in agents only', async () => {
    const sid = recordingSid();
    await postSigned(server.url, VOICE_PATHS.recording, recorded(sid));
    const conversation = await waitFor(() => store().findConversation('sms', CALLER));
    const ticketId = await waitFor(
      async () => (await store().getConversation(conversation.id))?.brief?.ticketId,
    );
    const url = fake.addRecording(sid, MP3);

    // Forged, or the signed URL's caller changed: refused, nothing fetched.
    const forged = await postSigned(server.url, statusPath(), statusOf(sid, url), { signature: 'AAAA' });
    expect(forged.status).toBe(403);
    const tampered = await postSigned(server.url, statusPath('+14155550000'), statusOf(sid, url), {
      signedUrl: `${PUBLIC_URL}${statusPath()}`,
    });
    expect(tampered.status).toBe(403);
    expect(fake.recordingDownloads).toEqual([]);

    const accepted = await postSigned(server.url, statusPath(), statusOf(sid, url));
    expect(accepted.status).toBe(204);
    const message = await fileMessage(sid);
    expect(message.text).toBe(`Voicemail recording, 31 s (${sid}): the audio file is attached.`);
    const [file] = message.attachments ?? [];
    expect(file).toMatchObject({
      kind: 'file',
      mimeType: 'audio/mpeg',
      name: `${sid}.mp3`,
      size: MP3.length,
    });
    expect((await store().getTicket(ticketId))?.brief.attachments).toContain(file!.url);

    const anonymous = await fetch(`${server.url}${file!.url}`);
    expect(anonymous.status).toBe(401);
    const cookie = await signIn(server.url);
    const download = await fetch(`${server.url}${file!.url}`, { headers: { cookie } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('audio/mpeg');
    expect(Buffer.from(await download.arrayBuffer()).equals(MP3)).toBe(true);

    // Twilio retries the callback: still one file line.
    expect((await postSigned(server.url, statusPath(), statusOf(sid, url))).status).toBe(204);
    const lines = (await store().getMessages(conversation.id)).filter((m) =>
      m.externalId?.startsWith('recording-file:'),
    );
    expect(lines).toHaveLength(1);
  });

  it('a recording reported before the voicemail is stored still lands on the new ticket', async () => {
    const sid = recordingSid();
    const url = fake.addRecording(sid, MP3);
    expect((await postSigned(server.url, statusPath(), statusOf(sid, url))).status).toBe(204);
    const file = (await fileMessage(sid)).attachments?.[0];
    expect(file?.mimeType).toBe('audio/mpeg');
    await postSigned(server.url, VOICE_PATHS.recording, recorded(sid));
    const conversation = await waitFor(() => store().findConversation('sms', CALLER));
    const ticketId = await waitFor(
      async () => (await store().getConversation(conversation.id))?.brief?.ticketId,
    );
    expect((await store().getTicket(ticketId))?.brief.attachments).toEqual([file!.url]);
  });

  it('a recording that cannot be fetched is named in the conversation, and credentials never leave for another host', async () => {
    const sid = recordingSid();
    const elsewhere = `https://recordings.example.net/2010-04-01/Accounts/${TWILIO_SID}/Recordings/${sid}`;
    expect((await postSigned(server.url, statusPath(), statusOf(sid, elsewhere))).status).toBe(204);
    expect((await fileMessage(sid)).text).toBe(
      `Voicemail recording, 31 s (${sid}) could not be kept here (the recording is not on the Twilio API of this account); play it in the Twilio console under Monitor, Call logs.`,
    );
    const missing = recordingSid();
    const unknown = `${fake.url}/2010-04-01/Accounts/${TWILIO_SID}/Recordings/${missing}`;
    expect((await postSigned(server.url, statusPath(), statusOf(missing, unknown))).status).toBe(204);
    expect((await fileMessage(missing)).text).toContain('could not be kept here (Twilio answered 404)');
    expect(fake.unauthorized).toEqual([]);
  });
});
