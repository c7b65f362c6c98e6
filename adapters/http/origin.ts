/**
 * Whether a browser's `Origin` header names the same host the request was sent to. Never throws:
 * `null` (sandboxed iframes, file pages) and any value that is not a URL count as another origin.
 * A request without an Origin header (not a browser page) passes; the caller still authenticates it.
 */
export function isSameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  if (!host) return false;
  const parsed = URL.canParse(origin) ? new URL(origin) : undefined;
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return false;
  return parsed.host === host;
}
