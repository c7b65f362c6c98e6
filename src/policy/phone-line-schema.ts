import { z } from 'zod';

/** A placeholder a spoken text may hold, filled in when the text is said. */
export type SpokenPlaceholder = 'hours' | 'key' | 'ticket';

/**
 * A text the phone line says, which may use only the placeholders named: a typo such as
 * `{hour}` stops startup with the field named instead of being read out to a caller.
 */
function spoken(allowed: readonly SpokenPlaceholder[], fallback: string) {
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
    })
    .default(fallback);
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
  })
  .default({});

/**
 * The phone line as the policy describes it: who answers, how long it rings, the key that pages
 * the on-call engineer out of hours, whether answered calls are recorded, and every spoken text.
 */
export const phoneLineSchema = z
  .object({
    /** The number calls are put through to, E.164 (VOICE_ON_CALL_NUMBER overrides it). */
    onCallNumber: z
      .string()
      .regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number such as +14155550100')
      .optional(),
    /** How long the on-call number rings before the caller is offered a voicemail. */
    dialTimeoutSeconds: z.number().int().min(5).max(120).default(25),
    /** The key that pages the on-call engineer out of hours. */
    pageKey: z
      .string()
      .regex(/^[0-9*#]$/, 'must be one key: 0-9, * or #')
      .default('1'),
    /** Whether answered calls are recorded (both sides); the recording reaches the caller's conversation. */
    recordCalls: z.boolean().default(false),
    texts: spokenTexts,
  })
  .default({});

/** The phone line's settings from the policy. */
export type PhoneLinePolicy = z.infer<typeof phoneLineSchema>;
/** The phone line's spoken texts. */
export type SpokenTexts = PhoneLinePolicy['texts'];

/** A spoken text with its placeholders filled in (validation made sure only known ones are used). */
export function fillSpoken(text: string, values: Partial<Record<SpokenPlaceholder, string>>): string {
  return text.replace(/\{(hours|key|ticket)\}/g, (whole, name: SpokenPlaceholder) => values[name] ?? whole);
}
