import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ConversationSummary } from '../../src/realtime/socket-events';
import { webCustomer } from '../flows/support/chat-driver';
import { smallKnowledge } from '../support/small-knowledge';
import {
  ADMIN_PASSWORD,
  connectAgent,
  nextEvent,
  request,
  signIn,
  startTestApp,
  type TestApp,
} from '../support/start-app';
import { seriousViolations } from './axe';
import { forbidDialogs, launchChromium, screenshot } from './browser';
import { eventually, visible } from './wait-for';

describe('reports and agent accounts for a team lead, in real Chromium', () => {
  let server: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const dialogs: string[] = [];

  beforeAll(async () => {
    server = await startTestApp({ overrides: { knowledge: smallKnowledge() } });
    browser = await launchChromium();
    // A rated handoff and a conversation the bot settled alone.
    const desk = connectAgent(server.url, await signIn(server.url));
    await nextEvent(desk, 'hello');
    const customer = await webCustomer(server.url);
    const queued = nextEvent<ConversationSummary>(desk, 'handoffRequested');
    await customer.say('Human');
    const { id } = await queued;
    await request(desk, 'claim', { conversationId: id });
    await request(desk, 'reply', { conversationId: id, text: 'Done, try again now.', clientId: 'e2e-1' });
    await request(desk, 'resolve', { conversationId: id });
    await customer.say('5');
    await (await webCustomer(server.url)).say('where do I find a call id?');
    desk.close();
    customer.close();
  }, 60_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.cleanup();
  });
  afterEach(() => expect(dialogs).toEqual([]));

  async function signedIn(username: string, password: string, width = 1280, height = 800): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true });
    contexts.push(context);
    const page = await context.newPage();
    forbidDialogs(page, dialogs);
    await page.goto(`${server.url}/console`);
    await page.getByRole('textbox', { name: 'Username' }).fill(username);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await visible(page.getByRole('list', { name: /Waiting/ }));
    return page;
  }

  it('shows the week with a chart and tables, and downloads it as CSV', async () => {
    const lead = await signedIn('admin', ADMIN_PASSWORD);
    await lead.getByRole('tab', { name: 'Reports' }).click();
    const cards = lead.locator('.report-cards');
    await visible(cards);
    await eventually(async () => {
      expect(await cards.textContent()).toContain('Handoffs1');
      expect(await cards.textContent()).toContain('Settled by the bot50%');
      expect(await cards.textContent()).toContain('100% satisfied (1 rating, average 5.0/5)');
    });
    await visible(
      lead.getByRole('img', { name: /Chart of 7 days: 2 conversations, 1 settled by the bot, 1 handoffs/ }),
    );
    expect(await lead.locator('.report-chart canvas').count()).toBeGreaterThan(0);
    const perAgent = lead.getByRole('table', { name: 'Per agent' });
    await visible(perAgent.getByRole('cell', { name: 'Admin' }));
    expect(await lead.getByRole('table', { name: 'Per day' }).getByRole('row').count()).toBe(8);
    expect(await seriousViolations(lead)).toEqual([]);
    await screenshot(lead, 'reports-01-week');

    const [download] = await Promise.all([
      lead.waitForEvent('download'),
      lead.getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^desk-report-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync(await download.path(), 'utf8');
    expect(csv.split('\n')[0]).toMatch(/^section,name,conversations,bot_settled/);
    expect(csv).toMatch(/^agent,Admin,,,,1,/m);
  }, 90_000);

  it('adds an agent, who sees no reports, and disabling them closes their console', async () => {
    const lead = await signedIn('admin', ADMIN_PASSWORD);
    await lead.getByRole('tab', { name: 'Agents' }).click();
    const form = lead.getByRole('form', { name: 'Add an agent' });
    await form.getByRole('textbox', { name: 'Username' }).fill('dana');
    await form.getByRole('textbox', { name: 'Display name' }).fill('Dana Reyes');
    await form.getByRole('button', { name: 'Add agent' }).click();
    const secret = await visible(lead.getByRole('status').filter({ hasText: 'New password for dana' }));
    const password = (await secret.locator('code').textContent()) ?? '';
    expect(password.length).toBeGreaterThanOrEqual(8);
    const accounts = lead.getByRole('table', { name: /Agents/ });
    await visible(accounts.getByRole('cell', { name: 'Dana Reyes' }));
    expect(await seriousViolations(lead)).toEqual([]);
    await screenshot(lead, 'agents-01-added');

    const dana = await signedIn('dana', password, 375, 740);
    expect(await dana.getByRole('tab', { name: 'Reports' }).count()).toBe(0);
    expect(await dana.getByRole('tab', { name: 'Agents' }).count()).toBe(0);
    expect(await dana.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    await accounts.getByRole('button', { name: 'Disable dana' }).click();
    await visible(lead.getByText('dana is disabled and signed out.'));
    await visible(dana.getByText('Your session has ended; please sign in again.'));
    await dana.getByRole('textbox', { name: 'Username' }).fill('dana');
    await dana.getByLabel('Password').fill(password);
    await dana.getByRole('button', { name: 'Sign in' }).click();
    await visible(dana.getByText('This account is disabled'));
    // Her own account is the one an admin cannot disable.
    expect(await accounts.getByRole('button', { name: 'Disable admin' }).isDisabled()).toBe(true);
  }, 90_000);

  it('fits the report on a 375 px phone', async () => {
    const lead = await signedIn('admin', ADMIN_PASSWORD, 375, 740);
    await lead.getByRole('tab', { name: 'Reports' }).click();
    await visible(lead.locator('.report-cards'));
    await visible(lead.getByRole('img', { name: /Chart of 7 days/ }));
    expect(await lead.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await seriousViolations(lead)).toEqual([]);
    await screenshot(lead, 'reports-02-phone');
  }, 60_000);
});
