import type { Language } from '../i18n/languages';
import { WEEKDAY_NAMES, type OpeningHours } from './policy-schema';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

interface WallClock {
  year: number;
  month: number;
  day: number;
  weekday: number;
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The date and time on the wall clock of `timeZone` at instant `at`. */
function wallClock(at: number, timeZone: string): WallClock {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  const year = Number(parts.year);
  const month = Number(parts.month);
  const day = Number(parts.day);
  return {
    year,
    month,
    day,
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** Minutes after midnight of an `HH:MM` policy time. */
function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** The instant at which the wall clock of `timeZone` shows the given date and minute of the day. */
function instantOf(year: number, month: number, day: number, minutes: number, timeZone: string): number {
  const asUtc = Date.UTC(year, month - 1, day) + minutes * MINUTE;
  // The zone's offset can differ across a DST change, so correct twice.
  let guess = asUtc;
  for (let i = 0; i < 2; i += 1) {
    const seen = wallClock(guess, timeZone);
    const seenAsUtc = Date.UTC(seen.year, seen.month - 1, seen.day) + seen.minutes * MINUTE;
    guess += asUtc - seenAsUtc;
  }
  return guess;
}

function dayIsOpen(hours: OpeningHours, weekday: number): boolean {
  const name = WEEKDAY_NAMES[weekday];
  return name !== undefined && hours.days.includes(name);
}

/**
 * Whether the window is open at `at`. The opening minute counts as open and the closing minute as
 * closed (08:00-20:00 is open at 08:00 and closed at 20:00). A window that closes before it opens
 * (22:00-06:00) runs overnight, belonging to the day it opens on.
 */
export function isOpen(hours: OpeningHours, at: number): boolean {
  const open = minutesOf(hours.open);
  const close = minutesOf(hours.close);
  const now = wallClock(at, hours.timeZone);
  if (open === close) return dayIsOpen(hours, now.weekday);
  if (open < close) return dayIsOpen(hours, now.weekday) && now.minutes >= open && now.minutes < close;
  if (now.minutes >= open) return dayIsOpen(hours, now.weekday);
  return now.minutes < close && dayIsOpen(hours, (now.weekday + 6) % 7);
}

/** The next instant the window opens after `at` (or `at` itself when it is open now). */
export function nextOpening(hours: OpeningHours, at: number): number {
  if (isOpen(hours, at)) return at;
  const open = minutesOf(hours.open);
  for (let offset = 0; offset <= 8; offset += 1) {
    const date = wallClock(at + offset * DAY, hours.timeZone);
    if (!dayIsOpen(hours, date.weekday)) continue;
    const candidate = instantOf(date.year, date.month, date.day, open, hours.timeZone);
    if (candidate > at) return candidate;
  }
  return at;
}

/** "08:00-20:00 UTC" or "08:00-20:00 Europe/London, Mon, Tue" (day names in `language`). */
export function describeHours(hours: OpeningHours, language: Language = 'en'): string {
  const zone = hours.timeZone === 'UTC' || hours.timeZone === 'Etc/UTC' ? 'UTC' : hours.timeZone;
  const everyDay = hours.days.length === 7;
  const days = everyDay ? '' : `, ${hours.days.map((d) => dayName(d, language)).join(', ')}`;
  return `${hours.open}-${hours.close} ${zone}${days}`;
}

/** A weekday's short name ("Mon", "lun") as the language writes it. */
function dayName(day: (typeof WEEKDAY_NAMES)[number], language: Language): string {
  // 4 January 1970 was a Sunday; index 0 of WEEKDAY_NAMES is Sunday.
  const sunday = Date.UTC(1970, 0, 4);
  return new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' }).format(
    sunday + WEEKDAY_NAMES.indexOf(day) * DAY,
  );
}
