import { createHmac, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { ImapFlow } from 'imapflow';
import { simpleParser, type ParsedMail } from 'mailparser';
import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';
import { SMTPServer } from 'smtp-server';
import type { ImapServer } from '../support/imap-server';

/** One e-mail the local SMTP receiver accepted, parsed. */
export interface ReceivedMail {
  to: string[];
  mail: ParsedMail;
}

/**
 * A real SMTP server (smtp-server) on 127.0.0.1, port 0, keeping what it is sent. Recipients in
 * `refuse` are answered `550 5.1.1`, as a receiving server refuses an unknown mailbox.
 */
export class SmtpReceiver {
  private constructor(
    private readonly server: SMTPServer,
    readonly url: string,
    readonly received: ReceivedMail[],
    readonly refuse: Set<string>,
  ) {}

  /** Starts a receiver without TLS or authentication. */
  static async start(): Promise<SmtpReceiver> {
    const received: ReceivedMail[] = [];
    const refuse = new Set<string>();
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (refuse.has(address.address.toLowerCase())) {
          const error = new Error('5.1.1 No such mailbox') as Error & { responseCode: number };
          error.responseCode = 550;
          callback(error);
          return;
        }
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          void simpleParser(Buffer.concat(chunks)).then((mail) => {
            received.push({ to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()), mail });
            callback();
          }, callback);
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.server.address() as AddressInfo;
    return new SmtpReceiver(server, `smtp://127.0.0.1:${port}`, received, refuse);
  }

  /** What was sent to one address. */
  sentTo(address: string): ParsedMail[] {
    return this.received.filter((r) => r.to.includes(address.toLowerCase())).map((r) => r.mail);
  }

  /** Stops the server. */
  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** A raw RFC 5322 message built by nodemailer's composer, as a customer's mail client sends it. */
export async function composeMail(options: Mail.Options): Promise<Buffer> {
  return new MailComposer(options).compile().build();
}

/** A fresh Message-ID on the customer's domain. */
export function customerMessageId(): string {
  return `<${randomBytes(8).toString('hex')}@customer.example>`;
}

/** Drops raw messages into a user's INBOX, as the mail server does when mail arrives. */
export class Mailbox {
  private constructor(private readonly client: ImapFlow) {}

  /** Signs in as `user` on the test IMAP server. */
  static async open(server: ImapServer, user: string): Promise<Mailbox> {
    const client = new ImapFlow({
      host: server.host,
      port: server.port,
      secure: false,
      auth: { user, pass: server.password },
      logger: false,
    });
    await client.connect();
    return new Mailbox(client);
  }

  /** Delivers one message (unseen). */
  async deliver(raw: Buffer): Promise<void> {
    await this.client.append('INBOX', raw);
  }

  /** How many messages of the INBOX are still unseen. */
  async unseen(): Promise<number> {
    const status = await this.client.status('INBOX', { unseen: true });
    return status ? (status.unseen ?? 0) : 0;
  }

  /** Signs out. */
  async close(): Promise<void> {
    await this.client.logout();
  }
}

/** A Mailgun-style signed multipart form (HMAC-SHA256 of timestamp + token under the signing key). */
export function mailgunForm(signingKey: string, raw: Buffer, nowMs = Date.now()): FormData {
  const timestamp = String(Math.floor(nowMs / 1000));
  const token = randomBytes(25).toString('hex');
  const signature = createHmac('sha256', signingKey).update(`${timestamp}${token}`).digest('hex');
  const form = new FormData();
  form.set('timestamp', timestamp);
  form.set('token', token);
  form.set('signature', signature);
  form.set('body-mime', raw.toString('utf8'));
  return form;
}
