import type { Conversation } from '../../src/model/conversation';
import type { TranscriptMessage } from '../../src/model/message';
import { MAILGUN_WEBHOOK_PATH } from '../../adapters/email/mailgun-webhook';
import { startImapServer, type ImapServer } from '../support/imap-server';
import { TINY_PNG } from '../support/telegram-updates';
import { waitFor } from '../support/wait-for';
import { startEmailDesk, SUPPORT, type EmailDesk } from './email-desk';
import { composeMail, customerMessageId, mailgunForm } from './mail-fixtures';

const CUSTOMER = 'lee@customer.example';
const SIGNING_KEY = 'key-3ax6xnjp29jd6fds4gc373sgvjxteol0';

describe('e-mail safety: HTML, attachments, duplicates, loops, bounces and refusals', () => {
  let imap: ImapServer;
  let desk: EmailDesk;

  beforeAll(async () => {
    imap = await startImapServer();
  });
  afterAll(async () => {
    await imap.stop();
  });
  afterEach(async () => {
    await desk.close();
  });

  const store = () => desk.server.app.store;
  const conversationOf = (key: string, timeoutMs = 8000) =>
    waitFor(() => store().findConversation('email', key), timeoutMs);
  const customerMessages = async (conversation: Conversation): Promise<TranscriptMessage[]> =>
    (await store().getMessages(conversation.id)).filter((m) => m.author === 'customer');
  const botMessages = async (conversation: Conversation): Promise<TranscriptMessage[]> =>
    (await store().getMessages(conversation.id)).filter((m) => m.author === 'bot');
  const settle = (ms = 2500) => new Promise((resolve) => setTimeout(resolve, ms));

  it('reads an HTML-only e-mail as plain text and keeps its screenshot for the agent, naming what it could not keep', async () => {
    desk = await startEmailDesk(imap);
    const id = customerMessageId();
    await desk.mailbox.deliver(
      await composeMail({
        from: CUSTOMER,
        to: SUPPORT,
        subject: 'Dashboard is blank',
        messageId: id,
        html:
          '<html><head><style>p{color:red}</style><script>alert("x")</script></head><body>' +
          '<p>Our <b>dashboard</b> shows a blank page since the update.</p>' +
          '<p>See <a href="https://acme.example/screens">our screens</a>.</p></body></html>',
        attachments: [
          { filename: 'screen.png', content: TINY_PNG, contentType: 'image/png' },
          { filename: 'setup.exe', content: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]) },
        ],
      }),
    );
    const conversation = await conversationOf(id);
    const [message] = await waitFor(async () => {
      const found = await customerMessages(conversation);
      return found.length > 0 ? found : undefined;
    });
    expect(message!.text).toContain('Our dashboard shows a blank page since the update.');
    expect(message!.text).toContain('our screens [https://acme.example/screens]');
    expect(message!.text).not.toMatch(/<|alert|color:red/);
    expect(message!.text).toContain(
      '[Note for the agent: not kept, the console shows only images, PDF and text: setup.exe',
    );
    expect(message!.attachments).toEqual([
      expect.objectContaining({ kind: 'image', name: 'screen.png', mimeType: 'image/png' }),
    ]);
    const download = await fetch(`${desk.server.url}${message!.attachments![0]!.url}`, {
      headers: { cookie: desk.cookie },
    });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(TINY_PNG)).toBe(true);
    const ticket = await waitFor(async () => (await store().getConversation(conversation.id))?.brief);
    expect(ticket.attachments).toEqual([message!.attachments![0]!.url]);
  });

  it('takes a mail in once, whether the mailbox shows it twice or the webhook posts it again; forged posts are refused', async () => {
    desk = await startEmailDesk(imap, { MAIL_WEBHOOK_SIGNING_KEY: SIGNING_KEY });
    const id = customerMessageId();
    const raw = await composeMail({
      from: CUSTOMER,
      to: SUPPORT,
      subject: 'Invoice question',
      messageId: id,
      text: 'Why was I charged twice in November?',
    });
    const forged = mailgunForm('not-the-key', raw);
    const refused = await fetch(`${desk.server.url}${MAILGUN_WEBHOOK_PATH}`, {
      method: 'POST',
      body: forged,
    });
    expect(refused.status).toBe(401);
    const stale = mailgunForm(SIGNING_KEY, raw, Date.now() - 60 * 60 * 1000);
    expect(
      (await fetch(`${desk.server.url}${MAILGUN_WEBHOOK_PATH}`, { method: 'POST', body: stale })).status,
    ).toBe(401);
    expect(await store().findConversation('email', id)).toBeUndefined();

    const signed = await fetch(`${desk.server.url}${MAILGUN_WEBHOOK_PATH}`, {
      method: 'POST',
      body: mailgunForm(SIGNING_KEY, raw),
    });
    expect(signed.status).toBe(200);
    const conversation = await conversationOf(id);
    await desk.mailbox.deliver(raw);
    await desk.mailbox.deliver(raw);
    const again = await fetch(`${desk.server.url}${MAILGUN_WEBHOOK_PATH}`, {
      method: 'POST',
      body: mailgunForm(SIGNING_KEY, raw),
    });
    expect(again.status).toBe(200);
    await waitFor(async () => (await desk.mailbox.unseen()) === 0, 8000);
    await settle(500);
    expect(await customerMessages(conversation)).toHaveLength(1);
    expect(await botMessages(conversation)).toHaveLength(1);
    expect(desk.smtp.sentTo(CUSTOMER)).toHaveLength(1);
  });

  it('answers no robot, list, bulk mail or our own address, and marks them seen', async () => {
    desk = await startEmailDesk(imap);
    const robots = [
      {
        from: 'calendar@vendor.example',
        headers: { 'Auto-Submitted': 'auto-replied' },
        subject: 'Out of office',
      },
      { from: 'news@vendor.example', headers: { Precedence: 'bulk' }, subject: 'Our newsletter' },
      { from: 'members@lists.example', headers: { 'List-Id': '<voip.lists.example>' }, subject: 'Digest' },
      { from: SUPPORT, headers: {}, subject: '[T-ABCDE] New ticket' },
      { from: 'MAILER-DAEMON@mx.example', headers: {}, subject: 'Undeliverable' },
    ];
    const ids: string[] = [];
    for (const robot of robots) {
      const messageId = customerMessageId();
      ids.push(messageId);
      await desk.mailbox.deliver(
        await composeMail({ ...robot, to: SUPPORT, messageId, text: 'Automatic message' }),
      );
    }
    const marker = customerMessageId();
    await desk.mailbox.deliver(
      await composeMail({
        from: CUSTOMER,
        to: SUPPORT,
        subject: 'Real',
        messageId: marker,
        text: 'A real question',
      }),
    );
    await conversationOf(marker);
    await waitFor(async () => (await desk.mailbox.unseen()) === 0, 8000);
    await settle(500);
    for (const id of ids) expect(await store().findConversation('email', id)).toBeUndefined();
    // Besides the one acknowledgement, only the desk's own ticket copy went out (SMTP_URL mails tickets).
    const recipients = desk.smtp.received.flatMap((r) => r.to).filter((to) => to !== SUPPORT);
    expect(recipients).toEqual([CUSTOMER]);
  });

  it('shows a bounce and an SMTP refusal on the message, like an SMS delivery failure', async () => {
    desk = await startEmailDesk(imap);
    const id = customerMessageId();
    await desk.mailbox.deliver(
      await composeMail({
        from: CUSTOMER,
        to: SUPPORT,
        subject: 'Routing',
        messageId: id,
        text: 'Route fails',
      }),
    );
    const conversation = await conversationOf(id);
    const ack = await waitFor(() => desk.smtp.sentTo(CUSTOMER)[0]);
    const bounce = [
      `From: Mail Delivery System <MAILER-DAEMON@customer.example>`,
      `To: ${SUPPORT}`,
      'Subject: Undelivered Mail Returned to Sender',
      `Message-ID: ${customerMessageId()}`,
      'Auto-Submitted: auto-replied',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain',
      '',
      'Your message could not be delivered.',
      '',
      '--b1',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.customer.example',
      '',
      `Final-Recipient: rfc822; ${CUSTOMER}`,
      'Action: failed',
      'Status: 5.1.1',
      `Diagnostic-Code: smtp; 550 5.1.1 <${CUSTOMER}>: Recipient address rejected`,
      '',
      '--b1',
      'Content-Type: text/rfc822-headers',
      '',
      `Message-ID: ${ack.messageId}`,
      `Subject: ${ack.subject}`,
      '',
      '--b1--',
      '',
    ].join('\r\n');
    await desk.mailbox.deliver(Buffer.from(bounce));
    const bounced = await waitFor(
      async () => (await botMessages(conversation)).find((m) => m.delivery?.status === 'undelivered'),
      8000,
    );
    expect(bounced.delivery?.error).toBe(`Bounced: 550 5.1.1 <${CUSTOMER}>: Recipient address rejected`);
    expect(await customerMessages(conversation)).toHaveLength(1);

    // A receiving server that refuses the address outright: the message shows failed at once.
    const refusedCustomer = 'gone@customer.example';
    desk.smtp.refuse.add(refusedCustomer);
    const second = customerMessageId();
    await desk.mailbox.deliver(
      await composeMail({
        from: refusedCustomer,
        to: SUPPORT,
        subject: 'Hello',
        messageId: second,
        text: 'Hi',
      }),
    );
    const other = await conversationOf(second);
    const failed = await waitFor(
      async () => (await botMessages(other)).find((m) => m.delivery?.status === 'failed'),
      8000,
    );
    expect(failed.delivery?.error).toMatch(/^The mail server refused the e-mail: .*550/);
  });

  it('takes an oversized e-mail as its headers with a note, and cuts an overlong text with a note', async () => {
    desk = await startEmailDesk(imap, { EMAIL_MAX_BYTES: '20000' });
    const big = customerMessageId();
    await desk.mailbox.deliver(
      await composeMail({
        from: CUSTOMER,
        to: SUPPORT,
        subject: 'Logs attached',
        messageId: big,
        text: 'Logs attached.',
        attachments: [{ filename: 'trace.txt', content: 'x'.repeat(40_000) }],
      }),
    );
    const large = await conversationOf(big);
    const [taken] = await waitFor(async () => {
      const found = await customerMessages(large);
      return found.length > 0 ? found : undefined;
    });
    expect(taken!.text).toMatch(/^Subject: Logs attached\n/);
    expect(taken!.text).toMatch(
      /\[Note for the agent: this e-mail is \d+ KB, over the 20 KB limit: only its headers/,
    );

    const long = customerMessageId();
    await desk.mailbox.deliver(
      await composeMail({
        from: CUSTOMER,
        to: SUPPORT,
        subject: 'Long story',
        messageId: long,
        text: 'word '.repeat(1500),
      }),
    );
    const story = await conversationOf(long);
    const [cut] = await waitFor(async () => {
      const found = await customerMessages(story);
      return found.length > 0 ? found : undefined;
    });
    expect(cut!.text.length).toBeLessThanOrEqual(4000);
    expect(cut!.text).toContain(
      '[Note for the agent: the e-mail is 7499 characters long; the rest was cut here.',
    );
  });
});
