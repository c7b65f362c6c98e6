/**
 * Characters a file name shown to agents must not carry: control characters, path separators, and
 * the Unicode direction controls (U+202E "right-to-left override" makes `invoice\u202Efdp.exe` show
 * as `invoiceexe.pdf`), the zero-width marks that do the same more quietly, and line separators.
 */
const UNSAFE = /[\p{Cc}/\\\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/gu;

/**
 * A file name from a customer or a provider, safe to show and to send back in a header: unsafe
 * characters dropped, trimmed, at most `maxLength` characters (whole code points); empty when
 * nothing is left, so the caller picks its own fallback.
 */
export function cleanFileName(raw: string | undefined, maxLength = 120): string {
  if (!raw) return '';
  return Array.from(raw.replace(UNSAFE, '').trim()).slice(0, maxLength).join('').trim();
}
