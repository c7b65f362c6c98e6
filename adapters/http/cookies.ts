import { parse } from 'cookie';

/**
 * Reads one cookie from a Cookie header with `cookie` (Express's own parser); undefined when
 * absent or when its value is not valid percent-encoding (a forged or truncated session token).
 */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  const value = parse(header, { decode: strictDecode })[name];
  return value === MALFORMED ? undefined : value;
}

/** `cookie` keeps a value it cannot decode as it is; a session token must decode or be refused. */
function strictDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return MALFORMED;
  }
}

const MALFORMED = '\u0000malformed';
