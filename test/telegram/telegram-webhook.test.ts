import type { Update } from 'telegraf/types';
import type { ConversationDetail, ConversationSummary } from '../../src/realtime/socket-events';
import { smallKnowledge } from '../support/small-knowledge';
import { connectAgent, nextEvent, request, signIn, startTestApp, type TestApp } from '../support/start-app';
import { TelegramEmulator } from '../support/telegram-emulator';
import { textUpdate } from '../support/telegram-updates';

type Ack<T> = { ok: true } & T;
const TOKEN = '654321:webhook-test-token';
const SECRET = 'webhook_secret-for-tests';
const SECRET_HEADER = 'X-Telegram-Bot-Api-Secret-Token';

describe('Telegram channel, webhook mode', () => {
  let emulator: TelegramEmulator;
  let server: TestApp;

  async function start(env: Record<string, string>): Promise<void> {
    emulator = await TelegramEmulator.start(TOKEN);
    server = await startTestApp({
      env: {
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: emulator.apiRoot,
        TELEGRAM_WEBHOOK_URL: 'https://support.example.com/webhooks/telegram',
        ...env,
      },
      overrides: { knowledge: smallKnowledge() },
    });
  }
  afterEach(async () => {
    await server.cleanup();
    await emulator.stop();
  });

  /** Delivers an update the way Telegram does: a JSON POST carrying the secret token header. */
  function deliver(update: Update, secret: string | null = SECRET): Promise<Response> {
    return fetch(`${server.url}/webhooks/telegram`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(secret !== null && { [SECRET_HEADER]: secret }) },
      body: JSON.stringify(update),
    });
  }

  it('registers the webhook with its secret, answers /start and a docs question, and hands off to an agent', async () => {
    await start({ TELEGRAM_WEBHOOK_SECRET: SECRET });
    expect(emulator.webhooks).toEqual([
      expect.objectContaining({ url: 'https://support.example.com/webhooks/telegram', secret_token: SECRET }),
    ]);

    const greeting = emulator.nextSent(601, (t) => t.includes('I am the support bot'));
    expect((await deliver(textUpdate(601, '/start'))).status).toBe(200);
    await greeting;

    const answer = emulator.nextSent(601, (t) => t.includes('Logging'));
    expect((await deliver(textUpdate(601, 'where do I find a call id?'))).status).toBe(200);
    // Acknowledged only once stored: the customer's text is in the transcript when Telegram hears 200.
    const stored = await server.app.store.findConversation('telegram', '601');
    expect((await server.app.store.getMessages(stored!.id)).map((m) => m.text)).toContain(
      'where do I find a call id?',
    );
    expect((await answer).text).toContain(
      '<a href="https://docs.example.com/guides/callid/#find-a-call-id">',
    );

    const agent = connectAgent(server.url, await signIn(server.url));
    await nextEvent(agent, 'hello');
    const requested = nextEvent<ConversationSummary>(agent, 'handoffRequested');
    await deliver(textUpdate(601, '/human'));
    const queued = await requested;
    expect(queued).toMatchObject({ channel: 'telegram', customer: 'Ada · @ada_l' });
    const claimed = await request<Ack<{ conversation: ConversationDetail }>>(agent, 'claim', {
      conversationId: queued.id,
    });
    expect(claimed.conversation.conversationKey).toBe('601');
    const reply = emulator.nextSent(601, (t) => t.includes('looking at it'));
    await request(agent, 'reply', {
      conversationId: queued.id,
      text: 'Hi Ada, I am looking at it.',
      clientId: 'w1',
    });
    expect((await reply).text).toBe('Hi Ada, I am looking at it.');
    agent.close();
  });

  it('processes an update Telegram delivers twice only once', async () => {
    await start({ TELEGRAM_WEBHOOK_SECRET: SECRET });
    const update = textUpdate(602, 'where do I find a call id?');
    expect((await deliver(update)).status).toBe(200);
    expect((await deliver(update)).status).toBe(200);
    const conversation = await server.app.store.findConversation('telegram', '602');
    const messages = await server.app.store.getMessages(conversation!.id);
    expect(messages.filter((m) => m.author === 'customer')).toHaveLength(1);
    expect(emulator.sentTo(602).filter((m) => m.text.includes('Logging'))).toHaveLength(1);
  });

  it('refuses a missing or wrong secret token and stores nothing', async () => {
    await start({ TELEGRAM_WEBHOOK_SECRET: SECRET });
    expect((await deliver(textUpdate(603, 'hello'), null)).status).toBe(401);
    expect((await deliver(textUpdate(603, 'hello'), 'not-the-secret')).status).toBe(403);
    expect((await deliver(textUpdate(603, 'hello'), `${SECRET}x`)).status).toBe(403);
    expect(await server.app.store.findConversation('telegram', '603')).toBeUndefined();
    expect(emulator.sentTo(603)).toHaveLength(0);
  });

  it('generates a secret token when none is configured and accepts only that one', async () => {
    await start({});
    const secret = emulator.webhooks[0]?.secret_token;
    expect(secret).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect((await deliver(textUpdate(604, 'hello'), SECRET)).status).toBe(403);
    expect((await deliver(textUpdate(604, 'hello'), secret ?? null)).status).toBe(200);
    expect(await server.app.store.findConversation('telegram', '604')).toBeDefined();
  });
});
