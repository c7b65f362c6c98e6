import { botEn } from '../../src/i18n/bot-en';
import { botEs } from '../../src/i18n/bot-es';
import { conversationLanguage, languageOfLocale, languageOfPhone } from '../../src/i18n/languages';
import { textsFor } from '../../src/i18n/translate';
import { loadPolicy } from '../../src/policy/load-policy';
import { policyHandoffNotice } from '../../src/policy/policy-handoff-notice';
import { newConversation } from '../../src/store/new-conversation';
import type { Conversation, CustomerProfile } from '../../src/model/conversation';

const conversation = (channel: Conversation['ref']['channel'], profile: CustomerProfile): Conversation =>
  newConversation(
    { id: 'c1', ref: { channel, conversationKey: 'k', customerId: 'k' }, profile },
    Date.UTC(2027, 5, 2, 12),
  );

describe('languages', () => {
  it('follows the browser or Telegram locale, then the SMS number’s country, then English', () => {
    expect(languageOfLocale('es-MX')).toBe('es');
    expect(languageOfLocale('ES')).toBe('es');
    expect(languageOfLocale('de-DE')).toBeUndefined();
    expect(languageOfPhone('+34911234567')).toBe('es');
    expect(languageOfPhone('+525512345678')).toBe('es');
    expect(languageOfPhone('+14155550100')).toBeUndefined();
    expect(languageOfPhone('+447700900123')).toBeUndefined();
    expect(conversationLanguage({ profile: { locale: 'en-GB', phone: '+34911234567' } })).toBe('en');
    expect(conversationLanguage({ profile: { locale: 'de', phone: '+34911234567' } })).toBe('es');
    expect(conversationLanguage({ profile: {} })).toBe('en');
  });

  it('has every English text in Spanish and nothing more, with the same placeholders', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const leaves = (catalog: object, prefix = ''): Map<string, string> =>
      new Map(
        Object.entries(catalog).flatMap(([key, value]) =>
          typeof value === 'string'
            ? [[`${prefix}${key}`, value] as const]
            : [...leaves(value as object, `${prefix}${key}.`)],
        ),
      );
    const english = leaves(botEn);
    const spanish = leaves(botEs);
    expect([...spanish.keys()].filter((key) => !english.has(key))).toEqual([]);
    for (const [key, text] of english) {
      const translated = spanish.get(key);
      expect({ key, translated: translated !== undefined && (text === '' || translated !== '') }).toEqual({
        key,
        translated: true,
      });
      expect({ key, placeholders: placeholders(translated ?? '') }).toEqual({
        key,
        placeholders: placeholders(text),
      });
    }
    // A catalog this size is not translated by copying: most Spanish texts differ from the English.
    const words = (text: string) => text.replace(/\{\{\w+\}\}/g, '').match(/[a-z]{4,}/gi) ?? [];
    const same = [...english].filter(([key, text]) => words(text).length > 2 && spanish.get(key) === text);
    expect(same.map(([key]) => key)).toEqual([]);
  });

  it('tells an SMS customer from Spain, in Spanish, that the team is alerted and how to go back', () => {
    const notice = policyHandoffNotice(loadPolicy(undefined));
    const spanish = notice(conversation('sms', { phone: '+34911234567' }), {
      agentsOnline: 1,
      now: Date.UTC(2027, 5, 2, 12),
      services: {},
    });
    expect(spanish.text).toMatch(
      /^Estoy avisando ahora a nuestro equipo de soporte\. .* Responda "never mind" para volver al bot\.$/,
    );
    const english = notice(conversation('sms', { phone: '+14155550100' }), {
      agentsOnline: 1,
      now: Date.UTC(2027, 5, 2, 12),
      services: {},
    });
    expect(english.text).toMatch(
      /^I am alerting our support team now\. .* Reply "never mind" to go back to the bot\.$/,
    );
    expect(
      textsFor({ profile: { locale: 'es' } })('report.filed', { ticketId: 'T-1', details: 'P2', linked: '' }),
    ).toBe(
      'Gracias. Su informe queda registrado como ticket T-1 (P2). Indique T-1 si nos contacta sobre ello.',
    );
  });
});
