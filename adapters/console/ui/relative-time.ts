/** "just now", "12 min ago", "3 h ago", then the local date and time: how lists show when things happened. */
export function relativeTime(at: number, now: number = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - at) / 1000));
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return shortTime(at);
}

/** The local date and time, short ("Jun 1, 2027, 12:00 PM"). */
export function shortTime(at: number): string {
  return new Date(at).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
}

/** The exact local date and time, for a tooltip next to a relative time. */
export function exactTime(at: number): string {
  return new Date(at).toLocaleString([], { dateStyle: 'full', timeStyle: 'medium' });
}
