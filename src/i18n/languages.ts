import type { Conversation } from '../model/conversation';

/** The languages the bot and the widget speak; English is the fallback and the docs' language. */
export const LANGUAGES = ['en', 'es'] as const;

/** One supported language. */
export type Language = (typeof LANGUAGES)[number];

/**
 * Calling codes of countries where Spanish is the main language (E.164 prefixes, without +1
 * numbers: the Dominican Republic and Puerto Rico share +1 with English-speaking countries).
 */
const SPANISH_CALLING_CODES = [
  '34',
  '52',
  '54',
  '56',
  '57',
  '51',
  '58',
  '593',
  '502',
  '53',
  '591',
  '504',
  '595',
  '503',
  '505',
  '506',
  '507',
  '598',
  '240',
];

/** The supported language of a locale tag (`es-MX`, `es`, Telegram's `language_code`), if any. */
export function languageOfLocale(locale: string | undefined): Language | undefined {
  const primary = locale?.trim().toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(primary ?? '') ? (primary as Language) : undefined;
}

/** A language's English name ("Spanish"), for what agents read and hear. */
export function englishName(language: Language): string {
  return new Intl.DisplayNames(['en'], { type: 'language' }).of(language) ?? language;
}

/** The language of an E.164 number's country when it is one we speak besides English. */
export function languageOfPhone(phone: string | undefined): Language | undefined {
  const digits = phone?.startsWith('+') ? phone.slice(1) : undefined;
  if (!digits) return undefined;
  return SPANISH_CALLING_CODES.some((code) => digits.startsWith(code)) ? 'es' : undefined;
}

/**
 * The language to speak in a conversation: the customer's own locale (browser, Telegram app) when
 * we speak it, else the phone number's country (SMS), else English.
 */
export function conversationLanguage(conversation: Pick<Conversation, 'profile'>): Language {
  return languageOfLocale(conversation.profile.locale) ?? languageOfPhone(conversation.profile.phone) ?? 'en';
}
