import i18next, { type TOptions } from 'i18next';
import type { Conversation } from '../model/conversation';
import { botEn } from './bot-en';
import { botEs } from './bot-es';
import { conversationLanguage, type Language } from './languages';

/** The bot's catalogs in one i18next instance, loaded synchronously at import (they are in the bundle). */
const bot = i18next.createInstance();
void bot.init({
  resources: { en: { bot: botEn }, es: { bot: botEs } },
  ns: ['bot'],
  defaultNS: 'bot',
  fallbackLng: 'en',
  initAsync: false,
  // Texts are plain text for every channel, never HTML: nothing to escape here.
  interpolation: { escapeValue: false },
  returnNull: false,
  // An empty text is a text (English says nothing before a docs answer), not a missing key.
  returnEmptyString: true,
});

/** Looks a bot text up by key (`handoff.back`) in one language, English when a key is missing. */
export type Translate = (key: string, values?: TOptions) => string;

/** The bot's texts in one language. */
export function translator(language: Language): Translate {
  const fixed = bot.getFixedT(language);
  return (key, values) => fixed(key, values ?? {});
}

/** The bot's texts in the conversation's language (see `conversationLanguage`). */
export function textsFor(conversation: Pick<Conversation, 'profile'>): Translate {
  return translator(conversationLanguage(conversation));
}
