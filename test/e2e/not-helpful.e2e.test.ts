import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { loadKnowledgeBase } from '../../src/knowledge';
import { startTestApp, type TestApp } from '../support/start-app';
import { forbidDialogs, launchChromium, screenshot } from './browser';
import { eventually, visible } from './wait-for';

const KB_DIR = path.join(__dirname, '..', 'fixtures', 'voice-docs');

describe('"Did this help?" No in the web widget, in real Chromium', () => {
  let server: TestApp;
  let browser: Browser;
  let customer: Page;
  const dialogs: string[] = [];

  beforeAll(async () => {
    const knowledge = await loadKnowledgeBase({ dir: KB_DIR, baseUrl: 'https://docs.example.com' });
    server = await startTestApp({ overrides: { knowledge } });
    browser = await launchChromium();
    customer = await (await browser.newContext({ viewport: { width: 1200, height: 800 } })).newPage();
    forbidDialogs(customer, dialogs);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.cleanup();
  });

  it('offers another page as a link and a person as a button, and the button reaches the queue', async () => {
    await customer.goto(`${server.url}/`);
    await customer.getByRole('button', { name: 'Open chat' }).click();
    const message = customer.getByRole('textbox', { name: 'Message' });
    const widgetLog = customer.getByRole('log');
    await message.fill('how are calls to my numbers routed');
    await customer.getByRole('button', { name: 'Send' }).click();
    await visible(widgetLog.getByRole('link', { name: /numbers/i }));
    await customer.getByRole('group', { name: 'Did this help?' }).getByRole('button', { name: 'No' }).click();

    await visible(widgetLog.getByText(/Sorry that did not help/));
    const links = widgetLog.getByRole('link');
    await eventually(async () => expect(await links.count()).toBeGreaterThanOrEqual(2));
    const offered = await links.last().getAttribute('href');
    expect(offered).toMatch(/^https:\/\/docs\.example\.com\//);
    expect(offered).toContain('/call-logs/');
    await screenshot(customer, 'not-helpful-01-next-page');

    await customer.getByRole('button', { name: 'Talk to a person' }).click();
    await eventually(async () => {
      const [conversation] = await server.app.store.listConversations();
      expect(conversation?.mode).toBe('queued');
    });
    expect(dialogs).toEqual([]);
  });
});
