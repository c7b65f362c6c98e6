import type { Language } from '../i18n/languages';
import { translator } from '../i18n/translate';

/** Whether a string names a time zone this runtime knows. */
export function isKnownTimeZone(zone: string | undefined): zone is string {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The clock's locale per language: 24-hour time, the day before the month. */
const LOCALES: Record<Language, string> = { en: 'en-GB', es: 'es-ES' };

function format(at: number, timeZone: string, withDay: boolean, language: Language = 'en'): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    timeZone,
    hourCycle: 'h23',
    hour: '2-digit',
    minute: '2-digit',
    ...(withDay && { weekday: 'short', day: 'numeric', month: 'short' }),
  }).format(at);
}

function sameDay(a: number, b: number, timeZone: string): boolean {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, dateStyle: 'short' });
  return day.format(a) === day.format(b);
}

/**
 * An instant as the customer reads it: in UTC and, when their zone is known and differs, in their
 * own time, e.g. "08:00 UTC (Fri 27 Nov, 09:00 your time, Europe/Paris)". The day is shown when it
 * is not today.
 */
export function describeInstant(
  at: number,
  now: number,
  customerZone?: string,
  language: Language = 'en',
): string {
  const inUtc = format(at, 'UTC', !sameDay(at, now, 'UTC'), language);
  const utc = `${inUtc} UTC`;
  if (!isKnownTimeZone(customerZone)) return utc;
  const t = translator(language);
  const local = format(at, customerZone, !sameDay(at, now, customerZone), language);
  if (local === inUtc) return t('time.sameZone', { utc });
  return t('time.yourTime', { utc, local, zone: customerZone });
}
