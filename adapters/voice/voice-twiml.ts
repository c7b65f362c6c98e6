import twilio from 'twilio';
import type VoiceResponse from 'twilio/lib/twiml/VoiceResponse';
import { englishName, type Language } from '../../src/i18n/languages';
import { fillSpoken, type PhoneSpeech, type SpokenTexts } from '../../src/policy/phone-line-schema';

/** The webhook paths of the phone line, under one prefix. */
export const VOICE_PATHS = {
  incoming: '/webhooks/twilio/voice',
  language: '/webhooks/twilio/voice/language',
  menu: '/webhooks/twilio/voice/menu',
  afterDial: '/webhooks/twilio/voice/after-dial',
  whisper: '/webhooks/twilio/voice/whisper',
  recording: '/webhooks/twilio/voice/recording',
  transcription: '/webhooks/twilio/voice/transcription',
  recordingStatus: '/webhooks/twilio/voice/recording-status',
} as const;

/** How the line speaks one language: the policy's texts in it, the hours as it says them, its voice. */
export interface SpokenLanguage {
  texts: SpokenTexts;
  /** "09:00-23:00 UTC", from the policy's phone hours, day names in this language. */
  phoneHours: string;
  speech: PhoneSpeech;
}

/** What the TwiML builders need to know: the deployment's address and the policy's phone line. */
export interface VoiceScript {
  /** PUBLIC_URL: Twilio follows absolute URLs, and signs exactly those. */
  base: string;
  onCallNumber: string;
  recordingMaxSeconds: number;
  dialTimeoutSeconds: number;
  pageKey: string;
  recordCalls: boolean;
  /** Every language the line speaks. */
  languages: Record<Language, SpokenLanguage>;
  /** The key that switches a call to each language; empty when there is no language menu. */
  languageMenu: Partial<Record<Language, string>>;
}

/** A phone number read out digit by digit ("+1 4 1 5 …"), as a person would say it. */
export function spokenNumber(number: string): string {
  return number.replace(/\D/g, '').split('').join(' ');
}

/** A ticket id read out letter by letter ("T, 7, K, …"). */
export function spokenTicket(ticketId: string): string {
  return ticketId.replace('-', '').split('').join(', ');
}

/**
 * An absolute URL under PUBLIC_URL (relative when it is not set) with query parameters. The
 * call's language rides in the query (`lang`, left out for English) like the caller's number:
 * TwiML is stateless, and Twilio signs the query with the rest of the URL.
 */
function urlOf(
  script: VoiceScript,
  path: string,
  language: Language,
  query: Record<string, string | undefined> = {},
): string {
  const all: Record<string, string | undefined> = {
    ...query,
    lang: language === 'en' ? undefined : language,
  };
  const defined = Object.entries(all).filter((entry): entry is [string, string] => entry[1] !== undefined);
  const search = new URLSearchParams(defined).toString();
  return `${script.base}${path}${search ? `?${search}` : ''}`;
}

/** `<Say>` in the language's tag and voice (the policy checked the tag's form; Twilio knows the rest). */
function sayIn(speech: PhoneSpeech): VoiceResponse.SayAttributes {
  return {
    language: speech.language as NonNullable<VoiceResponse.SayAttributes['language']>,
    ...(speech.voice && { voice: speech.voice as NonNullable<VoiceResponse.SayAttributes['voice']> }),
  };
}

/** Says `text` in the call's language. */
function say(node: Pick<VoiceResponse, 'say'>, line: SpokenLanguage, text: string): void {
  node.say(sayIn(line.speech), text);
}

/**
 * A one-key menu that speaks `line`'s language: keys, and the recogniser's language set too so
 * that speech input, if ever allowed, is heard in the language the caller is spoken to in.
 */
function gatherIn(
  response: VoiceResponse,
  line: SpokenLanguage,
  action: string,
  timeout: number,
): VoiceResponse.Gather {
  return response.gather({
    numDigits: 1,
    timeout,
    action,
    language: line.speech.language as NonNullable<VoiceResponse.GatherAttributes['language']>,
  });
}

/**
 * Where Twilio reports a finished recording. The caller's number rides in the query: Twilio's
 * recording callback does not post `From`, and the query is covered by Twilio's signature.
 */
function recordingStatusUrl(script: VoiceScript, caller: string, kind: 'voicemail' | 'call'): string {
  return urlOf(script, VOICE_PATHS.recordingStatus, 'en', { caller, kind });
}

/**
 * The language menu, before anything else: every other language the menu has a key for is
 * offered in its own words and voice ("Para español, pulse 2"). Undefined when there is nothing
 * to offer. No key, or another key, keeps the language the call started in.
 */
