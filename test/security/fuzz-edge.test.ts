import fc from 'fast-check';
import { io } from 'socket.io-client';
import twilio from 'twilio';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createApp, type App } from '../../app/create-app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { FakeTwilio } from '../support/fake-twilio';
import { smallKnowledge } from '../support/small-knowledge';
import {
  ADMIN_PASSWORD,
  connectAgent,
  connectCustomer,
  nextEvent,
  request,
  signIn,
} from '../support/start-app';
import { TelegramEmulator } from '../support/telegram-emulator';
import { PUBLIC_URL, TWILIO_SID, TWILIO_TOKEN, twilioEnv } from '../support/twilio-webhooks';

/**
 * Property-based fuzzing of the edge: generated payloads thrown at every HTTP route and socket.io
 * event of a real server. Short for CI (FUZZ_RUNS raises the count for a longer run).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 15);
const TOKEN = '654321:fuzz-test-token';
const SECRET = 'fuzz_secret-for-tests';

type Ack = { ok: boolean; error?: { code: string } };
type Loose = {
  timeout(ms: number): { emitWithAck(event: string, ...args: unknown[]): Promise<unknown> };
  emit(event: string, ...args: unknown[]): unknown;
  connected: boolean;
};

describe('fuzzing the HTTP routes and socket.io events', () => {
  let app: App;
  let url: string;
  let dataDir: string;
  let emulator: TelegramEmulator;
  let fake: FakeTwilio;
  const errors: string[] = [];

  beforeAll(async () => {
    emulator = await TelegramEmulator.start(TOKEN);
    fake = await FakeTwilio.start(TWILIO_SID, TWILIO_TOKEN);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-fuzz-'));
    const high = '100000';
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ADMIN_PASSWORD,
      LOG_LEVEL: 'error',
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      TELEGRAM_WEBHOOK_URL: 'https://support.example.com/webhooks/telegram',
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      PUBLIC_URL,
      ...twilioEnv(fake.url),
      RATE_MESSAGES_PER_SESSION: high,
      RATE_MESSAGES_PER_ADDRESS: high,
      RATE_FEEDBACK_PER_SESSION: high,
      RATE_FEEDBACK_PER_ADDRESS: high,
      RATE_NEW_CHATS_PER_ADDRESS: high,
      RATE_UPLOADS_PER_SESSION: high,
      RATE_UPLOADS_PER_ADDRESS: high,
      RATE_LOGINS_PER_ADDRESS: high,
      RATE_LOGINS_PER_USERNAME: high,
    });
    // Every line at error level or above is a failure: the edge must turn bad input into answers.
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        errors.push(chunk.toString());
        done();
      },
    });
    app = await createApp(config, createLogger('error', sink), { knowledge: smallKnowledge() });
    url = await app.listen();
  });
  afterAll(async () => {
    await app.close();
    await emulator.stop();
    await fake.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const json = fc.jsonValue({ maxDepth: 3 });
  const body = fc.oneof(
    json.map((value) => ({ type: 'application/json', body: JSON.stringify(value) })),
    fc.string({ maxLength: 300 }).map((text) => ({ type: 'application/json', body: text })),
    fc
      .array(
        fc.tuple(
          fc.constantFrom('From', 'Body', 'MessageSid', 'MessageStatus', 'x'),
          fc.string({ maxLength: 30 }),
        ),
        { maxLength: 6 },
      )
      .map((pairs) => ({
        type: 'application/x-www-form-urlencoded',
        body: new URLSearchParams(pairs).toString(),
      })),
    fc
      .uint8Array({ maxLength: 400 })
      .map((bytes) => ({ type: 'application/octet-stream', body: Buffer.from(bytes) })),
  );
  const route = fc.constantFrom(
    ['POST', '/console/api/login'],
    ['POST', '/console/api/logout'],
    ['GET', '/console/api/me'],
    ['GET', '/console/api/tickets'],
    ['GET', '/console/api/answers'],
    ['POST', '/api/chat/uploads'],
    ['GET', '/uploads/AAAAAAAAAAAAAAAAAAAAAA'],
    ['POST', '/webhooks/telegram'],
    ['POST', '/webhooks/twilio/sms'],
    ['POST', '/webhooks/twilio/status'],
    ['GET', '/readyz'],
    ['GET', '/%E0%A4%A'],
  );

  it('answers every generated HTTP request with less than 500', async () => {
    const cookie = await signIn(url);
    await fc.assert(
      fc.asyncProperty(
        route,
        body,
        fc.boolean(),
        fc.string({ maxLength: 60 }),
        async ([method, where], payload, signedIn, header) => {
          const response = await fetch(`${url}${where}`, {
            method,
            headers: {
              'content-type': payload.type,
              'x-telegram-bot-api-secret-token': SECRET,
              'x-twilio-signature': header.replace(/[^\x20-\x7e]/g, ''),
              'x-chat-token': header.replace(/[^\x20-\x7e]/g, ''),
              ...(signedIn && { cookie }),
            },
            ...(method === 'POST' && { body: payload.body }),
          });
          await response.arrayBuffer();
          expect(response.status).toBeLessThan(500);
        },
      ),
      { numRuns: RUNS * 3 },
    );
  });

  // Authenticated webhooks whose content is odd: the shapes a provider bug or a replay could send.
  const telegramUpdate = fc.record(
    {
      update_id: fc.oneof(fc.integer({ min: 1 }), json),
      message: fc.oneof(
        json,
        fc.record(
          {
            message_id: fc.oneof(fc.integer(), json),
            date: fc.oneof(fc.integer(), json),
            chat: fc.oneof(
              json,
              fc.record(
                { id: fc.oneof(fc.integer(), json), type: fc.constantFrom('private', 'group', 'x') },
                { requiredKeys: [] },
              ),
            ),
            from: fc.oneof(
              json,
              fc.record({ id: fc.oneof(fc.integer(), json), first_name: json }, { requiredKeys: [] }),
            ),
            text: fc.oneof(fc.string({ maxLength: 40 }), json),
            caption: json,
            photo: json,
            document: json,
          },
          { requiredKeys: [] },
        ),
      ),
      callback_query: fc.oneof(
        json,
        fc.record({ id: json, from: json, data: json, message: json }, { requiredKeys: [] }),
      ),
    },
    { requiredKeys: ['update_id'] },
  );
  const twilioPairs = fc.array(
    fc.tuple(
      fc.constantFrom(
        'From',
        'Body',
        'MessageSid',
        'SmsSid',
        'MessageStatus',
        'NumMedia',
        'MediaUrl0',
        'ErrorCode',
      ),
      fc.string({ maxLength: 30 }),
    ),
    { maxLength: 8 },
  );

  it('answers every generated authenticated webhook with less than 500', async () => {
    await fc.assert(
      fc.asyncProperty(telegramUpdate, async (update) => {
        const response = await fetch(`${url}/webhooks/telegram`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
          body: JSON.stringify(update),
        });
        await response.arrayBuffer();
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: RUNS * 2 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/webhooks/twilio/sms', '/webhooks/twilio/status'),
        twilioPairs,
        fc.boolean(),
        async (where, pairs, asJson) => {
          // Signed the way Twilio signs: repeated names become lists; a JSON body signs no parameters.
          const params: Record<string, string | string[]> = {};
          for (const [name, value] of pairs) {
            const before = params[name];
            params[name] =
              before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value];
          }
          const signature = twilio.getExpectedTwilioSignature(
            TWILIO_TOKEN,
            `${PUBLIC_URL}${where}`,
            asJson ? {} : params,
          );
          const response = await fetch(`${url}${where}`, {
            method: 'POST',
            headers: {
              'content-type': asJson ? 'application/json' : 'application/x-www-form-urlencoded',
              'x-twilio-signature': signature,
            },
            body: asJson ? JSON.stringify(params) : new URLSearchParams(pairs).toString(),
          });
          await response.arrayBuffer();
          expect(response.status).toBeLessThan(500);
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });

  it('refuses every generated console Origin without a session, and keeps serving', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constant('null'), fc.string({ maxLength: 40 }), fc.webUrl()),
        async (origin) => {
          const socket = io(`${url}/console`, {
            transports: ['websocket'],
            extraHeaders: { origin: origin.replace(/[^\x20-\x7e]/g, '') },
            forceNew: true,
            reconnection: false,
          });
          const outcome = await Promise.race([
            nextEvent(socket, 'connect_error').then(() => 'refused'),
            nextEvent(socket, 'connect').then(() => 'connected'),
          ]);
          socket.close();
          expect(outcome).toBe('refused');
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('answers every generated chat and console event without an internal error', async () => {
    const customer = connectCustomer(url) as unknown as Loose;
    await nextEvent(customer, 'session');
    const agent = connectAgent(url, await signIn(url)) as unknown as Loose;
    await nextEvent(agent, 'hello');
    const chatEvent = fc.constantFrom('message', 'feedback', 'typing', 'unknown');
    const consoleEvent = fc.constantFrom(
      'claim',
      'open',
      'close',
      'reply',
      'resolve',
      'release',
      'reclassify',
      'typing',
    );
    const anything = fc.oneof(
      json,
      fc.record(
        {
          text: fc.string(),
          clientId: fc.string(),
          conversationId: fc.string(),
          seq: fc.integer(),
          helpful: fc.boolean(),
          severity: fc.string(),
          category: json,
          attachments: json,
        },
        { requiredKeys: [] },
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        chatEvent,
        consoleEvent,
        anything,
        async (toConsole, chat, consoleName, payload) => {
          const socket = toConsole ? agent : customer;
          const event = toConsole ? consoleName : chat;
          if (event === 'typing' || event === 'close' || event === 'unknown') {
            socket.emit(event, payload);
            return;
          }
          const answer = (await socket.timeout(5000).emitWithAck(event, payload)) as Ack;
          expect(answer.error?.code).not.toBe('internal');
        },
      ),
      { numRuns: RUNS * 3 },
    );
    expect(customer.connected).toBe(true);
    expect(agent.connected).toBe(true);
    (customer as unknown as { close(): void }).close();
    (agent as unknown as { close(): void }).close();
  });

  it('still holds a normal chat afterwards, and logged no error', async () => {
    const customer = connectCustomer(url);
    await nextEvent(customer, 'session');
    const answered = nextEvent<{ author: string }>(customer, 'message', (m) => m.author === 'bot');
    const sent = await request<Ack>(customer, 'message', {
      text: 'How do I reset my password?',
      clientId: 'after-fuzz',
    });
    expect(sent.ok).toBe(true);
    await answered;
    customer.close();
    expect(errors).toEqual([]);
  });
});
