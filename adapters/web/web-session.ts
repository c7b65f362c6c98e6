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

/** How long the record that the server issued a widget session is kept once it has a chat. */
const ISSUED_TTL_MS = 400 * 24 * 3600 * 1000;
/**
 * How long a session nobody has written in stays issued. Minting is limited per address, not in
 * total, so a long record for every minted session would let many addresses fill the store (Redis
 * memory, SQLite disk) for a year; a day covers a customer who uploads before writing, and
 * unattached uploads are swept after a day anyway. A session with a chat is recorded again for
 * ISSUED_TTL_MS by the next check after this lapses.
 */
const UNUSED_TTL_MS = 24 * 3600 * 1000;
const issuedKey = (conversationKey: string): string => `web-session:${conversationKey}`;

/** What the issued-session record needs from the store. */
export interface IssuedSessionStore {
  remember(key: string, ttlMs: number): Promise<boolean>;
  isRemembered(key: string): Promise<boolean>;
  findConversation(channel: 'web', conversationKey: string): Promise<unknown>;
}

/**
 * Widget sessions the server issued, recorded in the store, so a token a client made up (any
 * 43 characters) opens no chat and uploads nothing: only the server mints sessions, and minting
 * is limited per address. Sessions from before this record existed count when their chat exists.
 */
export class WebSessions {
  constructor(private readonly store: IssuedSessionStore) {}

  /** A fresh token, recorded as issued (for a day until it has a chat) before anyone is given it. */
  async issue(): Promise<string> {
    const token = newSessionToken();
    await this.store.remember(issuedKey(conversationKeyOf(token)), UNUSED_TTL_MS);
    return token;
  }

  /**
   * Whether the server issued this token. Only reads: a check that wrote the record as its probe
   * and took it back when no chat existed let a second request with the same made-up token, arriving
   * in between, see that record and pass (issue 14).
   */
  async isIssued(token: unknown): Promise<boolean> {
    if (!isSessionToken(token)) return false;
    const key = conversationKeyOf(token);
    if (await this.store.isRemembered(issuedKey(key))) return true;
    if (!(await this.store.findConversation('web', key))) return false;
    // A chat exists only for a session that was let in (or one from before these records), so the
    // record is written again, for long, for the next check.
    await this.store.remember(issuedKey(key), ISSUED_TTL_MS);
    return true;
  }
}
