import express from 'express';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import TelegramServer from 'telegram-test-api';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import type { TelegramClient } from 'telegram-test-api/lib/modules/telegramClient';

/** A failure the emulated Bot API answers the next sendMessage with. */
export interface InjectedFailure {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number };
}

/** A sendMessage call as the emulator stored it. */
export interface SentMessage {
  chat_id: number | string;
  text: string;
  parse_mode?: string;
  reply_markup?: InlineKeyboardMarkup;
}

/** What the bot passed to setWebhook. */
export interface RecordedWebhook {
  url: string;
  secret_token?: string;
}

/**
 * A Telegram Bot API for tests: `telegram-test-api` holds the chats (its client writes as a
 * customer, it stores what the bot sends), and a thin front server, which the bot uses as its
 * `apiRoot`, adds what the emulator lacks: long polling, getFile and file downloads, setWebhook
 * recording, failures on demand (429, 403) and redelivery of an update (Telegram's retries).
 */
export class TelegramEmulator {
  readonly webhooks: RecordedWebhook[] = [];
  private readonly failures: InjectedFailure[] = [];
  private readonly files = new Map<string, { bytes: Buffer; path: string }>();
  private readonly redeliveries: unknown[] = [];
  private lastDelivered: unknown[] = [];

  private constructor(
    readonly server: TelegramServer,
    private readonly front: http.Server,
    /** Pass as TELEGRAM_API_ROOT. */
    readonly apiRoot: string,
    readonly token: string,
  ) {}

  /** Starts the emulator and its front on free loopback ports. */
  static async start(token: string): Promise<TelegramEmulator> {
    const backendPort = await freePort();
    const server = new TelegramServer({ port: backendPort, host: '127.0.0.1', storeTimeout: 600 });
    await server.start();
    const app = express();
    const front = http.createServer(app);
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
    const apiRoot = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
    const emulator = new TelegramEmulator(server, front, apiRoot, token);
    emulator.route(app);
    return emulator;
  }

  /** A customer in a chat with the bot (private chat unless `type` says otherwise). */
  client(options: Parameters<TelegramServer['getClient']>[1] = {}): TelegramClient {
    return this.server.getClient(this.token, options);
  }

  /** Makes the next sendMessage calls fail, in order. */
  failNextSend(...failures: InjectedFailure[]): void {
    this.failures.push(...failures);
  }

  /** Delivers the last batch of updates again on the next poll (same update_id). */
  redeliverLastUpdates(): void {
    this.redeliveries.push(...this.lastDelivered);
  }

  /** Makes a file downloadable through getFile; returns its file_id. */
  addFile(bytes: Buffer, path: string): string {
    const id = `file_${this.files.size + 1}`;
    this.files.set(id, { bytes, path });
    return id;
  }

  /** Everything the bot sent to a chat so far, oldest first. */
  sentTo(chatId: number): SentMessage[] {
    return (
      this.server.storage.botMessages
        // telegram-test-api types these with typegram, which is not resolvable from here.
        .map((update) => update.message as unknown as SentMessage)
        .filter((message) => String(message.chat_id) === String(chatId))
    );
  }

  /** Resolves with the first message the bot sends to the chat, from now on, whose text passes `where`. */
  async nextSent(
    chatId: number,
    where: (text: string) => boolean = () => true,
    timeoutMs = 8000,
  ): Promise<SentMessage> {
    const seen = this.sentTo(chatId).length;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.sentTo(chatId)
        .slice(seen)
        .find((m) => where(m.text));
      if (found) return found;
      if (Date.now() > deadline) {
        const texts = this.sentTo(chatId).map((m) => m.text);
        throw new Error(`no matching bot message in chat ${chatId}; sent so far: ${JSON.stringify(texts)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** Stops both servers. */
  async stop(): Promise<void> {
    this.front.closeAllConnections();
    await new Promise<void>((resolve) => this.front.close(() => resolve()));
    await this.server.stop();
  }

  private route(app: express.Express): void {
    app.use(express.json());
    app.use(express.urlencoded({ extended: true }));
    const ok = (res: express.Response, result: unknown) => res.json({ ok: true, result });
    app.all('/bot:token/:method', (req, res) => {
      if (req.params.token !== this.token) {
        res.status(401).json({ ok: false, error_code: 401, description: 'Unauthorized' });
        return;
      }
      const body = { ...(req.query as Record<string, unknown>), ...(req.body as Record<string, unknown>) };
      switch (req.params.method) {
        case 'getMe':
          ok(res, { id: 4242, is_bot: true, first_name: 'Support', username: 'handoff_test_bot' });
          return;
        case 'deleteWebhook':
          ok(res, true);
          return;
        case 'setWebhook':
          this.webhooks.push(body as unknown as RecordedWebhook);
          ok(res, true);
          return;
        case 'getUpdates':
          void this.poll(Number(body.limit ?? 100)).then((updates) => ok(res, updates));
          return;
        case 'sendMessage':
        case 'sendChatAction':
        case 'answerCallbackQuery':
          this.botCall(req.params.method, body, res);
          return;
        case 'getFile': {
          const file = this.files.get(String(body.file_id));
          if (!file) {
            res.status(400).json({ ok: false, error_code: 400, description: 'Bad Request: invalid file_id' });
            return;
          }
          ok(res, {
            file_id: body.file_id,
            file_unique_id: body.file_id,
            file_size: file.bytes.length,
            file_path: file.path,
          });
          return;
        }
        default:
          res.status(404).json({ ok: false, error_code: 404, description: 'Not Found: method not emulated' });
      }
    });
    app.get('/file/bot:token/*path', (req, res) => {
      const wanted = ([] as string[]).concat(req.params.path).join('/');
      const file = [...this.files.values()].find((f) => f.path === wanted);
      if (req.params.token !== this.token || !file) {
        res.status(404).end();
        return;
      }
      res.type('application/octet-stream').send(file.bytes);
    });
  }

  private botCall(method: string, body: Record<string, unknown>, res: express.Response): void {
    if (method === 'sendChatAction' || method === 'answerCallbackQuery') {
      res.json({ ok: true, result: true });
      return;
    }
    const failure = this.failures.shift();
    if (failure) {
      res.status(failure.error_code).json({ ok: false, ...failure });
      return;
    }
    // telegram-test-api's own store: its client and `sentTo` read what the bot sent from here.
    const store = this.server as unknown as { addBotMessage(message: unknown, token: string): unknown };
    const sent = store.addBotMessage(body, this.token);
    res.json({ ok: true, result: sent });
  }

  /** Long polling: answer at once when updates wait, else hold the request up to a second. */
  private async poll(limit: number): Promise<unknown[]> {
    const deadline = Date.now() + 1000;
    for (;;) {
      const updates = [...this.redeliveries.splice(0), ...this.server.getUpdates(this.token)].slice(0, limit);
      if (updates.length > 0) {
        this.lastDelivered = updates;
        return updates;
      }
      if (Date.now() > deadline || !this.front.listening) return [];
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = http.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
