/** Whitespace of every kind, format characters (zero-width, direction marks) and control characters. */
const INVISIBLE = /[\p{White_Space}\p{Cf}\p{Cc}]/gu;

/**
 * The one spelling of a username that sign-in, the throttle and storage all use: compatibility
 * forms folded (NFKC turns full-width letters into ASCII), invisible characters and spaces of any
 * kind removed, lower case. `" ADMIN\u00a0"`, `"ａｄｍｉｎ"` and `"ad\u200bmin"` are all `admin`.
 */
export function normaliseUsername(username: string): string {
  return username.normalize('NFKC').replace(INVISIBLE, '').toLowerCase();
}
