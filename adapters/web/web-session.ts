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

/** How long the record that the server issued a widget session is kept (a returning customer's). */
const ISSUED_TTL_MS = 400 * 24 * 3600 * 1000;
const issuedKey = (conversationKey: string): string => `web-session:${conversationKey}`;

/** What the issued-session record needs from the store. */
export interface IssuedSessionStore {
  remember(key: string, ttlMs: number): Promise<boolean>;
  forget(key: string): Promise<void>;
  findConversation(channel: 'web', conversationKey: string): Promise<unknown>;
}

/**
 * Widget sessions the server issued, recorded in the store, so a token a client made up (any
 * 43 characters) opens no chat and uploads nothing: only the server mints sessions, and minting
 * is limited per address. Sessions from before this record existed count when their chat exists.
 */
export class WebSessions {
  constructor(private readonly store: IssuedSessionStore) {}

  /** A fresh token, recorded as issued. */
  async issue(): Promise<string> {
    const token = newSessionToken();
    await this.store.remember(issuedKey(conversationKeyOf(token)), ISSUED_TTL_MS);
    return token;
  }

  /** Whether the server issued this token. */
  async isIssued(token: unknown): Promise<boolean> {
    if (!isSessionToken(token)) return false;
    const key = conversationKeyOf(token);
    // `remember` answers false when the record exists; when it did not, it just wrote one, which is
    // kept only for a chat that exists (a session from before these records) and taken back otherwise.
    if (!(await this.store.remember(issuedKey(key), ISSUED_TTL_MS))) return true;
    if (await this.store.findConversation('web', key)) return true;
    await this.store.forget(issuedKey(key));
    return false;
  }
}
