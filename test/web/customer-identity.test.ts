import { checkIdentity, identityHash, verifiedConversationKey } from '../../adapters/web/customer-identity';
import { connectCustomer, nextEvent, startTestApp, type TestApp } from '../support/start-app';

const SECRET = 'site-identity-secret-abcdef';

describe('checking a widget identity', () => {
  const hash = identityHash('cust-7', SECRET);

  it('accepts the HMAC-SHA256 of the id, in either hex case, and keeps a well-formed name and e-mail', () => {
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(checkIdentity({ id: 'cust-7', name: ' Ada ', email: 'ada@example.com', hash }, SECRET)).toEqual({
      kind: 'verified',
      customer: { id: 'cust-7', name: 'Ada', email: 'ada@example.com' },
    });
    expect(checkIdentity({ id: 'cust-7', email: 'not an e-mail', hash: hash.toUpperCase() }, SECRET)).toEqual(
      {
        kind: 'verified',
        customer: { id: 'cust-7' },
      },
    );
  });

  it('refuses a hash of another id, another secret, a malformed one, and any identity without a secret', () => {
    const rejected = (identity: unknown, secret: string | undefined = SECRET) =>
      checkIdentity(identity as Parameters<typeof checkIdentity>[0], secret).kind;
    expect(rejected({ id: 'cust-8', hash })).toBe('rejected');
    expect(rejected({ id: 'cust-7', hash: identityHash('cust-7', 'another-secret-0000') })).toBe('rejected');
    expect(rejected({ id: 'cust-7', hash: hash.slice(2) })).toBe('rejected');
    expect(rejected({ id: 'cust-7' })).toBe('rejected');
    expect(rejected({ id: '', hash })).toBe('rejected');
    // A default parameter would swallow `undefined`: the server without a secret is called directly.
    expect(checkIdentity({ id: 'cust-7', hash }, undefined).kind).toBe('rejected');
    expect(rejected(undefined)).toBe('none');
  });

  it('keys a verified customer by id alone, without showing the id', () => {
    expect(verifiedConversationKey('cust-7')).toBe(verifiedConversationKey('cust-7'));
    expect(verifiedConversationKey('cust-7')).not.toBe(verifiedConversationKey('cust-8'));
    expect(verifiedConversationKey('cust-7')).not.toContain('cust-7');
  });
});

describe('the chat handshake with an identity', () => {
  let server: TestApp;
  afterEach(async () => {
    await server.cleanup();
  });

  it('is refused with a clear problem when the server has no IDENTITY_SECRET', async () => {
    server = await startTestApp();
    const customer = connectCustomer(server.url, {
      identity: { id: 'cust-7', name: 'Ada', hash: identityHash('cust-7', SECRET) },
    });
    const [problem, session] = await Promise.all([
      nextEvent<{ code: string; message: string }>(customer, 'problem'),
      nextEvent<{ identified: boolean }>(customer, 'session'),
    ]);
    expect(problem.code).toBe('identity_rejected');
    expect(problem.message).toContain('no IDENTITY_SECRET');
    expect(session.identified).toBe(false);
    customer.close();
  });

  it('opens the same conversation for two connections of one verified customer', async () => {
    server = await startTestApp({ env: { IDENTITY_SECRET: SECRET } });
    const identity = { id: 'cust-7', hash: identityHash('cust-7', SECRET) };
    const one = connectCustomer(server.url, { identity });
    const first = await nextEvent<{ identified: boolean; token: string }>(one, 'session');
    expect(first.identified).toBe(true);
    await new Promise((resolve) => one.emit('message', { text: 'hello', clientId: 'c1' }, resolve));
    const two = connectCustomer(server.url, { identity });
    const [second, history] = await Promise.all([
      nextEvent<{ identified: boolean; token: string; conversationId?: string }>(two, 'session'),
      nextEvent<{ messages: { text: string }[] }>(two, 'history'),
    ]);
    expect(second.token).not.toBe(first.token);
    expect(second.conversationId).toBeDefined();
    expect(history.messages.map((m) => m.text)).toContain('hello');
    one.close();
    two.close();
  });
});
