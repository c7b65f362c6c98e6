import { VOICE_PATHS } from '../../adapters/voice/voice-twiml';
import { parsePolicy, PolicyError } from '../../src/policy/load-policy';
import { phoneLineUnderTest } from '../support/phone-line-harness';
import type { TestApp } from '../support/start-app';
import { inboundCall, PUBLIC_URL, TWILIO_SID } from '../support/twilio-webhooks';
import { waitFor } from '../support/wait-for';

const ON_CALL = '+442071838750';
/** Our English number (the one the SMS channel sends from) and a Madrid number answered in Spanish. */
const ENGLISH_NUMBER = '+15005550006';
const MADRID_NUMBER = '+34910000000';
/** A London caller: their country says nothing about Spanish. */
const LONDON_CALLER = '+442079460123';
/** A caller from Mexico City. */
const MEXICAN_CALLER = '+525512345678';
/** Monday 30 November 2026, 12:00 UTC: inside the default phone hours (09:00-23:00 UTC). */
const NOON = Date.UTC(2026, 10, 30, 12, 0);
/** The same night at 02:00 UTC: outside them. */
const NIGHT = Date.UTC(2026, 10, 30, 2, 0);

const WITH_MENU = {
  phoneLine: {
    languageMenu: { en: '1', es: '2' },
    numberLanguages: { [MADRID_NUMBER]: 'es' },
  },
};

const call = (from: string, to: string, extra: Record<string, string> = {}) => inboundCall(from, to, extra);

