import type { Express } from 'express';
import nodemailer from 'nodemailer';
import type { Config } from '../../src/config';
import type { Engine } from '../../src/engine/engine';
import type { MessageUnderstanding } from '../../src/understanding/understander';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base';
import type { Logger } from '../../src/logger';
import type { SupportPolicy } from '../../src/policy/policy-schema';
import type { TicketService } from '../../src/tickets/ticket-service';
import type { FixConfirmation } from '../../src/tickets/fix-confirmation';
import { EmailChannel } from './email-channel';
import { EmailInbound, type EmailInboundStore } from './email-inbound';
import type { ConversationStore } from '../../src/store/ports';
import { ImapInbox } from './imap-inbox';
import { MAILGUN_WEBHOOK_PATH, mailgunInboundRoute } from './mailgun-webhook';

/** Largest single attachment kept from an e-mail. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** A running e-mail channel. */
export interface EmailAttachment {
  inbound: EmailInbound;
  inbox?: ImapInbox;
  /** Stops reading the mailbox and waits for the message in hand. */
  close(): Promise<void>;
}

/** What the e-mail adapter is built from. */
export interface AttachEmailOptions {
  config: Config;
  engine: Engine;
  /** What the channel and the inbound side read and write (see EmailInboundStore). */
  store: EmailInboundStore & Pick<ConversationStore, 'updateConversation'>;
  app: Express;
  tickets: TicketService;
  policy: SupportPolicy;
  log: Logger;
  knowledge?: KnowledgeBase;
  /** Reads a new e-mail for the severity its words suggest ("the whole platform is down"). */
  understanding?: MessageUnderstanding;
  /** Reads a reply about a proposed fix as "works" or "still broken". */
  fixConfirmation?: FixConfirmation;
  clock?: () => number;
}

/**
 * Starts the e-mail channel when SUPPORT_EMAIL and a way in (IMAP_URL or
 * MAIL_WEBHOOK_SIGNING_KEY) are configured: registers the SMTP channel (with SMTP_URL), reads
 * the mailbox over IMAP and mounts the signed Mailgun webhook.
 */
export function attachEmail(options: AttachEmailOptions): EmailAttachment | undefined {
  const { config, engine, app, log } = options;
  const address = config.SUPPORT_EMAIL?.toLowerCase();
  if (!address || (!config.IMAP_URL && !config.MAIL_WEBHOOK_SIGNING_KEY)) return undefined;
  const domain = address.split('@')[1] ?? 'localhost';

  if (config.SMTP_URL) {
    engine.registerChannel(
      new EmailChannel({
        transport: nodemailer.createTransport(config.SMTP_URL),
        store: options.store,
        address,
        fromName: config.EMAIL_FROM_NAME,
        messageIdDomain: domain,
        dataDir: config.DATA_DIR,
      }),
    );
  } else {
    log.warn('SMTP_URL is not set: e-mails are taken in, but agents cannot answer them by e-mail');
  }
  const inbound = new EmailInbound({
    engine,
    store: options.store,
    tickets: options.tickets,
    policy: options.policy,
    log,
    dataDir: config.DATA_DIR,
    ownAddresses: [address],
    messageIdDomain: domain,
    files: {
      maxFiles: config.EMAIL_MAX_ATTACHMENTS,
      maxFileBytes: MAX_FILE_BYTES,
      maxEmailBytes: config.EMAIL_MAX_BYTES,
    },
    maxTextLength: config.MAX_MESSAGE_LENGTH,
    ...(options.knowledge && { knowledge: options.knowledge }),
    ...(options.understanding && { understanding: options.understanding }),
    ...(options.fixConfirmation && { fixConfirmation: options.fixConfirmation }),
    ...(options.clock && { now: options.clock }),
  });

  if (config.MAIL_WEBHOOK_SIGNING_KEY) {
    app.post(
      MAILGUN_WEBHOOK_PATH,
      mailgunInboundRoute({
        signingKey: config.MAIL_WEBHOOK_SIGNING_KEY,
        maxBytes: config.EMAIL_MAX_BYTES,
        receive: (raw) => inbound.receive(raw),
        log,
        ...(options.clock && { now: options.clock }),
      }),
    );
  }
  const inbox = config.IMAP_URL
    ? new ImapInbox({
        url: config.IMAP_URL,
        mailbox: config.IMAP_MAILBOX,
        pollMs: config.IMAP_POLL_SECONDS * 1000,
        maxBytes: config.EMAIL_MAX_BYTES,
        receive: (raw, info) => inbound.receive(raw, info),
        log,
      })
    : undefined;
  inbox?.start();
  log.info(
    { address, imap: Boolean(inbox), webhook: Boolean(config.MAIL_WEBHOOK_SIGNING_KEY) },
    'e-mail channel ready',
  );
  return {
    inbound,
    ...(inbox && { inbox }),
    close: async () => {
      await inbox?.close();
    },
  };
}
