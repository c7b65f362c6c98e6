import type { Browser, Page } from 'playwright-core';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../support/start-app';
import { problemKnowledge } from '../flows/support/problem-knowledge';
import { forbidDialogs, launchChromium, screenshot } from './browser';
import { eventually, visible } from './wait-for';

describe('reporting a problem in the widget, reading the brief in the console, in real Chromium', () => {
  let server: TestApp;
  let browser: Browser;
  let customer: Page;
  let agent: Page;
  const dialogs: string[] = [];

  beforeAll(async () => {
    server = await startTestApp({ overrides: { knowledge: problemKnowledge() } });
    browser = await launchChromium();
    customer = await (await browser.newContext({ viewport: { width: 1200, height: 800 } })).newPage();
    agent = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    forbidDialogs(customer, dialogs);
    forbidDialogs(agent, dialogs);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.cleanup();
  });

  it('"my calls are failing" ends as a ticket whose brief the agent sees on claiming it', async () => {
    await agent.goto(`${server.url}/console`);
    await agent.getByRole('textbox', { name: 'Username' }).fill('admin');
    await agent.getByLabel('Password').fill(ADMIN_PASSWORD);
    await agent.getByRole('button', { name: 'Sign in' }).click();
    await visible(agent.getByText('Nobody is waiting.'));

    await customer.goto(`${server.url}/`);
    await customer.getByRole('button', { name: 'Open chat' }).click();
    const message = customer.getByRole('textbox', { name: 'Message' });
    const log = customer.getByRole('log');
    const send = async (text: string) => {
      await message.fill(text);
      await message.press('Enter');
    };
    const chip = (name: string) => customer.getByRole('button', { name, exact: true });

    await send('my calls are failing with one-way audio');
    await visible(log.locator('a[href="https://docs.example.com/guides/one-way-audio/#nat-and-rtp"]'));
    await (await visible(chip('Not solved'))).click();
    await (await visible(chip('Platform'))).click();
    await (await visible(chip('P1 Critical'))).click();
    await visible(log.getByText(/Call-ID of one or more affected calls/));
    await send('a84b4c76e66710@10.0.0.1');
    await visible(log.getByText(/When did it start/));
    await send('since 14:00 UTC');
    await visible(log.getByText(/What have you tried/));
    await send('checked our firewall');
    await visible(log.getByText(/exactly what you observe/));
    await send('callers hear nothing, we hear them');
    await (await visible(chip('No idea'))).click();
    const filed = await visible(log.getByText(/Your report is filed as ticket T-/));
    const ticketId = (await filed.textContent())?.match(/T-[2-9A-Z]{5}/)?.[0];
    expect(ticketId).toBeDefined();
    await screenshot(customer, 'report-01-customer-ticket');

    const queue = agent.getByRole('list', { name: /Waiting/ });
    await visible(queue.getByText('P1'));
    await queue.getByRole('listitem').first().getByRole('button', { name: 'Claim' }).click();
    const brief = await visible(agent.getByRole('region', { name: 'Problem brief' }));
    await eventually(async () => {
      const text = (await brief.textContent()) ?? '';
      expect(text).toContain(ticketId!);
      expect(text).toContain('platform');
      expect(text).toContain('a84b4c76e66710@10.0.0.1');
      expect(text).toContain('since 14:00 UTC');
      expect(text).toContain('One-way audio › NAT and RTP');
    });
    await screenshot(agent, 'report-02-agent-brief');
    expect(dialogs).toEqual([]);
  });

  it('a report interrupted by a question and then a request for a person reaches the agent with what was gathered', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1200, height: 800 } })).newPage();
    forbidDialogs(page, dialogs);
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: 'Open chat' }).click();
    const message = page.getByRole('textbox', { name: 'Message' });
    const log = page.getByRole('log');
    const send = async (text: string) => {
      await message.fill(text);
      await message.press('Enter');
    };

    await send('one-way audio on calls to Spain since this morning, e.g. a84b4c76e66710@10.0.0.1');
    await (await visible(page.getByRole('button', { name: 'Not solved', exact: true }))).click();
    await visible(log.getByText(/Which category is it/));
    await send('hold on, what are your support hours?');
    await visible(log.getByText(/Support hours are 08:00-20:00 UTC/));
    await visible(log.getByText(/Back to where we were/));
    await send('actually, can one of your engineers take this over?');
    await visible(log.getByText(/alerting our support team/));
    await screenshot(page, 'report-03-digressions');

    const queue = agent.getByRole('list', { name: /Waiting/ });
    const row = queue.getByRole('listitem').first();
    await (await visible(row.getByRole('button', { name: 'Claim' }))).click();
    const brief = await visible(agent.getByRole('region', { name: 'Problem brief' }));
    await eventually(async () => {
      const text = (await brief.textContent()) ?? '';
      expect(text).toContain('a84b4c76e66710@10.0.0.1');
      expect(text).toContain('since this morning');
    });
    expect(dialogs).toEqual([]);
  });
});
