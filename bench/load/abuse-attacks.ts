import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { io as connect, type Socket } from 'socket.io-client';

/** What one kind of attack got from the server during the flood. */
export interface AttackTally {
  /** Requests, events or handshakes sent. */
  sent: number;
  /** Let through (2xx, an ok ack, a session). */
  accepted: number;
  /** Refused by a limit (429, `rate_limited`). */
  limited: number;
  /** Refused otherwise (401, 403, 404, 413, 415, other 4xx or error acks). */
  refused: number;
  /** 5xx answers: each is a failure of the edge. */
  serverErrors: number;
  /** No answer at all (connection reset, timeout). */
  unanswered: number;
}

/** Where the attacks go and where they come from. */
export interface AttackTarget {
  url: string;
  /** The attacker's source address (a loopback alias), so its per-address limits are its own. */
  localAddress: string | undefined;
  /** The Telegram webhook secret the server holds, to send webhooks that pass it but are malformed. */
  telegramSecret: string;
  deadline: number;
}

const emptyTally = (): AttackTally => ({
  sent: 0,
  accepted: 0,
  limited: 0,
  refused: 0,
  serverErrors: 0,
  unanswered: 0,
});

/** The attacks of issue 14, each a loop until the deadline; every count is what the server answered. */
export class AbuseAttacks {
  readonly tallies = {
    mintedSessions: emptyTally(),
    messages: emptyTally(),
    uploads: emptyTally(),
    inventedTokenUploads: emptyTally(),
    feedback: emptyTally(),
    typing: emptyTally(),
    logins: emptyTally(),
    malformedWebhooks: emptyTally(),
  };
  /** Sessions the server issued to the attacker (at most what its per-address allowance lets through). */
  private readonly minted: { socket: Socket; token: string }[] = [];
  private readonly agent: http.Agent;

