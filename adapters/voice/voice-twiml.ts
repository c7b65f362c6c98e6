import twilio from 'twilio';

/** The webhook paths of the phone line, under one prefix. */
export const VOICE_PATHS = {
  incoming: '/webhooks/twilio/voice',
  menu: '/webhooks/twilio/voice/menu',
  afterDial: '/webhooks/twilio/voice/after-dial',
  whisper: '/webhooks/twilio/voice/whisper',
  recording: '/webhooks/twilio/voice/recording',
  transcription: '/webhooks/twilio/voice/transcription',
} as const;

/** What the TwiML builders need to know. */
export interface VoiceScript {
  /** PUBLIC_URL: Twilio follows absolute URLs, and signs exactly those. */
  base: string;
  onCallNumber: string;
  /** "09:00-23:00 UTC", from the policy's phone hours. */
  phoneHours: string;
  recordingMaxSeconds: number;
}

/** A phone number read out digit by digit ("+1 4 1 5 …"), as a person would say it. */
export function spokenNumber(number: string): string {
  return number.replace(/\D/g, '').split('').join(' ');
}

/** A ticket id read out letter by letter ("T, 7, K, …"). */
export function spokenTicket(ticketId: string): string {
  return ticketId.replace('-', '').split('').join(', ');
}

/** Within phone hours: connect the caller to the on-call number, with a whisper naming their ticket. */
export function connectCall(
  script: VoiceScript,
  ticketId: string | undefined,
  reason: 'hours' | 'critical',
): string {
  const response = new twilio.twiml.VoiceResponse();
  response.say(
    reason === 'critical'
      ? 'Connecting you to the on-call engineer now.'
      : 'Thank you for calling support. Connecting you to an engineer.',
  );
  const dial = response.dial({ timeout: 25, action: `${script.base}${VOICE_PATHS.afterDial}` });
  const whisper = new URL(`${script.base}${VOICE_PATHS.whisper}`);
  whisper.searchParams.set('reason', reason);
  if (ticketId) whisper.searchParams.set('ticket', ticketId);
  dial.number({ url: whisper.toString() }, script.onCallNumber);
  return response.toString();
}

/** Outside phone hours: the hours, a key for critical platform problems, else a voicemail. */
export function outOfHours(script: VoiceScript): string {
  const response = new twilio.twiml.VoiceResponse();
  const gather = response.gather({ numDigits: 1, timeout: 6, action: `${script.base}${VOICE_PATHS.menu}` });
  gather.say(
    `Thank you for calling support. Our phone line is open ${script.phoneHours}, and it is closed now. ` +
      'If this is a critical platform problem, such as calls failing for all your customers, press 1 to page the on-call engineer. ' +
      'To leave a message, press 2, or stay on the line.',
  );
  response.redirect(`${script.base}${VOICE_PATHS.menu}`);
  return response.toString();
}

/** Record a voicemail, transcribed by Twilio. */
export function voicemail(script: VoiceScript): string {
  const response = new twilio.twiml.VoiceResponse();
  response.say(
    'Please leave your name, your company and a short description of the problem after the tone. ' +
      'We will reply by text message within our support hours.',
  );
  response.record({
    maxLength: script.recordingMaxSeconds,
    playBeep: true,
    action: `${script.base}${VOICE_PATHS.recording}`,
    transcribe: true,
    transcribeCallback: `${script.base}${VOICE_PATHS.transcription}`,
  });
  response.say('We did not hear a message. Goodbye.');
  return response.toString();
}

/** After the voicemail is stored: the ticket id read out, then goodbye. */
export function voicemailTaken(ticketId: string | undefined): string {
  const response = new twilio.twiml.VoiceResponse();
  response.say(
    ticketId
      ? `Thank you, your message is recorded as ticket ${spokenTicket(ticketId)}. Goodbye.`
      : 'Thank you, your message is recorded. Goodbye.',
  );
  response.hangup();
  return response.toString();
}

/** What the engineer hears before the caller is put through. */
export function whisper(reason: string | undefined, ticketId: string | undefined): string {
  const response = new twilio.twiml.VoiceResponse();
  const why =
    reason === 'critical' ? 'Out of hours call about a critical platform problem.' : 'Support call.';
  response.say(ticketId ? `${why} The caller has open ticket ${spokenTicket(ticketId)}.` : why);
  return response.toString();
}

/** Ends the call politely. */
export function goodbye(): string {
  const response = new twilio.twiml.VoiceResponse();
  response.hangup();
  return response.toString();
}
