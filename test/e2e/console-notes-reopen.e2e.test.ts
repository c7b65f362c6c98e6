import type { Browser, BrowserContext, Page } from 'playwright-core';
import { smallKnowledge } from '../support/small-knowledge';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../support/start-app';
import { seriousViolations } from './axe';
import { forbidDialogs, launchChromium, screenshot } from './browser';
import { eventually, visible } from './wait-for';

const NOTE = 'Internal: the customer is on the legacy plan';

describe('internal notes and writing to a resolved conversation, in real Chromium', () => {
  let server: TestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const dialogs: string[] = [];

  beforeAll(async () => {
    server = await startTestApp({ overrides: { knowledge: smallKnowledge() } });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.cleanup();
  });
  afterEach(() => expect(dialogs).toEqual([]));

  async function page(width: number, height: number): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height } });
    contexts.push(context);
    const opened = await context.newPage();
    forbidDialogs(opened, dialogs);
    return opened;
  }

  it('shows a note to agents only, then reopens the resolved chat from History and reaches the widget', async () => {
    const customer = await page(1200, 800);
    await customer.goto(`${server.url}/`);
    await customer.getByRole('button', { name: 'Open chat' }).click();
    const message = customer.getByRole('textbox', { name: 'Message' });
    const widgetLog = customer.getByRole('log');
    await message.fill('Human');
    await message.press('Enter');
    await message.fill('my porting request for the fax line is stuck');
    await message.press('Enter');

    const agent = await page(1280, 800);
    await agent.goto(`${server.url}/console`);
    await agent.getByRole('textbox', { name: 'Username' }).fill('admin');
    await agent.getByLabel('Password').fill(ADMIN_PASSWORD);
    await agent.getByRole('button', { name: 'Sign in' }).click();
    const queue = agent.getByRole('list', { name: /Waiting/ });
    await (await visible(queue.getByRole('button', { name: 'Claim' }).first())).click();
    const transcript = agent.getByRole('log', { name: 'Transcript' });
    await visible(transcript.getByText('my porting request for the fax line is stuck'));

    await agent.getByRole('radio', { name: 'Internal note' }).check();
    await agent.getByRole('textbox', { name: 'Internal note' }).fill(NOTE);
    await agent.getByRole('button', { name: 'Add note' }).click();
    await visible(transcript.getByText(NOTE));
    await visible(transcript.getByText('Internal note', { exact: true }));
    expect(await seriousViolations(agent)).toEqual([]);
    await screenshot(agent, 'notes-01-console-note');

    await agent.getByRole('radio', { name: 'Reply to customer' }).check();
    await agent.getByRole('textbox', { name: 'Reply' }).fill('I am checking the porting request.');
    await agent.getByRole('button', { name: 'Send', exact: true }).click();
    // The reply was stored after the note: once the widget shows it, the note would have come first.
    await visible(widgetLog.getByText('I am checking the porting request.'));
    expect(await widgetLog.textContent()).not.toContain('legacy plan');
    // A reload replays the transcript from the start: still no note.
    await customer.reload();
    await customer.getByRole('button', { name: 'Open chat' }).click();
    await visible(customer.getByRole('log').getByText('I am checking the porting request.'));
    expect(await customer.getByRole('log').textContent()).not.toContain('legacy plan');

    await agent.getByRole('button', { name: 'Resolve', exact: true }).click();
    await visible(agent.getByText('Resolved; the bot is answering again.'));
    await visible(customer.getByRole('log').getByText(/marked as resolved/));

    // Later: find it in History by a word of the transcript, open it and write to the customer.
    await agent.getByRole('tab', { name: 'History' }).click();
    await agent.getByRole('searchbox', { name: 'Search transcripts' }).fill('porting');
    await agent.getByRole('button', { name: 'Search', exact: true }).click();
    const list = agent.getByRole('table', { name: /Conversations/ });
    await (await visible(list.getByRole('button', { name: /^Open the conversation with/ }))).click();
    await visible(agent.getByText(/Sending reopens it as yours on Web chat/));
    const reply = agent.getByRole('textbox', { name: 'Reply' });
    await eventually(async () => expect(await reply.isEnabled()).toBe(true));
    await reply.fill('Good news: the porting went through.');
    await agent.getByRole('button', { name: 'Send', exact: true }).click();
    await visible(customer.getByRole('log').getByText('Good news: the porting went through.'));
    await visible(
      customer.getByRole('log').getByText('Admin from the support team is writing to you again.'),
    );
    await visible(agent.locator('.conv-head .state').getByText('with Admin'));
    await visible(agent.getByRole('list', { name: /My chats/ }).getByText(/Web visitor/));
    await screenshot(agent, 'notes-02-reopened');
    expect(await customer.getByRole('log').textContent()).not.toContain('legacy plan');
  }, 120_000);
});