  constructor(private readonly target: AttackTarget) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  }

  /** Runs every attack at once until the deadline, with `parallel` loops each. */
  async run(parallel: number): Promise<void> {
    const loops = (attack: () => Promise<void>) =>
      Array.from({ length: parallel }, async () => {
        while (Date.now() < this.target.deadline) await attack();
      });
    await Promise.all([
      ...loops(() => this.mintSession()),
      ...loops(() => this.floodMessages()),
      ...loops(() => this.upload()),
      ...loops(() => this.uploadWithInventedToken()),
      ...loops(() => this.floodFeedback()),
      ...loops(() => this.floodTyping()),
      ...loops(() => this.guessLogin()),
      ...loops(() => this.sendMalformedWebhook()),
    ]);
  }

  /** Closes every socket and connection the attacker still holds. */
  close(): void {
    for (const { socket } of this.minted.splice(0)) socket.close();
    this.agent.destroy();
  }

  /** A new chat session with no token or an invented one, kept open while accepted (up to 200). */
  private async mintSession(): Promise<void> {
    const tally = this.tallies.mintedSessions;
    tally.sent += 1;
    const offered = Math.random() < 0.5 ? {} : { token: randomBytes(32).toString('base64url') };
    const socket = connect(`${this.target.url}/chat`, {
      auth: offered,
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      timeout: 10_000,
      ...(this.target.localAddress && { localAddress: this.target.localAddress }),
    });
    const outcome = await new Promise<string>((resolve) => {
      const timer = setTimeout(() => resolve('timeout'), 10_000);
      socket.once('session', (session: { token: string }) => {
        clearTimeout(timer);
        this.minted.push({ socket, token: session.token });
        resolve('accepted');
      });
      socket.once('connect_error', (error: Error & { data?: { code?: string } }) => {
        clearTimeout(timer);
        resolve(error.data?.code ?? 'error');
      });
    });
    if (outcome === 'accepted') {
      tally.accepted += 1;
      // The oldest session goes once 200 are open: the attacker keeps a working set, not every one.
      if (this.minted.length > 200) this.minted.shift()?.socket.close();
      return;
    }
    socket.close();
    if (outcome === 'rate_limited') tally.limited += 1;
    else if (outcome === 'timeout' || outcome === 'error') tally.unanswered += 1;
    else tally.refused += 1;
    // A refused handshake costs the server little; pace the loop so it is not just a CPU burner.
    await pause(20);
  }

  private session(): { socket: Socket; token: string } | undefined {
    return this.minted[Math.floor(Math.random() * this.minted.length)];
  }

  /** Messages ten at a time without waiting for answers in between, on the attacker's sessions. */
  private async floodMessages(): Promise<void> {
    const session = this.session();
    if (!session) return pause(50);
    await Promise.all(
      Array.from({ length: 10 }, () =>
        this.ack(this.tallies.messages, session.socket, 'message', {
          text: `flood ${randomBytes(6).toString('hex')}`,
          clientId: randomBytes(8).toString('hex'),
        }),
      ),
    );
  }

  private async floodFeedback(): Promise<void> {
    const session = this.session();
    if (!session) return pause(50);
    await this.ack(this.tallies.feedback, session.socket, 'feedback', { seq: 1, helpful: false });
  }

  /** Typing signals have no acknowledgement: sent in bursts, counted as sent only. */
  private async floodTyping(): Promise<void> {
    const session = this.session();
    if (!session) return pause(50);
    for (let i = 0; i < 50; i += 1) session.socket.emit('typing', i % 2 === 0);
    this.tallies.typing.sent += 50;
    await pause(10);
  }

  /** Half-megabyte text files on an issued session. */
  private async upload(): Promise<void> {
    const session = this.session();
    if (!session) return pause(50);
    await this.post(this.tallies.uploads, '/api/chat/uploads', UPLOAD_BODY, {
      'content-type': 'text/plain',
      'x-chat-token': session.token,
    });
  }

  private async uploadWithInventedToken(): Promise<void> {
    await this.post(this.tallies.inventedTokenUploads, '/api/chat/uploads', UPLOAD_BODY, {
      'content-type': 'text/plain',
      'x-chat-token': randomBytes(32).toString('base64url'),
    });
  }

  /** Password guesses on spellings of `admin`, each with a made-up X-Forwarded-For. */
  private async guessLogin(): Promise<void> {
    const spelling = ADMIN_SPELLINGS[Math.floor(Math.random() * ADMIN_SPELLINGS.length)];
    await this.post(
      this.tallies.logins,
      '/console/api/login',
      JSON.stringify({ username: spelling, password: randomBytes(9).toString('base64') }),
      {
        'content-type': 'application/json',
        'x-forwarded-for': `10.${randomOctet()}.${randomOctet()}.${randomOctet()}`,
      },
    );
  }

  /** Webhooks that pass no check, or pass the secret but carry nonsense. */
  private async sendMalformedWebhook(): Promise<void> {
    const pick = Math.floor(Math.random() * 4);
    if (pick === 0) {
      await this.post(this.tallies.malformedWebhooks, '/webhooks/telegram', '{"update_id":', {
        'content-type': 'application/json',
        'x-telegram-bot-api-secret-token': 'wrong-secret',
      });
    } else if (pick === 1) {
      await this.post(
        this.tallies.malformedWebhooks,
        '/webhooks/telegram',
        JSON.stringify({ update_id: Date.now(), message: { text: ['not', 'text'], chat: null } }),
        { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': this.target.telegramSecret },
      );
    } else {
      await this.post(
        this.tallies.malformedWebhooks,
        pick === 2 ? '/webhooks/twilio/sms' : '/webhooks/twilio/status',
        'From=%2B15550001111&Body=hi&Body=again&MessageSid=SM1',
        { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'forged' },
      );
    }
  }

  private async ack(tally: AttackTally, socket: Socket, event: string, payload: unknown): Promise<void> {
    tally.sent += 1;
    if (!socket.connected) {
      tally.unanswered += 1;
      return pause(20);
    }
    try {
      const answer = (await socket.timeout(10_000).emitWithAck(event, payload)) as {
        ok: boolean;
        error?: { code: string };
      };
      if (answer.ok) tally.accepted += 1;
      else if (answer.error?.code === 'rate_limited') tally.limited += 1;
      else if (answer.error?.code === 'internal') tally.serverErrors += 1;
      else tally.refused += 1;
    } catch {
      tally.unanswered += 1;
    }
  }

  private post(
    tally: AttackTally,
    path: string,
    body: string | Buffer,
    headers: Record<string, string>,
  ): Promise<void> {
    tally.sent += 1;
    const { hostname, port } = new URL(this.target.url);
    return new Promise((resolve) => {
      const request = http.request(
        {
          host: hostname,
          port,
          path,
          method: 'POST',
          agent: this.agent,
          headers: { ...headers, 'content-length': Buffer.byteLength(body) },
          timeout: 15_000,
          ...(this.target.localAddress && { localAddress: this.target.localAddress }),
        },
        (response) => {
          response.resume();
          response.on('end', () => {
            const status = response.statusCode ?? 0;
            if (status < 300) tally.accepted += 1;
            else if (status === 429) tally.limited += 1;
            else if (status >= 500) tally.serverErrors += 1;
            else tally.refused += 1;
            resolve();
          });
        },
      );
      request.on('timeout', () => request.destroy(new Error('timeout')));
      request.on('error', () => {
        tally.unanswered += 1;
        resolve();
      });
      request.end(body);
    });
  }
}

const UPLOAD_BODY = Buffer.alloc(512 * 1024, 'a');
const ADMIN_SPELLINGS = ['admin', ' admin', 'admin ', 'ADMIN', 'Admin', 'admin\u00a0', '\u00a0admin'];

function randomOctet(): number {
  return Math.floor(Math.random() * 256);
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
