import { DateTime } from 'luxon';
import type { Language } from '../i18n/languages';
import { WEEKDAY_NAMES, type OpeningHours } from './policy-schema';

const DAY = 24 * 60 * 60_000;

/** What the wall clock of the window's zone shows at an instant: its weekday (0 = Sunday) and minute of the day. */
interface WallClock {
  weekday: number;
  minutes: number;
}

/** The wall clock of `timeZone` at instant `at` (Luxon reads the zone's rules, DST included). */
function wallClock(at: number, timeZone: string): WallClock {
  const local = DateTime.fromMillis(at, { zone: timeZone });
  // Luxon numbers weekdays 1 (Monday) to 7 (Sunday); the policy's names start on Sunday.
  return { weekday: local.weekday % 7, minutes: local.hour * 60 + local.minute };
}

/** Minutes after midnight of an `HH:MM` policy time. */
function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
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
  const today = DateTime.fromMillis(at, { zone: hours.timeZone }).startOf('day');
  for (let offset = 0; offset <= 8; offset += 1) {
    const day = today.plus({ days: offset });
    if (!dayIsOpen(hours, day.weekday % 7)) continue;
    // On a day whose opening time falls in a DST gap, Luxon moves it forward to the first real minute.
    const candidate = day.set({ hour: Math.floor(open / 60), minute: open % 60 }).toMillis();
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
