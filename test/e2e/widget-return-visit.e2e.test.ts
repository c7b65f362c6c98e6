import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ConversationSummary } from '../../src/realtime/socket-events';
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
import { launchChromium } from './browser';
import { eventually, visible } from './wait-for';

const GREEN_DOT = 'rgb(81, 207, 102)';

/** The unread badge on the chat button: its text, or undefined while hidden. */
async function badge(page: Page): Promise<string | undefined> {
  const node = page.locator('#handoff-chat-unread');
  return (await node.isVisible()) ? ((await node.textContent()) ?? '') : undefined;
}

/** The computed colour of the status dot in the widget header. */
function dotColour(page: Page): Promise<string> {
  return page.locator('#handoff-chat-panel .dot').evaluate((dot) => getComputedStyle(dot).backgroundColor);
}

describe('the widget on a return visit, in real Chromium', () => {
  let server: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  const agents: ConsoleSocket[] = [];

  beforeAll(async () => {
    server = await startTestApp({ overrides: { knowledge: smallKnowledge() } });
    browser = await launchChromium();
  }, 60_000);
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
  });
  afterEach(async () => {
    for (const agent of agents.splice(0)) agent.close();
    await context?.close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.cleanup();
  });

  async function handedToAgent(page: Page): Promise<{ agent: ConsoleSocket; id: string }> {
    const agent = connectAgent(server.url, await signIn(server.url));
    agents.push(agent);
    await nextEvent(agent, 'hello');
    const requested = nextEvent<ConversationSummary>(agent, 'handoffRequested');
    const message = page.getByRole('textbox', { name: 'Message' });
    await message.fill('Human');
    await message.press('Enter');
    const { id } = await requested;
    await request(agent, 'claim', { conversationId: id });
    await request(agent, 'reply', { conversationId: id, text: 'Hello, I am here.', clientId: `hello-${id}` });
    await visible(page.getByRole('log').getByText('Hello, I am here.', { exact: true }));
    return { agent, id };
  }

  it('counts only what arrived since the customer last read the chat', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: 'Open chat' }).click();
    const { agent, id } = await handedToAgent(page);

    // Everything was read with the panel open: a reload shows no unread count.
    await page.reload();
    await visible(page.getByRole('button', { name: 'Open chat' }));
    await page.waitForTimeout(1000);
    expect(await badge(page)).toBeUndefined();

    // One new reply while the panel is closed counts as one.
    await request(agent, 'reply', { conversationId: id, text: 'Anything else?', clientId: `else-${id}` });
    await eventually(async () => expect(await badge(page)).toBe('1'));
    await page.getByRole('button', { name: 'Open chat' }).click();
    await visible(page.getByRole('log').getByText('Anything else?', { exact: true }));
    await page.getByRole('button', { name: 'Close chat' }).click();
    await page.reload();
    await visible(page.getByRole('button', { name: 'Open chat' }));
    await page.waitForTimeout(1000);
    expect(await badge(page)).toBeUndefined();
  }, 60_000);

  it('names the agent in the banner after a reload', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: 'Open chat' }).click();
    await handedToAgent(page);
    await eventually(async () =>
      expect(await page.getByRole('status').textContent()).toBe('You are chatting with Admin.'),
    );
    await page.reload();
    await page.getByRole('button', { name: 'Open chat' }).click();
    await visible(page.getByRole('log').getByText('Hello, I am here.', { exact: true }));
    await eventually(async () =>
      expect(await page.getByRole('status').textContent()).toBe('You are chatting with Admin.'),
    );
  }, 60_000);

  it('does not show a green dot while nobody is signed in to answer', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: 'Open chat' }).click();
    const message = page.getByRole('textbox', { name: 'Message' });
    await eventually(async () => expect(await dotColour(page)).toBe(GREEN_DOT));
    await message.fill('Human');
    await message.press('Enter');
    await visible(
      page
        .getByRole('log')
        .getByText(/nobody is signed in/i)
        .first(),
    );
    await eventually(async () => expect(await dotColour(page)).not.toBe(GREEN_DOT));
    expect(await page.locator('#handoff-chat-panel .sub').textContent()).toMatch(/waiting/i);
  }, 60_000);
});
