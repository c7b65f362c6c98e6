import express, { type Express, type RequestHandler } from 'express';
import type { Config } from '../../src/config';
import type { Engine } from '../../src/engine/engine';
import { LANGUAGES, type Language } from '../../src/i18n/languages';
import type { Logger } from '../../src/logger';
import { describeHours } from '../../src/policy/opening-hours';
import { spokenTextsTranslation } from '../../src/policy/phone-line-schema';
import { policyInLanguage } from '../../src/policy/policy-in-language';
import type { SupportPolicy } from '../../src/policy/policy-schema';
import type { TicketService } from '../../src/tickets/ticket-service';
import { verifyTwilioSignature } from '../sms/twilio-signature';
import { VoiceLine, callLanguage, type VoiceLineStore } from './voice-line';
import { apology, VOICE_PATHS, type SpokenLanguage, type VoiceScript } from './voice-twiml';

/** What the phone line is built from. */
export interface AttachVoiceOptions {
  config: Config;
  engine: Engine;
  store: VoiceLineStore;
  app: Express;
  tickets: TicketService;
  policy: SupportPolicy;
  log: Logger;
  clock?: () => number;
}

/**
 * Starts the phone line when the Twilio account and token are set and an on-call number is known
 * (VOICE_ON_CALL_NUMBER, else the policy's `phoneLine.onCallNumber`): mounts the signed voice
 * webhooks (set `PUBLIC_URL/webhooks/twilio/voice` as the number's "A call comes in" webhook).
 * What the line says (in each language), the paging key, the language menu and call recording come
 * from the policy. Returns whether it is on.
 */
export function attachVoice(options: AttachVoiceOptions): boolean {
  const { config, engine, app, log, policy } = options;
  const accountSid = config.TWILIO_ACCOUNT_SID;
  const authToken = config.TWILIO_AUTH_TOKEN;
  const onCallNumber = config.VOICE_ON_CALL_NUMBER ?? policy.phoneLine.onCallNumber;
  if (!accountSid || !authToken || !onCallNumber) return false;
  const publicUrl = config.PUBLIC_URL?.replace(/\/+$/, '');
  if (!publicUrl) log.warn('PUBLIC_URL is not set: the phone line relies on relative TwiML URLs');
  const script: VoiceScript = {
    base: publicUrl ?? '',
    onCallNumber,
    recordingMaxSeconds: config.VOICE_RECORDING_MAX_SECONDS,
    dialTimeoutSeconds: policy.phoneLine.dialTimeoutSeconds,
    pageKey: policy.phoneLine.pageKey,
    recordCalls: policy.phoneLine.recordCalls,
    languages: spokenLanguages(policy),
    languageMenu: policy.phoneLine.languageMenu ?? {},
  };
  const line = new VoiceLine({
    engine,
    store: options.store,
    tickets: options.tickets,
    policy,
    script,
    recordings: {
      accountSid,
      authToken,
      apiOrigin: new URL(config.TWILIO_API_BASE_URL ?? 'https://api.twilio.com').origin,
      dataDir: config.DATA_DIR,
    },
    log,
    ...(options.clock && { now: options.clock }),
  });
  const parse = express.urlencoded({ extended: false, limit: '100kb' });
  const verify = verifyTwilioSignature(authToken, {
    log,
    trustProxy: config.TRUST_PROXY !== false,
    ...(publicUrl && { publicUrl }),
  });
  const twiml =
    (
      answer: (params: Record<string, string>, query: Record<string, string>) => string | Promise<string>,
    ): RequestHandler =>
    async (req, res) => {
      try {
        const body = await answer(
          (req.body ?? {}) as Record<string, string>,
          req.query as Record<string, string>,
        );
        res.type('text/xml').send(body);
      } catch (error) {
        log.error({ err: error, path: req.path }, 'voice webhook failed');
        res.type('text/xml').send(apology(script, callLanguage(req.query as Record<string, string>)));
      }
    };
  app.post(
    VOICE_PATHS.incoming,
    parse,
    verify,
    twiml((p) => line.incoming(p)),
  );
  app.post(
    VOICE_PATHS.language,
    parse,
    verify,
    twiml((p, q) => line.language(p, q)),
  );
  app.post(
    VOICE_PATHS.menu,
    parse,
    verify,
    twiml((p, q) => line.menu(p, q)),
  );
  app.post(
    VOICE_PATHS.afterDial,
    parse,
    verify,
    twiml((p, q) => line.afterDial(p, q)),
  );
  app.post(
    VOICE_PATHS.whisper,
    parse,
    verify,
    twiml((_p, q) => line.whisper(q)),
  );
  app.post(
    VOICE_PATHS.recording,
    parse,
    verify,
    twiml((p, q) => line.recording(p, q)),
  );
  app.post(VOICE_PATHS.transcription, parse, verify, async (req, res) => {
    try {
      await line.transcription((req.body ?? {}) as Record<string, string>);
      res.status(204).end();
    } catch (error) {
      log.error({ err: error }, 'voicemail transcription not stored');
      res.status(500).type('text/plain').send('Not stored; please retry');
    }
  });
  app.post(VOICE_PATHS.recordingStatus, parse, verify, async (req, res) => {
    try {
      await line.recordingStatus(
        (req.body ?? {}) as Record<string, string>,
        req.query as Record<string, string>,
      );
      res.status(204).end();
    } catch (error) {
      log.error({ err: error }, 'call recording not stored');
      res.status(500).type('text/plain').send('Not stored; please retry');
    }
  });
  for (const language of LANGUAGES.filter((l) => l !== 'en')) {
    const untranslated = untranslatedTexts(policy, script.languages[language].texts);
    if (untranslated.length > 0) {
      // A rewritten English text has no built-in translation: a Spanish voice would read English.
      log.warn(
        { language, texts: untranslated.map((key) => `texts.${language}.phoneLine.texts.${key}`) },
        'phone line texts without a translation are said in English',
      );
    }
  }
  log.info(
    { phoneHours: script.languages.en.phoneHours, recordCalls: script.recordCalls },
    'phone line ready',
  );
  return true;
}

/** The line in every language: the policy's texts in it (`texts.es`, else built in), hours, voice. */
function spokenLanguages(policy: SupportPolicy): Record<Language, SpokenLanguage> {
  const entries = LANGUAGES.map((language): [Language, SpokenLanguage] => [
    language,
    {
      texts: policyInLanguage(policy, language).phoneLine.texts,
      phoneHours: describeHours(policy.phoneHours, language),
      speech: policy.phoneLine.voices[language],
    },
  ]);
  return Object.fromEntries(entries) as Record<Language, SpokenLanguage>;
}

/** The caller's texts that are the same as the English ones (the file rewrote them, no translation). */
function untranslatedTexts(policy: SupportPolicy, texts: SpokenLanguage['texts']): string[] {
  const english = policy.phoneLine.texts;
  return Object.keys(spokenTextsTranslation.shape).filter(
    (key) => texts[key as keyof typeof texts] === english[key as keyof typeof english],
  );
}
