import type { Language } from '../i18n/languages';
import { policySchema, type SupportPolicy } from './policy-schema';
import { DEFAULT_POLICY_TEXTS_ES } from './policy-texts-es';
import type { PolicyTexts } from './policy-texts-schema';

/** The published policy, to tell a text the file left at its default from one the team wrote. */
const DEFAULTS = policySchema.parse({});
/** Built-in translations of the published policy's texts, per language. */
const BUILT_IN: Partial<Record<Language, PolicyTexts>> = { es: DEFAULT_POLICY_TEXTS_ES };

const cache = new WeakMap<SupportPolicy, Map<Language, SupportPolicy>>();

/**
 * The policy with its customer-facing texts in `language`: the file's own `texts.<language>`,
 * else the built-in translation while the English text is still the published default, else
 * the English text. Everything that is not a text (hours, prices, phrases) is unchanged.
 */
export function policyInLanguage(policy: SupportPolicy, language: Language): SupportPolicy {
  if (language === 'en') return policy;
  let byLanguage = cache.get(policy);
  if (!byLanguage) cache.set(policy, (byLanguage = new Map<Language, SupportPolicy>()));
  let translated = byLanguage.get(language);
  if (!translated) {
    const own = (policy.texts as Partial<Record<Language, PolicyTexts>>)[language];
    translated = overlay(policy, own, DEFAULTS, BUILT_IN[language]) as SupportPolicy;
    byLanguage.set(language, translated);
  }
  return translated;
}

/** Walks the English policy and replaces each string that has a translation (see above). */
function overlay(english: unknown, own: unknown, englishDefault: unknown, builtIn: unknown): unknown {
  if (typeof english === 'string') {
    if (typeof own === 'string') return own;
    if (typeof builtIn === 'string' && english === englishDefault) return builtIn;
    return english;
  }
  if (Array.isArray(english)) {
    return english.map((item, i) => overlay(item, at(own, i), at(englishDefault, i), at(builtIn, i)));
  }
  if (english !== null && typeof english === 'object') {
    return Object.fromEntries(
      Object.entries(english).map(([key, value]) => [
        key,
        overlay(value, at(own, key), at(englishDefault, key), at(builtIn, key)),
      ]),
    );
  }
  return english;
}

function at(value: unknown, key: string | number): unknown {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}
