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

function format(at: number, timeZone: string, withDay: boolean): string {
  return new Intl.DateTimeFormat('en-GB', {
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
export function describeInstant(at: number, now: number, customerZone?: string): string {
  const utc = `${format(at, 'UTC', !sameDay(at, now, 'UTC'))} UTC`;
  if (!isKnownTimeZone(customerZone)) return utc;
  const local = format(at, customerZone, !sameDay(at, now, customerZone));
  if (local === format(at, 'UTC', !sameDay(at, now, 'UTC'))) return `${utc} (the same in your time zone)`;
  return `${utc} (${local} your time, ${customerZone})`;
}
