import { z } from 'zod';
import { LANGUAGES } from '../i18n/languages';

/** A placeholder a spoken text may hold, filled in when the text is said. */
export type SpokenPlaceholder = 'hours' | 'key' | 'ticket' | 'language';

/**
 * A text the phone line says, which may use only the placeholders named: a typo such as
 * `{hour}` stops startup with the field named instead of being read out to a caller.
 */
function spokenText(allowed: readonly SpokenPlaceholder[]) {
  return z
    .string()
    .min(1)
    .superRefine((text, context) => {
      for (const [, name] of text.matchAll(/\{(\w*)\}/g)) {
        if (!allowed.includes(name as SpokenPlaceholder)) {
          context.addIssue({
            code: z.ZodIssueCode.custom,
            message: `unknown placeholder {${name}}; this text may use ${allowed.map((p) => `{${p}}`).join(', ') || 'none'}`,
          });
        }
      }
    });
}

/** A spoken text with the published default the policy file may leave out. */
function spoken(allowed: readonly SpokenPlaceholder[], fallback: string) {
  return spokenText(allowed).default(fallback);
}

/** What the phone line says, to the caller and (the whispers) to the engineer who answers. */
const spokenTexts = z
  .object({
    /** Within phone hours, before the call is put through. */
    welcome: spoken([], 'Thank you for calling support. Connecting you to an engineer.'),
    /** Out of hours, after the caller pressed the paging key. */
    paging: spoken([], 'Connecting you to the on-call engineer now.'),
    /** Out of hours: the hours and the key that pages the on-call engineer. */
    closed: spoken(
      ['hours', 'key'],
      'Thank you for calling support. Our phone line is open {hours}, and it is closed now. ' +
        'If this is a critical platform problem, such as calls failing for all your customers, press {key} to page the on-call engineer. ' +
        'To leave a message, press any other key, or stay on the line.',
    ),
    /** Before the voicemail tone. */
    voicemailPrompt: spoken(
      [],
      'Please leave your name, your company and a short description of the problem after the tone. ' +
        'We will reply by text message within our support hours.',
    ),
    /** The caller said nothing after the tone. */
    noMessage: spoken([], 'We did not hear a message. Goodbye.'),
    /** The voicemail is stored; `{ticket}` is read out character by character. */
    voicemailTaken: spoken(['ticket'], 'Thank you, your message is recorded as ticket {ticket}. Goodbye.'),
    /** The voicemail is stored but joined a conversation an agent already has (no new ticket). */
    voicemailTakenNoTicket: spoken([], 'Thank you, your message is recorded. Goodbye.'),
    /** Whisper to the engineer for a call within phone hours. */
    whisperHours: spoken([], 'Support call.'),
    /** Whisper to the engineer for an out-of-hours page. */
    whisperCritical: spoken([], 'Out of hours call about a critical platform problem.'),
    /** Added to the whisper when the caller has an open ticket. */
    whisperTicket: spoken(['ticket'], 'The caller has open ticket {ticket}.'),
    /** Something failed on our side: the caller is never left with silence. */
    apology: spoken(
      [],
      'Sorry, something went wrong on our side. Please call again, or write to us by e-mail.',
    ),
    /** The language menu's offer of this language, said in it (see `languageMenu`). */
    languageOffer: spoken(['key'], 'For English, press {key}.'),
    /** Added to the whisper when the call is not in English, so the engineer is not caught out. */
    whisperLanguage: spoken(['language'], 'The caller was greeted in {language}.'),
  })
  .default({});

/**
 * What the caller hears, in another language (`texts.es.phoneLine.texts`), each text optional.
 * The whispers are not here: the engineer who answers hears them in the policy's own words.
 */
export const spokenTextsTranslation = z
  .object({
    welcome: spokenText([]),
    paging: spokenText([]),
    closed: spokenText(['hours', 'key']),
    voicemailPrompt: spokenText([]),
    noMessage: spokenText([]),
    voicemailTaken: spokenText(['ticket']),
    voicemailTakenNoTicket: spokenText([]),
    apology: spokenText([]),
    languageOffer: spokenText(['key']),
  })
  .partial()
  .strict();

const phoneKey = z.string().regex(/^[0-9*#]$/, 'must be one key: 0-9, * or #');
const e164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number such as +14155550100');

/**
 * How Twilio speaks one language: `language` goes on every `<Say>` and `<Gather>` (a BCP 47 tag
 * Twilio knows, such as `es-MX`), `voice` picks one of Twilio's voices for it (`Polly.Lucia`);
 * without one Twilio's default voice reads the text in that language.
 */
const speech = (language: string) =>
  z
    .object({
      language: z
        .string()
        .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en-GB or es-MX')
        .default(language),
      voice: z.string().min(1).optional(),
    })
    .default({});

/**
 * The phone line as the policy describes it: who answers, how long it rings, the key that pages
 * the on-call engineer out of hours, whether answered calls are recorded, and every spoken text.
 */
export const phoneLineSchema = z
  .object({
    /** The number calls are put through to, E.164 (VOICE_ON_CALL_NUMBER overrides it). */
    onCallNumber: e164.optional(),
    /** How long the on-call number rings before the caller is offered a voicemail. */
    dialTimeoutSeconds: z.number().int().min(5).max(120).default(25),
    /** The key that pages the on-call engineer out of hours. */
    pageKey: phoneKey.default('1'),
    /** Whether answered calls are recorded (both sides); the recording reaches the caller's conversation. */
    recordCalls: z.boolean().default(false),
    /**
     * The language a call to one of our numbers (Twilio's `To`) starts in, e.g. a Madrid number
     * answered in Spanish. A call to another number starts in the language of the caller's
     * country, as SMS does, else in English.
     */
    numberLanguages: z.record(e164, z.enum(LANGUAGES)).default({}),
    /**
     * A language menu before anything else: the key that switches the call to each language,
     * e.g. `{ "en": "1", "es": "2" }`. The caller hears the offer of every language but the one
     * the call started in ("Para español, pulse 2"), each in its own voice. Left out: no menu.
     */
    languageMenu: z
      .object({ en: phoneKey, es: phoneKey })
      .partial()
      .strict()
      .refine((menu) => new Set(Object.values(menu)).size === Object.values(menu).length, {
        message: 'each language needs its own key',
      })
      .optional(),
    /** The voice of each language (language tag, Twilio voice). */
    voices: z.object({ en: speech('en-GB'), es: speech('es-ES') }).default({}),
    texts: spokenTexts,
  })
  .default({});

/** The phone line's settings from the policy. */
export type PhoneLinePolicy = z.infer<typeof phoneLineSchema>;
/** The phone line's spoken texts. */
export type SpokenTexts = PhoneLinePolicy['texts'];
/** How Twilio speaks one language. */
export type PhoneSpeech = PhoneLinePolicy['voices']['en'];

/** A spoken text with its placeholders filled in (validation made sure only known ones are used). */
export function fillSpoken(text: string, values: Partial<Record<SpokenPlaceholder, string>>): string {
  return text.replace(
    /\{(hours|key|ticket|language)\}/g,
    (whole, name: SpokenPlaceholder) => values[name] ?? whole,
  );
}
