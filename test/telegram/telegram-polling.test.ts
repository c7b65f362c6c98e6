import type { InlineKeyboardMarkup } from 'telegraf/types';
import type { ConversationDetail, ConversationSummary, WireMessage } from '../../src/realtime/socket-events';
import { smallKnowledge } from '../support/small-knowledge';
import {
  connectAgent,
  nextEvent,
  request,
  signIn,
  startTestApp,
  type ConsoleSocket,
  type TestApp,
} from '../support/start-app';
import { TelegramEmulator } from '../support/telegram-emulator';
import { TINY_PNG } from '../support/telegram-updates';
import { waitFor } from '../support/wait-for';

type Ack<T> = { ok: true } & T;
const TOKEN = '123456:polling-test-token';

describe('Telegram channel, long polling against telegram-test-api', () => {
  let emulator: TelegramEmulator;
  let server: TestApp;
  let agent: ConsoleSocket | undefined;

  beforeEach(async () => {
    emulator = await TelegramEmulator.start(TOKEN);
    server = await startTestApp({
      env: { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: emulator.apiRoot, MAX_MESSAGE_LENGTH: '10000' },
      overrides: { knowledge: smallKnowledge() },
    });
  });
  afterEach(async () => {
    agent?.close();
    agent = undefined;
    await server.cleanup();
    await emulator.stop();
  });

  async function agentOnline(): Promise<ConsoleSocket> {
    agent = connectAgent(server.url, await signIn(server.url));
    await nextEvent(agent, 'hello');
    return agent;
  }

  async function handOff(chatId: number, say: (text: string) => Promise<unknown>): Promise<string> {
    const console = await agentOnline();
    const requested = nextEvent<ConversationSummary>(
      console,
      'handoffRequested',
      (c) => c.channel === 'telegram',
    );
    // The triage question ("how bad is it?") follows the handoff notice; it is left unanswered.
    const asked = emulator.nextSent(chatId, (t) => t.includes('how bad is it'));
    await say('Human');
    const queued = await requested;
    await asked;
    const joined = emulator.nextSent(chatId, (t) => t.includes('has joined the conversation'));
    const claimed = await request<Ack<{ conversation: ConversationDetail }>>(console, 'claim', {
      conversationId: queued.id,
    });
    expect(claimed.ok).toBe(true);
    await joined;
    return queued.id;
  }

  it('greets on /start, answers a docs question with a link, records feedback, and hands off to an agent whose reply reaches the chat', async () => {
    const customer = emulator.client({ userId: 501, chatId: 501, firstName: 'Ada', userName: 'ada_l' });

    const greeting = emulator.nextSent(501, (t) => t.includes('I am the support bot'));
    await customer.sendCommand(customer.makeCommand('/start'));
    const greeted = await greeting;
    const menu = (greeted.reply_markup as InlineKeyboardMarkup).inline_keyboard.flat().map((b) => b.text);
    expect(menu).toContain('Talk to a human');

    const answer = emulator.nextSent(501, (t) => t.includes('Logging'));
    await customer.sendMessage(customer.makeMessage('where do I find a call id?'));
    const answered = await answer;
    expect(answered.parse_mode).toBe('HTML');
    expect(answered.text).toContain(
      'From the docs: <a href="https://docs.example.com/guides/callid/#find-a-call-id">Call-ID › Find a Call-ID</a>',
    );
    const buttons = (answered.reply_markup as InlineKeyboardMarkup).inline_keyboard.flat();
    const yes = buttons.find((b) => b.text.includes('Yes')) as { callback_data: string } | undefined;
    expect(yes).toBeDefined();
    await customer.sendCallback(customer.makeCallbackQuery(yes!.callback_data));
    const conversation = await waitFor(() => server.app.store.findConversation('telegram', '501'));
    await waitFor(async () => {
      const messages = await server.app.store.getMessages(conversation.id);
      return messages.find((m) => m.feedback === 'helpful');
    });
    expect(conversation.profile).toMatchObject({ displayName: 'Ada', handle: 'ada_l' });

    const conversationId = await handOff(501, (text) => customer.sendMessage(customer.makeMessage(text)));
    expect(conversationId).toBe(conversation.id);
    const reply = emulator.nextSent(501, (t) => t.startsWith('Hi Ada'));
    await request(agent!, 'reply', {
      conversationId,
      text: 'Hi Ada, use <b>Logging</b> & search by *number*_here_',
      clientId: 'r1',
    });
    expect((await reply).text).toBe('Hi Ada, use &lt;b&gt;Logging&lt;/b&gt; &amp; search by *number*_here_');
  });

  it('processes a redelivered update once and keeps a photo for the agent', async () => {
    const customer = emulator.client({ userId: 502, chatId: 502, firstName: 'Bo', userName: 'bo' });
    const first = emulator.nextSent(502);
    await customer.sendMessage(customer.makeMessage('how can I find the call id'));
    await first;
    emulator.redeliverLastUpdates();

    const fileId = emulator.addFile(TINY_PNG, 'photos/file_1.png');
    const console = await agentOnline();
    const requested = nextEvent<ConversationSummary>(console, 'handoffRequested');
    await customer.sendMessage(customer.makeMessage('Human'));
    const queued = await requested;
    expect(queued.customer).toBe('Bo · @bo');
    await customer.sendMessage(
      customer.makeMessage('', {
        photo: [{ file_id: fileId, file_unique_id: 'u1', width: 1, height: 1, file_size: TINY_PNG.length }],
        caption: 'screenshot of the error',
      } as Parameters<typeof customer.makeMessage>[1]),
    );
    const withPhoto = await waitFor(async () => {
      const messages = await server.app.store.getMessages(queued.id);
      return messages.find((m) => m.text === 'screenshot of the error');
    });
    const attachment = withPhoto.attachments?.[0];
    expect(attachment).toMatchObject({ kind: 'image', mimeType: 'image/png' });
    const download = await fetch(`${server.url}${attachment!.url}`, {
      headers: { cookie: await signIn(server.url) },
    });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(TINY_PNG)).toBe(true);

    const texts = (await server.app.store.getMessages(queued.id)).map((m) => m.text);
    expect(texts.filter((t) => t === 'how can I find the call id')).toHaveLength(1);
    expect(texts.filter((t) => t.includes('Logging'))).toHaveLength(1);
  });

  it('splits a long reply at 4096 characters, retries after a 429, and marks a blocked customer unreachable', async () => {
    const customer = emulator.client({ userId: 503, chatId: 503, firstName: 'Cy', userName: 'cy' });
    const conversationId = await handOff(503, (text) => customer.sendMessage(customer.makeMessage(text)));

    const sentence = 'This sentence is part of a very long explanation about routing. ';
    const long = sentence.repeat(Math.ceil(6000 / sentence.length)).trim();
    const before = emulator.sentTo(503).length;
    await request(agent!, 'reply', { conversationId, text: long, clientId: 'long' });
    const pieces = emulator
      .sentTo(503)
      .slice(before)
      .map((m) => m.text);
    expect(pieces).toHaveLength(2);
    expect(pieces.every((p) => p.length <= 4096 && p.endsWith('routing.'))).toBe(true);
    expect(pieces.join(' ')).toBe(long);

    emulator.failNextSend({
      error_code: 429,
      description: 'Too Many Requests: retry after 1',
      parameters: { retry_after: 1 },
    });
    const ack = await request<Ack<{ seq: number }>>(agent!, 'reply', {
      conversationId,
      text: 'After the rate limit',
      clientId: 'r429',
    });
    expect(emulator.sentTo(503).at(-1)?.text).toBe('After the rate limit');
    const [afterLimit] = await server.app.store.getMessages(conversationId, ack.seq - 1, 1);
    expect(afterLimit?.delivery?.status).toBe('sent');

    emulator.failNextSend({ error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    const unreachable = nextEvent<ConversationDetail>(
      agent!,
      'conversationUpdated',
      (c) => c.unreachable !== undefined,
    );
    const failed = nextEvent<{ message: WireMessage }>(
      agent!,
      'messageUpdated',
      (u) => u.message.delivery?.status === 'failed',
    );
    await request(agent!, 'reply', { conversationId, text: 'Are you still there?', clientId: 'r403' });
    expect((await unreachable).unreachable).toMatch(/blocked the bot/);
    expect((await failed).message.delivery?.error).toMatch(/blocked by the user/);

    const count = emulator.sentTo(503).length;
    const skipped = await request<Ack<{ seq: number }>>(agent!, 'reply', {
      conversationId,
      text: 'Hello?',
      clientId: 'r-after',
    });
    const [notSent] = await server.app.store.getMessages(conversationId, skipped.seq - 1, 1);
    expect(notSent?.delivery?.status).toBe('skipped');
    expect(emulator.sentTo(503)).toHaveLength(count);

    // Writing again means the customer unblocked the bot.
    await customer.sendMessage(customer.makeMessage('sorry, I am back'));
    await waitFor(async () => {
      const c = await server.app.store.getConversation(conversationId);
      return c && !c.unreachable ? c : undefined;
    });
  });

  it('answers a group chat with a pointer to a private chat and stores nothing', async () => {
    const group = emulator.client({ userId: 504, chatId: -900, type: 'group', chatTitle: 'Ops team' });
    const refusal = emulator.nextSent(-900);
    await group.sendCommand(group.makeCommand('/start'));
    expect((await refusal).text).toContain('private chats only');
    expect((await refusal).text).toContain('https://t.me/handoff_test_bot');
    expect(await server.app.store.findConversation('telegram', '-900')).toBeUndefined();
  });
});
