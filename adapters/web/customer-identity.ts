import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { ChatHandshake } from '../../src/realtime/socket-events';

/** A customer the host site vouched for: the id signed with the shared secret, name and e-mail. */
export interface VerifiedCustomer {
  id: string;
  name?: string;
  email?: string;
}

/** What came of an identity in the handshake: none given, verified, or refused with a reason. */
export type IdentityCheck =
  { kind: 'none' } | { kind: 'verified'; customer: VerifiedCustomer } | { kind: 'rejected'; reason: string };

/**
 * The signature a site computes on its server for a signed-in customer: HMAC-SHA256 of the id
 * with IDENTITY_SECRET, as lowercase hex (the scheme Intercom and Chatwoot use).
 */
export function identityHash(id: string, secret: string): string {
  return createHmac('sha256', secret).update(id, 'utf8').digest('hex');
}

/** Checks the widget's `identify()` data against the secret; never trusts a name without a valid hash. */
export function checkIdentity(
  identity: ChatHandshake['identity'],
  secret: string | undefined,
): IdentityCheck {
  if (identity === undefined || identity === null) return { kind: 'none' };
  if (typeof identity !== 'object') return { kind: 'rejected', reason: 'identity must be an object' };
  const { id, name, email, hash } = identity as Record<string, unknown>;
  if (typeof id !== 'string' || id.length === 0 || id.length > 200) {
    return { kind: 'rejected', reason: 'identity.id must be 1-200 characters' };
  }
  if (!secret)
    return { kind: 'rejected', reason: 'this server does not verify identities (no IDENTITY_SECRET)' };
  const expected = Buffer.from(identityHash(id, secret), 'hex');
  const given =
    typeof hash === 'string' && /^[0-9a-fA-F]{64}$/.test(hash) ? Buffer.from(hash, 'hex') : undefined;
  if (!given || !timingSafeEqual(given, expected)) {
    return { kind: 'rejected', reason: 'the identity hash does not match the id' };
  }
  return {
    kind: 'verified',
    customer: {
      id,
      ...(typeof name === 'string' && name.trim() && { name: name.trim().slice(0, 200) }),
      ...(typeof email === 'string' && /^[^\s@]+@[^\s@]+$/.test(email) && { email: email.slice(0, 300) }),
    },
  };
}

/**
 * The conversation key of a verified customer: derived from their id alone, so every device they
 * sign in on opens the same conversation (the id itself is not shown to agents or logs).
 */
export function verifiedConversationKey(id: string): string {
  return `u_${createHash('sha256').update(`customer:${id}`).digest('base64url').slice(0, 22)}`;
}
