import type { Browser, BrowserContext, Page } from 'playwright-core';
import { textOf, webCustomer } from '../flows/support/chat-driver';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../support/start-app';
import { forbidDialogs, launchChromium, screenshot } from './browser';
import { eventually, visible } from './wait-for';

/** A Wednesday noon next year, inside support hours. */
const NOON = Date.UTC(new Date().getUTCFullYear() + 1, 5, 2, 12, 0);

describe('the console asks for the category and severity before taking an unclassified chat, in Chromium', () => {
  let server: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let agent: Page;
  const dialogs: string[] = [];

  beforeAll(async () => {
    server = await startTestApp({ overrides: { classifyBeforeTaking: true, clock: () => NOON } });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    agent = await context.newPage();
    forbidDialogs(agent, dialogs);
    await agent.goto(`${server.url}/console`);
    await agent.getByRole('textbox', { name: 'Username' }).fill('admin');
    await agent.getByLabel('Password').fill(ADMIN_PASSWORD);
    await agent.getByRole('button', { name: 'Sign in' }).click();
    await visible(agent.getByRole('list', { name: /Waiting/ }));
  }, 60_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.cleanup();
  });
  afterEach(() => expect(dialogs).toEqual([]));

  it('prefills the bot suggestion; Cancel takes nothing; confirming claims with the classification', async () => {
    const customer = await webCustomer(server.url);
    expect(textOf(await customer.say('Human'))).toMatch(/how bad is it/);
    await customer.say('all our calls are failing since this morning');
    const id = (await server.app.store.listConversations({ modes: ['queued'], limit: 10 }))[0]!.id;
    let suggested = '';
    await eventually(async () => {
      suggested = String((await server.app.store.getConversation(id))?.brief?.suggestedSeverity);
      expect(suggested).toMatch(/^P[0-5]$/);
    });

    const queue = agent.getByRole('list', { name: /Waiting/ });
    await (await visible(queue.getByRole('button', { name: 'Claim' }).first())).click();
    let form = await visible(agent.getByRole('dialog', { name: 'Classify before taking it' }));
    expect(await form.getByLabel('Severity').inputValue()).toBe(suggested);
    expect(await form.getByLabel('Category').inputValue()).toBe('');
    // Both are needed: the button waits for the category.
    expect(await form.getByRole('button', { name: 'Classify and take' }).isDisabled()).toBe(true);
    await screenshot(agent, 'classify-01-form');
    await form.getByRole('button', { name: 'Cancel' }).click();
    await eventually(async () => expect(await agent.getByRole('dialog').count()).toBe(0));
    expect((await server.app.store.getConversation(id))?.mode).toBe('queued');

    await queue.getByRole('button', { name: 'Claim' }).first().click();
    form = await visible(agent.getByRole('dialog', { name: 'Classify before taking it' }));
    await form.getByLabel('Severity').selectOption('P2');
    await form.getByLabel('Category').selectOption('platform');
    await form.getByRole('button', { name: 'Classify and take' }).click();
    await visible(agent.getByRole('textbox', { name: 'Reply' }));
    await eventually(async () =>
      expect(await server.app.store.getConversation(id)).toMatchObject({
        mode: 'assigned',
        priority: 2,
        brief: { severity: 'P2', category: 'platform' },
      }),
    );
    customer.close();
  }, 120_000);
});
