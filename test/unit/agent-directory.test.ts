import { AgentDirectory } from '../../src/agents/agent-directory';
import { AuthError, ConflictError, ValidationError } from '../../src/errors';
import { SqliteStore } from '../../adapters/sqlite/sqlite-store';

describe('agent directory', () => {
  let now = 1_000_000;
  const store = new SqliteStore(':memory:', () => now);
  const directory = new AgentDirectory(store, 60_000, () => now);
  afterAll(() => store.close());

  it('creates admin once, with a generated password that signs in', async () => {
    const first = await directory.ensureAdmin(undefined);
    expect(first.created).toBe(true);
    expect(first.generatedPassword).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(await directory.ensureAdmin(undefined)).toEqual({ created: false });
    const { agent } = await directory.signIn('admin', first.generatedPassword!);
    expect(agent.role).toBe('admin');
    expect(agent.passwordHash).toMatch(/^scrypt\$/);
    expect(agent.passwordHash).not.toContain(first.generatedPassword!);
  });

  it('refuses a wrong password, an unknown user, a forged token and an expired session', async () => {
    await directory.add({ username: 'bob', password: 'bob-password-1' });
    await expect(directory.signIn('bob', 'nope-nope-nope')).rejects.toBeInstanceOf(AuthError);
    await expect(directory.signIn('nobody', 'whatever-123')).rejects.toBeInstanceOf(AuthError);
    await expect(directory.authenticate('forged-token')).rejects.toBeInstanceOf(AuthError);
    const { token } = await directory.signIn('BOB', 'bob-password-1');
    expect((await directory.authenticate(token)).username).toBe('bob');
    now += 60_001;
    await expect(directory.authenticate(token)).rejects.toBeInstanceOf(AuthError);
  });

  it('signs an agent out everywhere when the password is reset or the agent removed', async () => {
    await directory.add({ username: 'carol', password: 'carol-password' });
    const { token } = await directory.signIn('carol', 'carol-password');
    await directory.resetPassword('carol', 'new-password-1');
    await expect(directory.authenticate(token)).rejects.toBeInstanceOf(AuthError);
    const again = await directory.signIn('carol', 'new-password-1');
    await directory.remove('carol');
    await expect(directory.authenticate(again.token)).rejects.toBeInstanceOf(AuthError);
  });

  it('validates usernames and refuses duplicates', async () => {
    await expect(directory.add({ username: 'x', password: 'long-enough' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(directory.add({ username: 'dave', password: 'short' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await directory.add({ username: 'dave', password: 'long-enough' });
    await expect(directory.add({ username: 'Dave', password: 'long-enough' })).rejects.toBeInstanceOf(
      ConflictError,
    );
  });
});