describe('the phone line in Spanish: chosen from the language menu, or set by the number called', () => {
  let now = NOON;
  const line = phoneLineUnderTest(() => now);
  let server: TestApp;
  const start = async (policy: unknown) => {
    server = await line.start(policy, { VOICE_ON_CALL_NUMBER: ON_CALL });
  };
  const post = line.post;

  it('offers Spanish in a Spanish voice; key 2 puts the call through in Spanish and tells the engineer', async () => {
    await start(WITH_MENU);
    now = NOON;
    const menu = await post(VOICE_PATHS.incoming, call(LONDON_CALLER, ENGLISH_NUMBER));
    const next = `${PUBLIC_URL}${VOICE_PATHS.language}`;
    expect(menu).toContain(`<Gather numDigits="1" timeout="4" action="${next}" language="en-GB">`);
    expect(menu).toContain('<Say language="es-ES">Para español, pulse 2.</Say>');
    expect(menu).not.toContain('For English');
    expect(menu).not.toContain('<Dial');

    const spanish = await post(VOICE_PATHS.language, call(LONDON_CALLER, ENGLISH_NUMBER, { Digits: '2' }));
    expect(spanish).toContain(
      '<Say language="es-ES">Gracias por llamar al servicio de soporte. Le pasamos con un ingeniero.</Say>',
    );
    expect(spanish).toContain(`action="${PUBLIC_URL}${VOICE_PATHS.afterDial}?lang=es"`);
    expect(spanish).toContain(`${VOICE_PATHS.whisper}?reason=hours&amp;lang=es">${ON_CALL}</Number>`);
    const whisper = await post(`${VOICE_PATHS.whisper}?reason=hours&lang=es`, call(LONDON_CALLER, ON_CALL));
    expect(whisper).toContain('<Say language="en-GB">Support call. The caller was greeted in Spanish.</Say>');

    // Nobody answers: the voicemail prompt is Spanish too.
    const missed = await post(
      `${VOICE_PATHS.afterDial}?lang=es`,
      call(LONDON_CALLER, ENGLISH_NUMBER, { DialCallStatus: 'no-answer' }),
    );
    expect(missed).toContain('<Say language="es-ES">Después de la señal, diga su nombre');
    expect(missed).toContain(`action="${PUBLIC_URL}${VOICE_PATHS.recording}?lang=es"`);

    // No key (Twilio follows the redirect without Digits): the call stays English.
    const english = await post(VOICE_PATHS.language, call(LONDON_CALLER, ENGLISH_NUMBER));
    expect(english).toContain(
      '<Say language="en-GB">Thank you for calling support. Connecting you to an engineer.</Say>',
    );
    expect(english).toContain(`action="${PUBLIC_URL}${VOICE_PATHS.afterDial}"`);
  });

  it('out of hours in Spanish: the hours and the paging key, a Spanish voicemail, and a Spanish SMS after it', async () => {
    await start(WITH_MENU);
    now = NIGHT;
    await post(VOICE_PATHS.incoming, call(LONDON_CALLER, ENGLISH_NUMBER));
    const closed = await post(VOICE_PATHS.language, call(LONDON_CALLER, ENGLISH_NUMBER, { Digits: '2' }));
    const menu = `${PUBLIC_URL}${VOICE_PATHS.menu}?lang=es`;
    expect(closed).toContain(`<Gather numDigits="1" timeout="6" action="${menu}" language="es-ES">`);
    expect(closed).toContain(
      'Nuestra línea telefónica atiende en horario 09:00-23:00 UTC, y ahora está cerrada.',
    );
    expect(closed).toContain('pulse 1 para avisar al ingeniero de guardia');
    expect(closed).toContain(`<Redirect>${menu}</Redirect>`);

    const message = await post(`${VOICE_PATHS.menu}?lang=es`, call(LONDON_CALLER, ENGLISH_NUMBER));
    expect(message).toContain('<Say language="es-ES">Después de la señal');
    expect(message).toContain('<Say language="es-ES">No hemos oído ningún mensaje. Adiós.</Say>');

    const sid = 'RE1123456789abcdef0123456789abcdef';
    const thanks = await post(
      `${VOICE_PATHS.recording}?lang=es`,
      call(LONDON_CALLER, ENGLISH_NUMBER, {
        RecordingSid: sid,
        RecordingUrl: `https://api.twilio.com/2010-04-01/Accounts/${TWILIO_SID}/Recordings/${sid}`,
        RecordingDuration: '17',
      }),
    );
    const conversation = await waitFor(() => server.app.store.findConversation('sms', LONDON_CALLER));
    const stored = await server.app.store.getConversation(conversation.id);
    const ticketId = stored?.brief?.ticketId;
    expect(ticketId).toMatch(/^T-[2-9A-HJKMNP-Z]{5}$/);
    expect(thanks).toContain(
      `<Say language="es-ES">Gracias, su mensaje ha quedado registrado con el ticket ${ticketId!.replace('-', '').split('').join(', ')}. Adiós.</Say>`,
    );
    // The conversation keeps the call's language: the SMS the caller gets is Spanish, though
    // their London number alone would have given English.
    expect(stored?.profile.locale).toBe('es');
    const sms = await waitFor(() => line.fake.sentTo(LONDON_CALLER).find((m) => m.body.includes(ticketId!)));
    expect(sms.body).toContain('Estoy avisando ahora a nuestro equipo de soporte');
    const transcript = await server.app.store.getMessages(conversation.id);
    expect(transcript.find((m) => m.author === 'customer')?.text).toContain('The call was in Spanish.');
  });

  it('a call to the Madrid number starts in Spanish (with the policy’s own Spanish welcome) and offers English', async () => {
    await start({
      ...WITH_MENU,
      texts: {
        es: { phoneLine: { texts: { welcome: 'Soporte de Example Telecom, un momento por favor.' } } },
      },
    });
    now = NOON;
    const menu = await post(VOICE_PATHS.incoming, call(LONDON_CALLER, MADRID_NUMBER));
    const next = `${PUBLIC_URL}${VOICE_PATHS.language}?lang=es`;
    expect(menu).toContain(`<Gather numDigits="1" timeout="4" action="${next}" language="es-ES">`);
    expect(menu).toContain('<Say language="en-GB">For English, press 1.</Say>');
    expect(menu).not.toContain('Para español');

    const spanish = await post(`${VOICE_PATHS.language}?lang=es`, call(LONDON_CALLER, MADRID_NUMBER));
    expect(spanish).toContain(
      '<Say language="es-ES">Soporte de Example Telecom, un momento por favor.</Say>',
    );
    const english = await post(
      `${VOICE_PATHS.language}?lang=es`,
      call(LONDON_CALLER, MADRID_NUMBER, { Digits: '1' }),
    );
    expect(english).toContain('<Say language="en-GB">Thank you for calling support.');
  });

  it('without a menu, a caller from Mexico hears Spanish in the voice the policy names, others English', async () => {
    await start({ phoneLine: { voices: { es: { language: 'es-MX', voice: 'Polly.Mia' } } } });
    now = NOON;
    const mexican = await post(VOICE_PATHS.incoming, call(MEXICAN_CALLER, ENGLISH_NUMBER));
    expect(mexican).toContain(
      '<Say language="es-MX" voice="Polly.Mia">Gracias por llamar al servicio de soporte.',
    );
    const london = await post(VOICE_PATHS.incoming, call(LONDON_CALLER, ENGLISH_NUMBER));
    expect(london).toContain('<Say language="en-GB">Thank you for calling support.');
    expect(london).not.toContain('<Gather');
  });

  it('refuses a menu with one key for two languages, a Spanish text with an unknown placeholder, a bad tag', () => {
    expect(() => parsePolicy({ phoneLine: { languageMenu: { en: '2', es: '2' } } })).toThrow(
      /phoneLine\.languageMenu: each language needs its own key/,
    );
    expect(() =>
      parsePolicy({ texts: { es: { phoneLine: { texts: { closed: 'Abierto {horas}.' } } } } }),
    ).toThrow(/texts\.es\.phoneLine\.texts\.closed: unknown placeholder \{horas\}/);
    expect(() =>
      parsePolicy({ texts: { es: { phoneLine: { texts: { whisperHours: 'Llamada.' } } } } }),
    ).toThrow(PolicyError);
    expect(() => parsePolicy({ phoneLine: { voices: { es: { language: 'Spanish' } } } })).toThrow(
      /phoneLine\.voices\.es\.language/,
    );
  });
});
