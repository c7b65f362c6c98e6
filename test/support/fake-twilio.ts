import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A message the app asked the fake Twilio to send. */
export interface FakeSms {
  sid: string;
  to: string;
  from?: string;
  messagingServiceSid?: string;
  body: string;
  statusCallback?: string;
}

/** A Twilio REST error the next send answers with (`code` as in Twilio's error dictionary). */
export interface FakeTwilioFailure {
  status: number;
  code: number;
  message: string;
}

/**
 * A local Twilio REST API for tests: a real HTTP server implementing
 * `POST /2010-04-01/Accounts/{sid}/Messages.json` with the basic auth check, answering with
 * realistic JSON (an `SM…` sid, status `queued`), recording every message, failing on demand, and
 * serving MMS media and call recordings (`…/Recordings/{sid}.mp3`) to the account's credentials only.
 */
export class FakeTwilio {
  readonly sent: FakeSms[] = [];
  readonly unauthorized: string[] = [];
  private readonly failures: FakeTwilioFailure[] = [];
  private readonly media = new Map<string, Buffer>();
  private readonly recordings = new Map<string, Buffer>();
  /** Recording downloads, by sid, as the app fetched them. */
  readonly recordingDownloads: string[] = [];

  private constructor(
    private readonly server: http.Server,
    /** Pass as TWILIO_API_BASE_URL. */
    readonly url: string,
    readonly accountSid: string,
    private readonly authToken: string,
  ) {}

  /** Starts the fake on a free loopback port. */
  static async start(accountSid: string, authToken: string): Promise<FakeTwilio> {
    const handlers: ((req: http.IncomingMessage, res: http.ServerResponse) => void)[] = [];
    const server = http.createServer((req, res) => handlers.forEach((handle) => handle(req, res)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const fake = new FakeTwilio(server, url, accountSid, authToken);
    handlers.push((req, res) => void fake.handle(req, res));
    return fake;
  }

  /** Makes the next sends fail, in order. */
  failNext(...failures: FakeTwilioFailure[]): void {
    this.failures.push(...failures);
  }

  /** Serves a media file (an MMS attachment) and returns its URL. */
  addMedia(name: string, bytes: Buffer): string {
    this.media.set(name, bytes);
    return `${this.url}/2010-04-01/Accounts/${this.accountSid}/Messages/MM1/Media/${name}`;
  }

  /**
   * Serves a call recording as Twilio does (`GET …/Recordings/{sid}.mp3`, account credentials
   * only) and returns the `RecordingUrl` Twilio posts in its callbacks (no extension).
   */
  addRecording(sid: string, mp3: Buffer): string {
    this.recordings.set(sid, mp3);
    return `${this.url}/2010-04-01/Accounts/${this.accountSid}/Recordings/${sid}`;
  }

  /** Messages sent to a number so far. */
  sentTo(number: string): FakeSms[] {
    return this.sent.filter((m) => m.to === number);
  }

  /** Stops the server. */
  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const expected = `Basic ${Buffer.from(`${this.accountSid}:${this.authToken}`).toString('base64')}`;
    if (req.headers.authorization !== expected) {
      this.unauthorized.push(url.pathname);
      json(res, 401, {
        code: 20003,
        message: 'Authenticate',
        more_info: 'https://www.twilio.com/docs/errors/20003',
        status: 401,
      });
      return;
    }
    const media = /^\/2010-04-01\/Accounts\/AC\w+\/Messages\/MM\w+\/Media\/(.+)$/.exec(url.pathname);
    if (req.method === 'GET' && media) {
      const bytes = this.media.get(media[1]!);
      if (!bytes) return json(res, 404, { code: 20404, message: 'Not found', status: 404 });
      res.writeHead(200, { 'content-type': 'image/png' }).end(bytes);
      return;
    }
    const recording = /^\/2010-04-01\/Accounts\/(AC\w+)\/Recordings\/(RE\w+)\.mp3$/.exec(url.pathname);
    if (req.method === 'GET' && recording) {
      const bytes = recording[1] === this.accountSid ? this.recordings.get(recording[2]!) : undefined;
      if (!bytes) return json(res, 404, { code: 20404, message: 'Not found', status: 404 });
      this.recordingDownloads.push(recording[2]!);
      res.writeHead(200, { 'content-type': 'audio/mpeg' }).end(bytes);
      return;
    }
    if (req.method !== 'POST' || url.pathname !== `/2010-04-01/Accounts/${this.accountSid}/Messages.json`) {
      json(res, 404, { code: 20404, message: 'The requested resource was not found', status: 404 });
      return;
    }
    const form = new URLSearchParams(await readBody(req));
    const failure = this.failures.shift();
    if (failure) {
      json(res, failure.status, {
        ...failure,
        more_info: `https://www.twilio.com/docs/errors/${failure.code}`,
      });
      return;
    }
    const to = form.get('To');
    const body = form.get('Body');
    if (!to || body === null || (!form.get('From') && !form.get('MessagingServiceSid'))) {
      json(res, 400, { code: 21604, message: "A 'To' phone number is required.", status: 400 });
      return;
    }
    const sid = `SM${randomBytes(16).toString('hex')}`;
    const message: FakeSms = {
      sid,
      to,
      body,
      ...(form.get('From') && { from: form.get('From')! }),
      ...(form.get('MessagingServiceSid') && { messagingServiceSid: form.get('MessagingServiceSid')! }),
      ...(form.get('StatusCallback') && { statusCallback: form.get('StatusCallback')! }),
    };
    this.sent.push(message);
    const now = new Date().toUTCString();
    json(res, 201, {
      account_sid: this.accountSid,
      api_version: '2010-04-01',
      body,
      date_created: now,
      date_sent: null,
      date_updated: now,
      direction: 'outbound-api',
      error_code: null,
      error_message: null,
      from: message.from ?? null,
      messaging_service_sid: message.messagingServiceSid ?? null,
      num_media: '0',
      num_segments: '1',
      price: null,
      price_unit: 'USD',
      sid,
      status: 'queued',
      subresource_uris: { media: `/2010-04-01/Accounts/${this.accountSid}/Messages/${sid}/Media.json` },
      to,
      uri: `/2010-04-01/Accounts/${this.accountSid}/Messages/${sid}.json`,
    });
  }
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
