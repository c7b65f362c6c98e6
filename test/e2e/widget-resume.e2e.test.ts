import type { Browser, Page } from 'playwright-core';
import type { ConversationSummary } from '../../src/realtime/socket-events';
import { smallKnowledge } from '../support/small-knowledge';
import { connectAgent, nextEvent, request, signIn, startTestApp, type TestApp } from '../support/start-app';
import { launchChromium, screenshot } from './browser';
import { eventually, visible } from './wait-for';

/** How many transcript lines in the widget show exactly this text. */
async function linesSaying(page: Page, text: string): Promise<number> {
  return page.getByRole('log').getByText(text, { exact: true }).count();
}

describe('the widget across a server restart, in real Chromium', () => {
  let server: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestApp({ overrides: { knowledge: smallKnowledge() } });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.cleanup();
  });

  it('reconnects by itself and shows what it missed, each message once', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: 'Open chat' }).click();
    const message = page.getByRole('textbox', { name: 'Message' });

    const cookie = await signIn(server.url);
    let agent = connectAgent(server.url, cookie);
    await nextEvent(agent, 'hello');
    const requested = nextEvent<ConversationSummary>(agent, 'handoffRequested');
    await message.fill('Human');
    await message.press('Enter');
    const { id } = await requested;
    await request(agent, 'claim', { conversationId: id });
    await request(agent, 'reply', { conversationId: id, text: 'Before the restart.', clientId: 'r1' });
    await visible(page.getByRole('log').getByText('Before the restart.', { exact: true }));

    // The server goes away mid-conversation and comes back on the same address and data.
    const port = new URL(server.url).port;
    const dataDir = server.dataDir;
    agent.close();
    await server.stop();
    server = await startTestApp({ dataDir, env: { PORT: port }, overrides: { knowledge: smallKnowledge() } });

    agent = connectAgent(server.url, cookie);
    await nextEvent(agent, 'hello');
    await request(agent, 'reply', { conversationId: id, text: 'After the restart, one.', clientId: 'r2' });
    await request(agent, 'reply', { conversationId: id, text: 'After the restart, two.', clientId: 'r3' });
    await visible(page.getByRole('log').getByText('After the restart, two.', { exact: true }));

    // And the customer can still write: the agent gets it.
    const fromCustomer = nextEvent<{ message: { text: string } }>(
      agent,
      'message',
      (m) => m.message.text === 'Still here',
    );
    await request(agent, 'open', { conversationId: id });
    await message.fill('Still here');
    await message.press('Enter');
    await fromCustomer;

    await eventually(async () => {
      for (const text of [
        'Human',
        'Before the restart.',
        'After the restart, one.',
        'After the restart, two.',
        'Still here',
      ]) {
        expect({ text, lines: await linesSaying(page, text) }).toEqual({ text, lines: 1 });
      }
    });
    await screenshot(page, 'widget-after-server-restart');
    agent.close();
    // A restart, a reconnection backoff and Chromium on a loaded 2-core CI machine.
  }, 90_000);
});
