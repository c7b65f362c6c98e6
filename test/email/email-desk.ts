import { randomBytes } from 'node:crypto';
import type { AppOverrides } from '../../app/create-app';
import type { ImapServer } from '../support/imap-server';
import {
  connectAgent,
  nextEvent,
  signIn,
  startTestApp,
  type ConsoleSocket,
  type TestApp,
} from '../support/start-app';
import { Mailbox, SmtpReceiver } from './mail-fixtures';

/** The support address of the desk under test. */
export const SUPPORT = 'support@desk.example';

/** A running desk: the app reading its own mailbox, an SMTP receiver for what it sends, an agent. */
export interface EmailDesk {
  server: TestApp;
  smtp: SmtpReceiver;
  mailbox: Mailbox;
  agent: ConsoleSocket;
  /** The agent's session cookie (downloads of kept attachments). */
  cookie: string;
  /** Stops everything the desk started. */
  close(): Promise<void>;
}

/**
 * Starts the whole app with the e-mail channel on a fresh mailbox of the test IMAP server (its
 * static passdb takes any user name, so every desk reads its own INBOX) and a fresh SMTP receiver.
 */
export async function startEmailDesk(
  imap: ImapServer,
  env: Record<string, string> = {},
  overrides: AppOverrides = {},
): Promise<EmailDesk> {
  const user = `desk-${randomBytes(4).toString('hex')}`;
  const smtp = await SmtpReceiver.start();
  const mailbox = await Mailbox.open(imap, user);
  const server = await startTestApp({
    env: {
      SUPPORT_EMAIL: SUPPORT,
      SMTP_URL: smtp.url,
      IMAP_URL: `imap://${user}:${imap.password}@${imap.host}:${imap.port}`,
      IMAP_POLL_SECONDS: '1',
      ...env,
    },
    overrides,
  });
  const cookie = await signIn(server.url);
  const agent = connectAgent(server.url, cookie);
  await nextEvent(agent, 'hello');
  return {
    server,
    smtp,
    mailbox,
    agent,
    cookie,
    close: async () => {
      agent.close();
      await server.cleanup();
      await mailbox.close();
      await smtp.stop();
    },
  };
}