export function languageMenu(script: VoiceScript, language: Language): string | undefined {
  const offers = Object.entries(script.languageMenu).filter(
    (entry): entry is [Language, string] => entry[0] !== language && entry[1] !== undefined,
  );
  if (offers.length === 0) return undefined;
  const response = new twilio.twiml.VoiceResponse();
  const next = urlOf(script, VOICE_PATHS.language, language);
  const gather = gatherIn(response, script.languages[language], next, 4);
  for (const [offered, key] of offers) {
    const line = script.languages[offered];
    say(gather, line, fillSpoken(line.texts.languageOffer, { key }));
  }
  response.redirect(next);
  return response.toString();
}

/** Within phone hours: connect the caller to the on-call number, with a whisper naming their ticket. */
export function connectCall(
  script: VoiceScript,
  language: Language,
  call: { caller: string | undefined; ticketId: string | undefined },
  reason: 'hours' | 'critical',
): string {
  const line = script.languages[language];
  const response = new twilio.twiml.VoiceResponse();
  say(response, line, reason === 'critical' ? line.texts.paging : line.texts.welcome);
  const dial = response.dial({
    timeout: script.dialTimeoutSeconds,
    action: urlOf(script, VOICE_PATHS.afterDial, language),
    ...(script.recordCalls &&
      call.caller && {
        record: 'record-from-answer-dual' as const,
        recordingStatusCallback: recordingStatusUrl(script, call.caller, 'call'),
        recordingStatusCallbackEvent: ['completed' as const, 'absent' as const],
      }),
  });
  const whisperUrl = urlOf(script, VOICE_PATHS.whisper, language, { reason, ticket: call.ticketId });
  dial.number({ url: whisperUrl }, script.onCallNumber);
  return response.toString();
}

/** Outside phone hours: the hours, a key for critical platform problems, else a voicemail. */
export function outOfHours(script: VoiceScript, language: Language): string {
  const line = script.languages[language];
  const response = new twilio.twiml.VoiceResponse();
  const menu = urlOf(script, VOICE_PATHS.menu, language);
  const gather = gatherIn(response, line, menu, 6);
  say(gather, line, fillSpoken(line.texts.closed, { hours: line.phoneHours, key: script.pageKey }));
  response.redirect(menu);
  return response.toString();
}

/** Record a voicemail, transcribed by Twilio; the recording file is reported when it is ready. */
export function voicemail(script: VoiceScript, language: Language, caller: string | undefined): string {
  const line = script.languages[language];
  const response = new twilio.twiml.VoiceResponse();
  say(response, line, line.texts.voicemailPrompt);
  response.record({
    maxLength: script.recordingMaxSeconds,
    playBeep: true,
    action: urlOf(script, VOICE_PATHS.recording, language),
    transcribe: true,
    transcribeCallback: `${script.base}${VOICE_PATHS.transcription}`,
    ...(caller && {
      recordingStatusCallback: recordingStatusUrl(script, caller, 'voicemail'),
      recordingStatusCallbackEvent: ['completed' as const, 'absent' as const],
    }),
  });
  say(response, line, line.texts.noMessage);
  return response.toString();
}

/** After the voicemail is stored: the ticket id read out, then goodbye. */
export function voicemailTaken(
  script: VoiceScript,
  language: Language,
  ticketId: string | undefined,
): string {
  const line = script.languages[language];
  const response = new twilio.twiml.VoiceResponse();
  say(
    response,
    line,
    ticketId
      ? fillSpoken(line.texts.voicemailTaken, { ticket: spokenTicket(ticketId) })
      : line.texts.voicemailTakenNoTicket,
  );
  response.hangup();
  return response.toString();
}

/**
 * What the engineer hears before the caller is put through: in the policy's own words (the
 * team's language, English by default), with the caller's language named when it is another.
 */
export function whisper(
  script: VoiceScript,
  reason: string | undefined,
  ticketId: string | undefined,
  callerLanguage: Language,
): string {
  const line = script.languages.en;
  const response = new twilio.twiml.VoiceResponse();
  const why = reason === 'critical' ? line.texts.whisperCritical : line.texts.whisperHours;
  const ticket = ticketId ? fillSpoken(line.texts.whisperTicket, { ticket: spokenTicket(ticketId) }) : '';
  const spoken =
    callerLanguage === 'en'
      ? ''
      : fillSpoken(line.texts.whisperLanguage, { language: englishName(callerLanguage) });
  say(response, line, [why, spoken, ticket].filter(Boolean).join(' '));
  return response.toString();
}

/** Said when something failed on our side, then the call ends. */
export function apology(script: VoiceScript, language: Language): string {
  const line = script.languages[language];
  const response = new twilio.twiml.VoiceResponse();
  say(response, line, line.texts.apology);
  response.hangup();
  return response.toString();
}

/** Ends the call politely. */
export function goodbye(): string {
  const response = new twilio.twiml.VoiceResponse();
  response.hangup();
  return response.toString();
}
