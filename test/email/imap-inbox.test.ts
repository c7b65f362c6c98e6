import { randomBytes } from 'node:crypto';
import { ImapInbox } from '../../adapters/email/imap-inbox';
import { createLogger } from '../../src/logger';
import { startImapServer, type ImapServer } from '../support/imap-server';
import { waitFor } from '../support/wait-for';
import { composeMail, customerMessageId, Mailbox } from './mail-fixtures';

describe('IMAP inbox against dovecot', () => {
  let imap: ImapServer;
  let mailbox: Mailbox;
  let inbox: ImapInbox | undefined;
  let user: string;

  beforeAll(async () => {
    imap = await startImapServer();
  });
  afterAll(async () => {
    await imap.stop();
  });
  beforeEach(async () => {
    user = `inbox-${randomBytes(4).toString('hex')}`;
    mailbox = await Mailbox.open(imap, user);
  });
  afterEach(async () => {
    await inbox?.close();
    inbox = undefined;
    await mailbox.close();
  });

  const start = (receive: (raw: Buffer) => Promise<unknown>, pollMs: number) => {
    inbox = new ImapInbox({
      url: `imap://${user}:${imap.password}@${imap.host}:${imap.port}`,
      mailbox: 'INBOX',
      pollMs,
      maxBytes: 1024 * 1024,
      receive,
      log: createLogger('silent'),
    });
    inbox.start();
    return inbox;
  };
  const mail = (text: string) =>
    composeMail({
      from: 'a@customer.example',
      to: 'support@desk.example',
      messageId: customerMessageId(),
      text,
    });

  it('hears of new mail through IDLE without waiting for the poll', async () => {
    const seen: string[] = [];
    start(async (raw) => seen.push(raw.toString()), 60_000);
    // Signed in, checked the empty mailbox, and gone IDLE a second later.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const started = Date.now();
    await mailbox.deliver(await mail('first'));
    await waitFor(() => seen.find((raw) => raw.includes('first')), 5000);
    expect(Date.now() - started).toBeLessThan(3000);
    await waitFor(async () => (await mailbox.unseen()) === 0);
  });

  it('leaves a message unseen while it cannot be stored, and takes it at the next check', async () => {
    let storeUp = false;
    const stored: string[] = [];
    start(async (raw) => {
      if (!storeUp) throw new Error('store is down');
      stored.push(raw.toString());
    }, 500);
    await mailbox.deliver(await mail('while the store is down'));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(stored).toHaveLength(0);
    expect(await mailbox.unseen()).toBe(1);
    storeUp = true;
    await waitFor(() => stored.find((raw) => raw.includes('while the store is down')), 5000);
    await waitFor(async () => (await mailbox.unseen()) === 0, 5000);
    expect(stored).toHaveLength(1);
  });
});
