import { ImapFlow } from 'imapflow';
import type { Logger } from '../../src/logger';

/** Options of the mailbox reader. */
export interface ImapInboxOptions {
  /** `imap://user:password@host:143` (STARTTLS when offered) or `imaps://…:993`. */
  url: string;
  mailbox: string;
  /** How often the mailbox is checked besides IDLE (and the only check where IDLE is missing). */
  pollMs: number;
  /** Larger messages are taken in as their headers only. */
  maxBytes: number;
  /** Stores one message; resolves once it is safely stored, throws when it could not be. */
  receive: (raw: Buffer, info: { oversizeBytes?: number }) => Promise<unknown>;
  log: Logger;
  /** Wait before connecting again after the connection dropped. */
  reconnectMs?: number;
}

/**
 * Reads a mailbox over IMAP: IDLE tells of new mail at once, and a timer checks anyway every
 * `pollMs` (servers and proxies drop IDLE sessions quietly). Every unseen message is fetched
 * without touching its flags (BODY.PEEK), handed over, and marked `\Seen` only once it is
 * stored, so a message that could not be stored is tried again at the next check.
 */
export class ImapInbox {
  private client: ImapFlow | undefined;
  private stopped = false;
  private sweeping: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private reconnect: NodeJS.Timeout | undefined;

  constructor(private readonly options: ImapInboxOptions) {}

  /** Connects and starts watching the mailbox. */
  start(): void {
    void this.connect();
    this.timer = setInterval(() => this.kick(), this.options.pollMs);
    this.timer.unref();
  }

  /** Checks the mailbox now (or right after the check in progress). */
  kick(): void {
    if (this.stopped) return;
    if (this.sweeping) {
      this.again = true;
      return;
    }
    this.sweeping = this.loop().finally(() => {
      this.sweeping = undefined;
    });
  }

  /** Resolves when no check is running. */
  async settled(): Promise<void> {
    while (this.sweeping) await this.sweeping;
  }

  /** Stops watching, lets the message in hand finish and signs out. */
  async close(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    clearTimeout(this.reconnect);
    await this.settled();
    const client = this.client;
    this.client = undefined;
    if (client) await client.logout().catch(() => client.close());
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const url = new URL(this.options.url);
    const secure = url.protocol === 'imaps:';
    const client = new ImapFlow({
      host: url.hostname,
      port: Number(url.port) || (secure ? 993 : 143),
      secure,
      auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) },
      logger: false,
      // IDLE soon after each check, so new mail is heard of within a second, not after 15 s.
      autoIdleDelay: 1000,
    });
    client.on('error', (error: unknown) => this.options.log.warn({ err: error }, 'imap connection error'));
    client.on('exists', () => this.kick());
    client.on('close', () => {
      if (this.client === client) this.client = undefined;
      this.scheduleReconnect();
    });
    try {
      await client.connect();
      await client.mailboxOpen(this.options.mailbox);
      this.client = client;
      this.options.log.info(
        { mailbox: this.options.mailbox, idle: client.capabilities.has('IDLE') },
        'e-mail inbox ready',
      );
      this.kick();
    } catch (error) {
      // The URL can hold the password: log the host only.
      this.options.log.warn({ err: error, host: url.hostname }, 'could not open the mailbox; retrying');
      client.close();
      this.scheduleReconnect();
    }
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.reconnect) return;
    this.reconnect = setTimeout(() => {
      this.reconnect = undefined;
      void this.connect();
    }, this.options.reconnectMs ?? 5000);
    this.reconnect.unref();
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      await this.sweep().catch((error: unknown) =>
        this.options.log.warn({ err: error }, 'mailbox check failed'),
      );
    } while (this.again && !this.stopped);
  }

  /** Takes in every unseen message; returns how many were stored and marked seen. */
  private async sweep(): Promise<number> {
    const client = this.client;
    if (!client?.usable) return 0;
    const uids = (await client.search({ seen: false }, { uid: true })) || [];
    let taken = 0;
    for (const uid of uids) {
      if (this.stopped) break;
      const range = String(uid);
      const meta = await client.fetchOne(range, { size: true }, { uid: true });
      if (!meta) continue;
      const size = meta.size ?? 0;
      const oversize = size > this.options.maxBytes;
      const message = await client.fetchOne(range, oversize ? { headers: true } : { source: true }, {
        uid: true,
      });
      const raw = message ? (oversize ? message.headers : message.source) : undefined;
      if (!raw) continue;
      try {
        await this.options.receive(raw, oversize ? { oversizeBytes: size } : {});
      } catch (error) {
        this.options.log.warn({ err: error, uid }, 'e-mail not stored; left unseen for the next check');
        continue;
      }
      await client.messageFlagsAdd(range, ['\\Seen'], { uid: true });
      taken += 1;
    }
    return taken;
  }
}
