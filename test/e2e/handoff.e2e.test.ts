import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../support/start-app';
import { smallKnowledge } from '../support/small-knowledge';
import { forbidDialogs, launchChromium, screenshot } from './browser';
import { tinyPng } from './tiny-png';
import { eventually, visible } from './wait-for';

const DOCS_LINK = 'https://docs.example.com/guides/callid/#find-a-call-id';
const MARKUP = '<img src=x onerror=alert(1)>';

describe('a customer on the demo page and an agent in the console, in real Chromium', () => {
  let server: TestApp;
  let browser: Browser;
  let customerContext: BrowserContext;
  let agentContext: BrowserContext;
  let customer: Page;
  let agent: Page;
  const dialogs: string[] = [];

  beforeAll(async () => {
    server = await startTestApp({ overrides: { knowledge: smallKnowledge() } });
    browser = await launchChromium();
    customerContext = await browser.newContext({ viewport: { width: 1200, height: 800 } });
    agentContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    customer = await customerContext.newPage();
    agent = await agentContext.newPage();
    forbidDialogs(customer, dialogs);
    forbidDialogs(agent, dialogs);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.cleanup();
  });

  afterEach(() => {
    expect(dialogs).toEqual([]);
  });

  it('does a whole handoff using only accessible names', async () => {
    await customer.goto(`${server.url}/`);
    await customer.getByRole('button', { name: 'Open chat' }).click();
    const message = customer.getByRole('textbox', { name: 'Message' });
    await eventually(async () =>
      expect(
        await message.evaluate((node) => node === (node.getRootNode() as ShadowRoot).activeElement),
      ).toBe(true),
    );
    const widgetLog = customer.getByRole('log');

    await message.fill('where do I find a call id?');
    await customer.getByRole('button', { name: 'Send' }).click();
    const link = widgetLog.getByRole('link', { name: DOCS_LINK });
    await visible(link);
    expect(await link.getAttribute('href')).toBe(DOCS_LINK);
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await link.getAttribute('target')).toBe('_blank');
    await customer
      .getByRole('group', { name: 'Did this help?' })
      .getByRole('button', { name: 'Yes' })
      .click();
    await visible(widgetLog.getByText('Thanks for the feedback.'));
    await screenshot(customer, '01-customer-docs-answer');

    await agent.goto(`${server.url}/console`);
    await agent.getByRole('textbox', { name: 'Username' }).fill('admin');
    await agent.getByLabel('Password').fill(ADMIN_PASSWORD);
    await agent.getByRole('button', { name: 'Sign in' }).click();
    await visible(agent.getByText('Nobody is waiting.'));

    await message.fill('Human');
    await message.press('Enter');
    // The bot's wording comes from the support policy; the widget's own banner shows the queue.
    await eventually(async () =>
      expect(await customer.getByRole('status').textContent()).toContain('Waiting for an agent'),
    );
    await message.fill('my calls drop after 30 seconds');
    await message.press('Enter');

    const queue = agent.getByRole('list', { name: /Waiting/ });
    await visible(queue.getByText('my calls drop after 30 seconds'));
    await visible(queue.getByText('web', { exact: true }));
    await screenshot(agent, '02-agent-queue');
    await queue
      .getByRole('listitem')
      .filter({ hasText: 'my calls drop after 30 seconds' })
      .getByRole('button', { name: 'Claim' })
      .click();

    const transcript = agent.getByRole('log', { name: 'Transcript' });
    await visible(transcript.getByText('where do I find a call id?'));
    await visible(transcript.getByText(/Logging section, click the call/));
    await visible(transcript.getByText('my calls drop after 30 seconds'));
    await eventually(async () =>
      expect(await agent.getByRole('list', { name: /My chats/ }).textContent()).toContain('Web visitor'),
    );

    await customer.locator('input[type=file]').setInputFiles({
      name: 'sip-trace.png',
      mimeType: 'image/png',
      buffer: tinyPng(),
    });
    await visible(widgetLog.getByRole('img', { name: 'sip-trace.png' }));
    const thumbnail = await visible(transcript.getByRole('img', { name: 'sip-trace.png' }));
    await eventually(async () =>
      expect(await thumbnail.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(160),
    );

    await agent.getByRole('textbox', { name: 'Reply' }).fill('Hi, I am looking at it now.');
    await agent.getByRole('button', { name: 'Send' }).click();
    await visible(widgetLog.getByText('Hi, I am looking at it now.'));
    await eventually(async () =>
      expect(await customer.getByRole('status').textContent()).toContain('You are chatting with Admin'),
    );
    await visible(transcript.getByText('Hi, I am looking at it now.'));
    await screenshot(customer, '03-customer-agent-reply');
    await screenshot(agent, '04-agent-conversation');

    // The agent's open chat survives a reload of the console.
    await agent.reload();
    await visible(agent.getByRole('log', { name: 'Transcript' }).getByText('Hi, I am looking at it now.'));
    await agent.getByRole('button', { name: 'Resolve' }).click();
    await visible(widgetLog.getByText(/marked as resolved/));
    // The bot answers again: the same docs question gets a second answer with the link.
    await message.fill('where do I find a call id?');
    await customer.getByRole('button', { name: 'Send' }).click();
    await eventually(async () =>
      expect(await widgetLog.getByRole('link', { name: DOCS_LINK }).count()).toBe(2),
    );
    await screenshot(customer, '05-customer-bot-again');
  });

  it('brings the transcript back after a reload, each message once', async () => {
    await customer.reload();
    await customer.getByRole('button', { name: 'Open chat' }).click();
    const widgetLog = customer.getByRole('log');
    await visible(widgetLog.getByText('Hi, I am looking at it now.'));
    expect(await widgetLog.getByText('Hi, I am looking at it now.').count()).toBe(1);
    expect(await widgetLog.getByText('where do I find a call id?').count()).toBe(2);
    expect(await widgetLog.getByRole('link', { name: DOCS_LINK }).count()).toBe(2);
    await screenshot(customer, '06-customer-after-reload');
  });

  it('shows markup typed by a customer as literal text in the widget and the console', async () => {
    const visitor = await browser.newContext();
    const page = await visitor.newPage();
    forbidDialogs(page, dialogs);
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: 'Open chat' }).click();
    const message = page.getByRole('textbox', { name: 'Message' });
    await message.fill('Human');
    await message.press('Enter');
    await message.fill(MARKUP);
    await message.press('Enter');
    const widgetLog = page.getByRole('log');
    await visible(widgetLog.getByText(MARKUP, { exact: true }));
    expect(await widgetLog.locator('img').count()).toBe(0);

    const queue = agent.getByRole('list', { name: /Waiting/ });
    await visible(queue.getByText(MARKUP));
    await queue
      .getByRole('listitem')
      .filter({ hasText: MARKUP })
      .getByRole('button', { name: 'Claim' })
      .click();
    const transcript = agent.getByRole('log', { name: 'Transcript' });
    await visible(transcript.getByText(MARKUP, { exact: true }));
    expect(await agent.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await screenshot(agent, '07-agent-literal-markup');
    await visitor.close();
  });

  it('works embedded on another site: finds its server from its own script tag', async () => {
    const shop = await browser.newContext();
    const page = await shop.newPage();
    // A second server is the other site (Chromium lets only loopback pages load from loopback).
    const shopServer = http.createServer((_req, res) => {
      res.setHeader('content-type', 'text/html');
      res.end(
        `<!doctype html><title>Shop</title><h1>Shop</h1><script src="${server.url}/widget.js"></script>`,
      );
    });
    await new Promise<void>((resolve) => shopServer.listen(0, '127.0.0.1', resolve));
    const shopPage = `http://127.0.0.1:${(shopServer.address() as AddressInfo).port}/`;
    await page.goto(shopPage);
    expect(new URL(page.url()).origin).not.toBe(server.url);
    await page.getByRole('button', { name: 'Open chat' }).click();
    const message = page.getByRole('textbox', { name: 'Message' });
    await message.fill('where do I find a call id?');
    await message.press('Enter');
    await visible(page.getByRole('log').getByRole('link', { name: DOCS_LINK }));
    await message.press('Escape');
    await eventually(async () => expect(await page.getByRole('dialog').count()).toBe(0));
    await shop.close();
    await new Promise((resolve) => shopServer.close(resolve));
  });
});
