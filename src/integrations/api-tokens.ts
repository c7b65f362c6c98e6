import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { AuthError, NotFoundError, ValidationError } from '../errors';
import type { Store } from '../store/store';

/** What an integration token may do; each API route needs one of these. */
export const API_SCOPES = ['conversations:read', 'messages:write', 'tickets:read', 'tickets:write'] as const;

/** One scope. */
export type ApiScope = (typeof API_SCOPES)[number];

/** An integration's token as listed: never the token itself, which is shown once at creation. */
export interface ApiToken {
  /** Public part of the token (`hoff_<id>_…`), safe to log and show. */
  id: string;
  /** Who the token is for ("CRM sync"). */
  name: string;
  scopes: ApiScope[];
  createdAt: number;
  createdBy: string;
  revokedAt?: number;
}

/** The store log tokens live in: one record when created, one when revoked (shared by every instance). */
const TOKEN_LOG = 'api-tokens';
const MAX_TOKENS = 100_000;
const TOKEN_FORMAT = /^hoff_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

type TokenRecord =
  { kind: 'created'; token: ApiToken; hash: string } | { kind: 'revoked'; id: string; at: number };

const sha256 = (text: string): Buffer => createHash('sha256').update(text).digest();

/** Whether a name is a scope (for the CLI and the console). */
export function isApiScope(name: string): name is ApiScope {
  return (API_SCOPES as readonly string[]).includes(name);
}

/**
 * Per-integration API tokens: random (256 bits), kept only as a SHA-256 hash (enough for a random
 * secret; a password hash would only slow every request), scoped, and revocable at once on every
 * instance, since each check reads the shared store.
 */
export class ApiTokens {
  constructor(
    private readonly store: Store,
    private readonly now: () => number = Date.now,
  ) {}

  /** Creates a token; the returned `secret` is the only time the whole token is seen. */
  async create(input: {
    name: string;
    scopes: string[];
    createdBy: string;
  }): Promise<{ token: ApiToken; secret: string }> {
    const name = input.name.trim();
    if (name.length < 1 || name.length > 80)
      throw new ValidationError('A token needs a name of 1-80 characters');
    const unknown = input.scopes.filter((scope) => !isApiScope(scope));
    if (unknown.length > 0 || input.scopes.length === 0) {
      throw new ValidationError(
        `Scopes must be some of: ${API_SCOPES.join(', ')}${unknown.length ? ` (not ${unknown.join(', ')})` : ''}`,
      );
    }
    const id = randomBytes(9).toString('base64url').replace(/[-_]/g, 'x').slice(0, 12);
    const secret = `hoff_${id}_${randomBytes(32).toString('base64url')}`;
    const token: ApiToken = {
      id,
      name,
      scopes: [...new Set(input.scopes.filter(isApiScope))],
      createdAt: this.now(),
      createdBy: input.createdBy,
    };
    const record: TokenRecord = { kind: 'created', token, hash: sha256(secret).toString('hex') };
    await this.store.appendRecord(TOKEN_LOG, record);
    return { token, secret };
  }

  /** Every token, newest first, revoked ones included. */
  async list(): Promise<ApiToken[]> {
    return [...(await this.read()).values()]
      .map(({ token }) => token)
      .sort((a, b) => b.createdAt - a.createdAt);
  }

  /** Revokes a token: the next request with it is refused, on every instance. */
  async revoke(id: string): Promise<ApiToken> {
    const found = (await this.read()).get(id);
    if (!found) throw new NotFoundError(`Token ${id}`);
    if (found.token.revokedAt !== undefined) return found.token;
    const at = this.now();
    await this.store.appendRecord(TOKEN_LOG, { kind: 'revoked', id, at } satisfies TokenRecord);
    return { ...found.token, revokedAt: at };
  }

  /**
   * The token a request presents (`Authorization: Bearer hoff_…`), if it is live and has `scope`.
   * Throws `unauthorized` for a missing, unknown or revoked token and `forbidden` for a missing scope.
   */
  async authorize(presented: string | undefined, scope: ApiScope): Promise<ApiToken> {
    const match = presented ? TOKEN_FORMAT.exec(presented) : null;
    if (!match) throw new AuthError('An API token is required: Authorization: Bearer hoff_…');
    const found = (await this.read()).get(match[1]!);
    const given = sha256(presented!);
    if (!found || !timingSafeEqual(given, Buffer.from(found.hash, 'hex'))) {
      throw new AuthError('This API token is not valid');
    }
    if (found.token.revokedAt !== undefined) throw new AuthError('This API token was revoked');
    if (!found.token.scopes.includes(scope)) {
      throw new AuthError(`This API token lacks the ${scope} scope`, 'forbidden');
    }
    return found.token;
  }

  private async read(): Promise<Map<string, { token: ApiToken; hash: string }>> {
    const tokens = new Map<string, { token: ApiToken; hash: string }>();
    for (const record of (await this.store.listRecords(TOKEN_LOG, MAX_TOKENS)) as TokenRecord[]) {
      if (record.kind === 'created') tokens.set(record.token.id, { token: record.token, hash: record.hash });
      const revoked = record.kind === 'revoked' ? tokens.get(record.id) : undefined;
      if (revoked && record.kind === 'revoked') revoked.token = { ...revoked.token, revokedAt: record.at };
    }
    return tokens;
  }
}
