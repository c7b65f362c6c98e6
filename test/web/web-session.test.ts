import { SqliteStore } from '../../adapters/sqlite/sqlite-store';
import { conversationKeyOf, newSessionToken, WebSessions } from '../../adapters/web/web-session';

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

describe('issued widget sessions in the store', () => {
  let clock: number;
  let store: SqliteStore;
  let sessions: WebSessions;
  beforeEach(() => {
    clock = Date.UTC(2026, 0, 1);
    store = new SqliteStore(':memory:', () => clock);
    sessions = new WebSessions(store);
  });
  afterEach(() => store.close());

  const startChat = (token: string) => {
    const key = conversationKeyOf(token);
    return store.createConversation({
      id: `c-${key}`,
      ref: { channel: 'web', conversationKey: key, customerId: key },
      profile: {},
    });
  };

  it('refuses an invented token and leaves no record of it behind', async () => {
    const invented = newSessionToken();
    expect(await sessions.isIssued(invented)).toBe(false);
    expect(await store.isRemembered(`web-session:${conversationKeyOf(invented)}`)).toBe(false);
    expect(await sessions.isIssued(invented)).toBe(false);
    expect(await sessions.isIssued('not a token')).toBe(false);
  });

  it('keeps a session nobody wrote in for a day only, so minted sessions cannot fill the store', async () => {
    const token = await sessions.issue();
    expect(await sessions.isIssued(token)).toBe(true);
    clock += 23 * HOUR;
    expect(await sessions.isIssued(token)).toBe(true);
    clock += 2 * HOUR;
    expect(await sessions.isIssued(token)).toBe(false);
  });

  it('keeps a session with a chat for long after the first day', async () => {
    const token = await sessions.issue();
    await startChat(token);
    clock += 2 * DAY;
    expect(await sessions.isIssued(token)).toBe(true);
    // Recorded again for long by that check: a returning customer months later is still recognised.
    clock += 300 * DAY;
    expect(await store.isRemembered(`web-session:${conversationKeyOf(token)}`)).toBe(true);
    expect(await sessions.isIssued(token)).toBe(true);
  });
});
