import twilio from 'twilio';
import { fillSpoken, type SpokenTexts } from '../../src/policy/phone-line-schema';

/** The webhook paths of the phone line, under one prefix. */
export const VOICE_PATHS = {
  incoming: '/webhooks/twilio/voice',
  menu: '/webhooks/twilio/voice/menu',
  afterDial: '/webhooks/twilio/voice/after-dial',
  whisper: '/webhooks/twilio/voice/whisper',
  recording: '/webhooks/twilio/voice/recording',
  transcription: '/webhooks/twilio/voice/transcription',
  recordingStatus: '/webhooks/twilio/voice/recording-status',
} as const;

/** What the TwiML builders need to know: the deployment's address and the policy's phone line. */
export interface VoiceScript {
  /** PUBLIC_URL: Twilio follows absolute URLs, and signs exactly those. */
  base: string;
  onCallNumber: string;
  /** "09:00-23:00 UTC", from the policy's phone hours. */
  phoneHours: string;
  recordingMaxSeconds: number;
  dialTimeoutSeconds: number;
  pageKey: string;
  recordCalls: boolean;
  texts: SpokenTexts;
}

/** A phone number read out digit by digit ("+1 4 1 5 …"), as a person would say it. */
export function spokenNumber(number: string): string {
  return number.replace(/\D/g, '').split('').join(' ');
}

/** A ticket id read out letter by letter ("T, 7, K, …"). */
export function spokenTicket(ticketId: string): string {
  return ticketId.replace('-', '').split('').join(', ');
}

/** An absolute URL under PUBLIC_URL (relative when it is not set) with query parameters. */
function urlOf(script: VoiceScript, path: string, query: Record<string, string | undefined>): string {
  const defined = Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined);
  const search = new URLSearchParams(defined).toString();
  return `${script.base}${path}${search ? `?${search}` : ''}`;
}

/**
 * Where Twilio reports a finished recording. The caller's number rides in the query: Twilio's
 * recording callback does not post `From`, and the query is covered by Twilio's signature.
 */
function recordingStatusUrl(script: VoiceScript, caller: string, kind: 'voicemail' | 'call'): string {
  return urlOf(script, VOICE_PATHS.recordingStatus, { caller, kind });
}

/** Within phone hours: connect the caller to the on-call number, with a whisper naming their ticket. */
export function connectCall(
  script: VoiceScript,
  call: { caller: string | undefined; ticketId: string | undefined },
  reason: 'hours' | 'critical',
): string {
  const response = new twilio.twiml.VoiceResponse();
  response.say(reason === 'critical' ? script.texts.paging : script.texts.welcome);
  const dial = response.dial({
    timeout: script.dialTimeoutSeconds,
    action: `${script.base}${VOICE_PATHS.afterDial}`,
    ...(script.recordCalls &&
      call.caller && {
        record: 'record-from-answer-dual' as const,
        recordingStatusCallback: recordingStatusUrl(script, call.caller, 'call'),
        recordingStatusCallbackEvent: ['completed' as const, 'absent' as const],
      }),
  });
  const whisperUrl = urlOf(script, VOICE_PATHS.whisper, { reason, ticket: call.ticketId });
  dial.number({ url: whisperUrl }, script.onCallNumber);
  return response.toString();
}

/** Outside phone hours: the hours, a key for critical platform problems, else a voicemail. */
export function outOfHours(script: VoiceScript): string {
  const response = new twilio.twiml.VoiceResponse();
  const gather = response.gather({ numDigits: 1, timeout: 6, action: `${script.base}${VOICE_PATHS.menu}` });
  gather.say(fillSpoken(script.texts.closed, { hours: script.phoneHours, key: script.pageKey }));
  response.redirect(`${script.base}${VOICE_PATHS.menu}`);
  return response.toString();
}

/** Record a voicemail, transcribed by Twilio; the recording file is reported when it is ready. */
export function voicemail(script: VoiceScript, caller: string | undefined): string {
  const response = new twilio.twiml.VoiceResponse();
  response.say(script.texts.voicemailPrompt);
  response.record({
    maxLength: script.recordingMaxSeconds,
    playBeep: true,
    action: `${script.base}${VOICE_PATHS.recording}`,
    transcribe: true,
    transcribeCallback: `${script.base}${VOICE_PATHS.transcription}`,
    ...(caller && {
      recordingStatusCallback: recordingStatusUrl(script, caller, 'voicemail'),
      recordingStatusCallbackEvent: ['completed' as const, 'absent' as const],
    }),
  });
  response.say(script.texts.noMessage);
  return response.toString();
}

/** After the voicemail is stored: the ticket id read out, then goodbye. */
export function voicemailTaken(script: VoiceScript, ticketId: string | undefined): string {
  const response = new twilio.twiml.VoiceResponse();
  response.say(
    ticketId
      ? fillSpoken(script.texts.voicemailTaken, { ticket: spokenTicket(ticketId) })
      : script.texts.voicemailTakenNoTicket,
  );
  response.hangup();
  return response.toString();
}

/** What the engineer hears before the caller is put through. */
export function whisper(
  script: VoiceScript,
  reason: string | undefined,
  ticketId: string | undefined,
): string {
  const response = new twilio.twiml.VoiceResponse();
  const why = reason === 'critical' ? script.texts.whisperCritical : script.texts.whisperHours;
  const ticket = ticketId
    ? ` ${fillSpoken(script.texts.whisperTicket, { ticket: spokenTicket(ticketId) })}`
    : '';
  response.say(`${why}${ticket}`);
  return response.toString();
}

/** Said when something failed on our side, then the call ends. */
export function apology(script: VoiceScript): string {
  const response = new twilio.twiml.VoiceResponse();
  response.say(script.texts.apology);
  response.hangup();
  return response.toString();
}

/** Ends the call politely. */
export function goodbye(): string {
  const response = new twilio.twiml.VoiceResponse();
  response.hangup();
  return response.toString();
}
