import { createHash, randomBytes } from 'node:crypto';
import { AuthError, ConflictError, HandoffError, NotFoundError, ValidationError } from '../errors';
import type { Agent } from '../model/agent';
import type { AgentStore } from '../store/ports';
import { hashPassword, randomPassword, verifyPassword } from './passwords';
import { normaliseUsername } from './username';

/** A hash of a session token: what the store keeps, so a leaked database holds no live tokens. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,31}$/;

/** A password hash for unknown usernames, so a wrong username costs as much time as a wrong password. */
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** Sessions that just ended: one (sign-out) or every one of an agent (reset, removal). */
export type Revocation = { tokenHash: string } | { agentId: string };

/** Agents, their passwords and their console sessions. */
export class AgentDirectory {
  private readonly revokedListeners = new Set<(revocation: Revocation) => void>();

  constructor(
    private readonly store: AgentStore,
    private readonly sessionTtlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Adds an agent; usernames are lower case, 2-32 characters. */
  async add(input: {
    username: string;
    password: string;
    displayName?: string;
    role?: Agent['role'];
  }): Promise<Agent> {
    const username = normaliseUsername(input.username);
    if (!USERNAME.test(username)) {
      throw new ValidationError('Username must be 2-32 characters: a-z, 0-9, dot, dash or underscore');
    }
    if (input.password.length < 8) throw new ValidationError('Password must be at least 8 characters');
    if (await this.store.getAgentByUsername(username))
      throw new ConflictError(`Agent ${username} already exists`);
    const agent: Agent = {
      id: `a_${randomBytes(8).toString('base64url')}`,
      username,
      displayName: input.displayName?.trim() || username,
      passwordHash: await hashPassword(input.password),
      role: input.role ?? 'agent',
      createdAt: this.now(),
    };
    await this.store.createAgent(agent);
    return agent;
  }

  /** Removes an agent and signs them out everywhere. */
  async remove(username: string): Promise<void> {
    const agent = await this.store.getAgentByUsername(normaliseUsername(username));
    if (!agent) throw new NotFoundError(`Agent ${username}`);
    await this.store.deleteAgent(agent.id);
    this.revoked({ agentId: agent.id });
  }

  /** Sets a new password and ends the agent's sessions. */
  async resetPassword(username: string, password: string): Promise<void> {
    const agent = await this.store.getAgentByUsername(normaliseUsername(username));
    if (!agent) throw new NotFoundError(`Agent ${username}`);
    if (password.length < 8) throw new ValidationError('Password must be at least 8 characters');
    await this.store.updateAgent({ ...agent, passwordHash: await hashPassword(password) });
    await this.store.deleteSessionsOf(agent.id);
    this.revoked({ agentId: agent.id });
  }

  /**
   * Disables or enables an agent by id. Disabling ends every session of theirs at once (open
   * consoles are closed); an admin cannot disable their own account, and the last enabled admin
   * cannot be disabled.
   */
  async setDisabled(id: string, disabled: boolean, by: Agent): Promise<Agent> {
    const agent = await this.require(id);
    if (disabled && agent.id === by.id) throw new ConflictError('You cannot disable your own account');
    if (disabled && agent.role === 'admin') await this.keepAnAdmin(agent.id);
    const next: Agent = { ...agent };
    if (disabled) next.disabledAt = agent.disabledAt ?? this.now();
    else delete next.disabledAt;
    await this.store.updateAgent(next);
    if (disabled) await this.endSessions(agent.id);
    return next;
  }

  /** Changes an agent's role; the last enabled admin keeps theirs. */
  async setRole(id: string, role: Agent['role']): Promise<Agent> {
    const agent = await this.require(id);
    if (agent.role === 'admin' && role !== 'admin') await this.keepAnAdmin(agent.id);
    const next: Agent = { ...agent, role };
    await this.store.updateAgent(next);
    return next;
  }

  /** Sets a new password by agent id (generated when not given) and ends their sessions. */
  async resetPasswordOf(id: string, password: string = randomPassword()): Promise<string> {
    const agent = await this.require(id);
    await this.resetPassword(agent.username, password);
    return password;
  }

  private async require(id: string): Promise<Agent> {
    const agent = await this.store.getAgent(id);
    if (!agent) throw new NotFoundError('Agent');
    return agent;
  }

  /** Refuses a change that would leave no enabled admin besides `leaving`. */
  private async keepAnAdmin(leaving: string): Promise<void> {
    const others = (await this.store.listAgents()).filter(
      (a) => a.role === 'admin' && a.disabledAt === undefined && a.id !== leaving,
    );
    if (others.length === 0) throw new ConflictError('The desk needs at least one enabled admin');
  }

  private async endSessions(agentId: string): Promise<void> {
    await this.store.deleteSessionsOf(agentId);
    this.revoked({ agentId });
  }

  /** Calls `listener` whenever sessions end here, so open consoles can be closed at once. */
  onRevoked(listener: (revocation: Revocation) => void): () => void {
    this.revokedListeners.add(listener);
    return () => this.revokedListeners.delete(listener);
  }

  /** Every agent, by username. */
  list(): Promise<Agent[]> {
    return this.store.listAgents();
  }

  /**
   * On first start with no agents, creates `admin`. Returns the password when it was generated,
   * so the caller prints it once; never returns a password it was given.
   */
  async ensureAdmin(
    configuredPassword: string | undefined,
  ): Promise<{ created: boolean; generatedPassword?: string }> {
    if ((await this.store.listAgents()).length > 0) return { created: false };
    const password = configuredPassword ?? randomPassword();
    try {
      await this.add({ username: 'admin', password, displayName: 'Admin', role: 'admin' });
    } catch (error) {
      // Another instance created it first.
      if (error instanceof ConflictError) return { created: false };
      throw error;
    }
    return configuredPassword ? { created: true } : { created: true, generatedPassword: password };
  }

  /** Checks a username and password and opens a session; the token goes in an httpOnly cookie. */
  async signIn(
    username: string,
    password: string,
  ): Promise<{ agent: Agent; token: string; expiresAt: number }> {
    const agent = await this.store.getAgentByUsername(normaliseUsername(String(username)));
    const valid = await verifyPassword(String(password), agent?.passwordHash ?? DUMMY_HASH);
    if (!agent || !valid) throw new AuthError('Wrong username or password', 'bad_credentials');
    if (agent.disabledAt !== undefined) throw new HandoffError('forbidden', 'This account is disabled');
    const token = randomBytes(32).toString('base64url');
    const now = this.now();
    const expiresAt = now + this.sessionTtlMs;
    await this.store.createSession({
      tokenHash: hashToken(token),
      agentId: agent.id,
      createdAt: now,
      expiresAt,
    });
    return { agent, token, expiresAt };
  }

  /** The agent a session token belongs to; throws `AuthError` for a forged or expired token. */
  async authenticate(token: string | undefined): Promise<Agent> {
    return (await this.session(token)).agent;
  }

  /** The agent and the expiry of a session token; throws `AuthError` for a forged or expired one. */
  async session(token: string | undefined): Promise<{ agent: Agent; expiresAt: number }> {
    if (!token || token.length > 200) throw new AuthError();
    const session = await this.store.getSession(hashToken(token));
    if (!session || session.expiresAt <= this.now()) throw new AuthError();
    const agent = await this.store.getAgent(session.agentId);
    if (!agent || agent.disabledAt !== undefined) throw new AuthError();
    return { agent, expiresAt: session.expiresAt };
  }

  /** Ends one session. */
  async signOut(token: string): Promise<void> {
    const tokenHash = hashToken(token);
    await this.store.deleteSession(tokenHash);
    this.revoked({ tokenHash });
  }

  private revoked(revocation: Revocation): void {
    for (const listener of this.revokedListeners) listener(revocation);
  }
}
