/** A support agent who signs in to the console. */
export interface Agent {
  id: string;
  username: string;
  displayName: string;
  /** scrypt hash in the form `scrypt$N$r$p$salt$hash` (base64url parts). */
  passwordHash: string;
  role: 'admin' | 'agent';
  createdAt: number;
  /** Set while an admin has disabled the account: no sign-in, no session, not offered for transfers. */
  disabledAt?: number;
}

/** A signed-in console session; the store keeps only the token's hash. */
export interface AgentSession {
  tokenHash: string;
  agentId: string;
  createdAt: number;
  expiresAt: number;
}
