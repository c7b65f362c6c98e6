import fs from 'node:fs';
import path from 'node:path';
import { startImapServer, type ImapServer } from '../support/imap-server';
import { FakeTwilio } from '../support/fake-twilio';
import { startTestApp, type TestApp } from '../support/start-app';
import { postSigned } from '../support/twilio-webhooks';
import { waitFor } from '../support/wait-for';
import { composeMail, customerMessageId, mailgunForm, Mailbox, SmtpReceiver } from '../email/mail-fixtures';

/** Monday 30 November 2026, 12:00 UTC: within the default phone hours (the app's clock). */
const NOON = Date.UTC(2026, 10, 30, 12, 0);
const README = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');

/** The `KEY=value` lines of the README's code block marked `<!-- setup:NAME -->`. */
function setupBlock(name: string): Record<string, string> {
  const marker = README.indexOf(`<!-- setup:${name}`);
  if (marker < 0) throw new Error(`README has no setup:${name} block`);
  const block = /```sh\n([\s\S]*?)```/.exec(README.slice(marker));
  if (!block) throw new Error(`README's setup:${name} block has no sh code`);
  return Object.fromEntries(
    block[1]!
      .split('\n')
      .map((line) => /^([A-Z0-9_]+)=(\S+)/.exec(line.trim()))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => [match[1]!, match[2]!]),
  );
}

/** The path of a webhook URL the README tells the reader to paste into a provider's console. */
function readmeWebhookPath(ending: string): string {
  const match = new RegExp(`https://YOUR_HOST(/webhooks/[\\w/-]*${ending})`).exec(README);
  if (!match) throw new Error(`README names no webhook ending in ${ending}`);
  return match[1]!;
}

/**
 * The README's setup steps for the mailbox and the phone number, taken literally: the app starts
 * with exactly the settings the README lists (only the mail hosts point at the local dovecot and
 * SMTP receiver, and the Twilio API at the fake), and the webhook URLs the README names are the
 * ones that answer. What cannot be checked here is the providers' own consoles.
 */
describe('README setup for the support mailbox and the Twilio number', () => {
  let imap: ImapServer;
  let smtp: SmtpReceiver;
  let mailbox: Mailbox;
  let fake: FakeTwilio;
  let server: TestApp;
  const mail = setupBlock('mailbox');
  const phone = setupBlock('phone');

  beforeAll(async () => {
    imap = await startImapServer();
    smtp = await SmtpReceiver.start();
    mailbox = await Mailbox.open(imap, 'readme');
    fake = await FakeTwilio.start(phone.TWILIO_ACCOUNT_SID!, phone.TWILIO_AUTH_TOKEN!);
    server = await startTestApp({
      env: {
        ...mail,
        ...phone,
        SMTP_URL: smtp.url,
        IMAP_URL: `imap://readme:${imap.password}@${imap.host}:${imap.port}`,
        TWILIO_API_BASE_URL: fake.url,
      },
      overrides: { clock: () => NOON },
    });
  });
  afterAll(async () => {
    await server.cleanup();
    await mailbox.close();
    await smtp.stop();
    await fake.stop();
    await imap.stop();
  });

  it('lists only settings the server knows', () => {
    expect(Object.keys(mail)).toEqual(
      expect.arrayContaining(['SUPPORT_EMAIL', 'SMTP_URL', 'IMAP_URL', 'MAIL_WEBHOOK_SIGNING_KEY']),
    );
    for (const key of [...Object.keys(mail), ...Object.keys(phone)]) {
      expect(server.config).toHaveProperty(key);
    }
  });

  it('a mail to the mailbox is acknowledged from the support address', async () => {
    const id = customerMessageId();
    await mailbox.deliver(
      await composeMail({
        from: 'kim@customer.example',
        to: mail.SUPPORT_EMAIL,
        subject: 'Hello',
        messageId: id,
        text: 'Our trunk is down.',
      }),
    );
    const ack = await waitFor(() => smtp.sentTo('kim@customer.example')[0]);
    expect(ack.from?.value[0]?.address).toBe(mail.SUPPORT_EMAIL);
    expect(ack.inReplyTo).toBe(id);
  });

  it('the Mailgun route URL takes a post signed with the README key', async () => {
    const id = customerMessageId();
    const raw = await composeMail({
      from: 'lee@customer.example',
      to: mail.SUPPORT_EMAIL,
      subject: 'Invoice',
      messageId: id,
      text: 'A question about an invoice.',
    });
    const response = await fetch(`${server.url}${readmeWebhookPath('mime')}`, {
      method: 'POST',
      body: mailgunForm(mail.MAIL_WEBHOOK_SIGNING_KEY!, raw, NOON),
    });
    expect(response.status).toBe(200);
    await waitFor(() => server.app.store.findConversation('email', id));
  });

  it('a call to the voice URL, signed for PUBLIC_URL, is put through to the on-call number', async () => {
    const voicePath = readmeWebhookPath('voice');
    const params = {
      CallSid: `CA${'7'.repeat(32)}`,
      AccountSid: phone.TWILIO_ACCOUNT_SID!,
      From: '+14155550123',
      To: '+15005550006',
      CallStatus: 'ringing',
      Direction: 'inbound',
    };
    const response = await postSigned(server.url, voicePath, params, {
      token: phone.TWILIO_AUTH_TOKEN!,
      signedUrl: `${phone.PUBLIC_URL}${voicePath}`,
    });
    expect(response.status).toBe(200);
    const twiml = await response.text();
    expect(twiml).toContain(`>${phone.VOICE_ON_CALL_NUMBER}</Number>`);
    expect(twiml).toContain(`action="${phone.PUBLIC_URL}/webhooks/twilio/voice/after-dial"`);
  });
});
