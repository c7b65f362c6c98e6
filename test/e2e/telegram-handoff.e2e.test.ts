import type { Browser, Page } from 'playwright-core';
import type { TelegramClient } from 'telegram-test-api/lib/modules/telegramClient';
import { smallKnowledge } from '../support/small-knowledge';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../support/start-app';
import { TelegramEmulator } from '../support/telegram-emulator';
import { forbidDialogs, launchChromium, screenshot } from './browser';
import { eventually, visible } from './wait-for';

const TOKEN = '777001:e2e-telegram-token';
const CHAT = 701;

describe('a Telegram customer and an agent in the console, in real Chromium', () => {
  let emulator: TelegramEmulator;
  let server: TestApp;
  let browser: Browser;
  let agent: Page;
  let customer: TelegramClient;
  const dialogs: string[] = [];

  beforeAll(async () => {
    emulator = await TelegramEmulator.start(TOKEN);
    // Long polling against the emulated Bot API, as `npm start` runs without a webhook URL.
    server = await startTestApp({
      env: { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: emulator.apiRoot },
      overrides: { knowledge: smallKnowledge() },
    });
    customer = emulator.client({ userId: CHAT, chatId: CHAT, firstName: 'Ada', userName: 'ada_l' });
    browser = await launchChromium();
    agent = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    forbidDialogs(agent, dialogs);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.cleanup();
    await emulator?.stop();
  });

  /** Sends a message from the Telegram user and waits for the bot's message that matches. */
  async function say(text: string, expectReply: (reply: string) => boolean): Promise<string> {
    const reply = emulator.nextSent(CHAT, expectReply);
    await customer.sendMessage(customer.makeMessage(text));
    return (await reply).text;
  }

  it('hands a Telegram chat to the agent, whose reply and resolve reach the Telegram user', async () => {
    const answer = await say('where do I find a call id?', (t) => t.includes('Logging'));
    expect(answer).toContain('<a href="https://docs.example.com/guides/callid/#find-a-call-id">');

    await agent.goto(`${server.url}/console`);
    await agent.getByRole('textbox', { name: 'Username' }).fill('admin');
    await agent.getByLabel('Password').fill(ADMIN_PASSWORD);
    await agent.getByRole('button', { name: 'Sign in' }).click();
    await visible(agent.getByText('Nobody is waiting.'));

    await say('Human', (t) => /agent|team|person/i.test(t));
    const queue = agent.getByRole('list', { name: /Waiting/ });
    const row = queue.getByRole('listitem').filter({ hasText: '@ada_l' });
    await visible(row.getByText('telegram', { exact: true }));
    expect(await row.textContent()).toContain('Ada · @ada_l');
    await screenshot(agent, 'telegram-01-agent-queue');

    const joined = emulator.nextSent(CHAT, (t) => t.includes('has joined the conversation'));
    await row.getByRole('button', { name: 'Claim' }).click();
    await joined;
    const conversation = await visible(agent.getByRole('region', { name: 'Conversation with Ada · @ada_l' }));
    const facts = (await conversation.locator('.conv-head').textContent()) ?? '';
    expect(facts).toContain('Telegram');
    expect(facts).toContain('@ada_l');
    const transcript = agent.getByRole('log', { name: 'Transcript' });
    await visible(transcript.getByText('where do I find a call id?'));
    await visible(transcript.getByText(/Logging section, click the call/));

    const delivered = emulator.nextSent(CHAT, (t) => t.startsWith('Hi Ada'));
    await agent
      .getByRole('textbox', { name: 'Reply' })
      .fill('Hi Ada, the Call-ID is under Logging <b>Details</b>.');
    await agent.getByRole('button', { name: 'Send' }).click();
    // Telegram gets HTML; the agent's markup is escaped, so the user reads it literally.
    expect((await delivered).text).toBe('Hi Ada, the Call-ID is under Logging &lt;b&gt;Details&lt;/b&gt;.');
    await visible(transcript.getByText('Hi Ada, the Call-ID is under Logging <b>Details</b>.'));

    await customer.sendMessage(customer.makeMessage('found it, thanks'));
    await visible(transcript.getByText('found it, thanks'));
    await screenshot(agent, 'telegram-02-agent-conversation');

    const resolved = emulator.nextSent(CHAT, (t) => /marked as resolved/.test(t));
    await agent.getByRole('button', { name: 'Resolve' }).click();
    expect((await resolved).text).toMatch(/back with the support bot/);
    await eventually(async () =>
      expect(await conversation.locator('.conv-head').textContent()).toContain('resolved'),
    );
    await screenshot(agent, 'telegram-03-agent-resolved');

    // The bot answers the Telegram user again.
    expect(await say('where do I find a call id?', (t) => t.includes('Logging'))).toContain('Call-ID');
    expect(dialogs).toEqual([]);
  });
});
