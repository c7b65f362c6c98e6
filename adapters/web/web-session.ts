import { createHash, randomBytes } from 'node:crypto';

/** A widget session token is 32 random bytes, base64url: 43 characters. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** Whether a token the widget sent has the shape of one we issue. */
export function isSessionToken(value: unknown): value is string {
  return typeof value === 'string' && TOKEN.test(value);
}

/** A fresh widget session token (kept in the browser's localStorage). */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The conversation key a token stands for. Derived, not stored: the token stays secret in the
 * browser while agents and logs only ever see the derived key.
 */
export function conversationKeyOf(token: string): string {
  return `w_${createHash('sha256').update(token).digest('base64url').slice(0, 22)}`;
}
