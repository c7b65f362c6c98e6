import type { ParsedEmail } from './parse-email';

/**
 * The headers that name the language of an e-mail, most direct first: the message's own
 * `Content-Language` (RFC 3282), then the language the sender's mail client is set to
 * (`Accept-Language`, as Outlook writes it; the older `X-Accept-Language`).
 */
const LANGUAGE_HEADERS = ['content-language', 'accept-language', 'x-accept-language'] as const;

/** A language tag as mail clients write it (`es`, `es-ES`, `es_MX`); anything else is ignored. */
const LOCALE_TAG = /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$/;

/**
 * The locale an e-mail declares, the e-mail's counterpart of the browser's language on the web
 * and the Telegram app's `language_code`: the first tag of the first language header it has.
 * Undefined when it has none (most webmail, Gmail among it, writes none): the conversation is
 * then English, as for any customer whose language we are not told.
 */
export function emailLocale(mail: Pick<ParsedEmail, 'header'>): string | undefined {
  for (const name of LANGUAGE_HEADERS) {
    const first = mail.header(name)?.split(',')[0]?.split(';')[0]?.trim();
    if (first && LOCALE_TAG.test(first)) return first;
  }
  return undefined;
}
