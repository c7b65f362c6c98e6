/**
 * The origin of the server the widget came from, read from its own `<script src>`: the widget is
 * embedded on other sites and must talk to its own server, not the host page's.
 */
export function serverOrigin(script: HTMLOrSVGScriptElement | null, fallback: string): string {
  const src = script instanceof HTMLScriptElement ? script.src : '';
  if (src) {
    try {
      return new URL(src, fallback).origin;
    } catch {
      // An unparsable src falls through to the page's own origin.
    }
  }
  return new URL(fallback).origin;
}
