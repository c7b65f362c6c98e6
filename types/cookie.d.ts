/**
 * The part of `cookie` 0.7 this project uses (the version Express 5 installs; it ships no types
 * and @types/cookie is not installed here).
 */
declare module 'cookie' {
  /** Parses a Cookie header into name/value pairs; values are URI-decoded when they can be. */
  export function parse(
    header: string,
    options?: { decode?: (value: string) => string },
  ): Record<string, string>;
}
