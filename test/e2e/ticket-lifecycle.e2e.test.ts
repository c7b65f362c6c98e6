import type { Browser, Page } from 'playwright-core';
import type { WireMessage } from '../../src/realtime/socket-events';
import { textOf, webCustomer, type WebCustomer } from '../flows/support/chat-driver';
import { ADMIN_PASSWORD, nextEvent, startTestApp, type TestApp } from '../support/start-app';
import { forbidDialogs, launchChromium, screenshot } from './browser';
import { eventually, visible } from './wait-for';

/** 1 June next year, noon UTC: inside support hours. */
const NOON = Date.UTC(new Date().getUTCFullYear() + 1, 5, 1, 12, 0);

describe('the ticket lifecycle from the console, in real Chromium', () => {
  let server: TestApp;
  let browser: Browser;
  let agent: Page;
  let customer: WebCustomer;
  const dialogs: string[] = [];

  beforeAll(async () => {
    server = await startTestApp({ overrides: { clock: () => NOON } });
    browser = await launchChromium();
    agent = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    forbidDialogs(agent, dialogs);
    await agent.goto(`${server.url}/console`);
    await agent.getByRole('textbox', { name: 'Username' }).fill('admin');
    await agent.getByLabel('Password').fill(ADMIN_PASSWORD);
    await agent.getByRole('button', { name: 'Sign in' }).click();
    await visible(agent.getByText('Nobody is waiting.'));
  }, 60_000);

  afterAll(async () => {
    customer?.close();
    await browser?.close();
    await server?.cleanup();
  });

  it('the agent escalates and proposes a fix in the Tickets view; the customer confirms it and the ticket closes', async () => {
    customer = await webCustomer(server.url);
    await customer.sayAll(['my calls are failing', 'Operational', 'P3', 'a84b4c76e66710@10.0.0.1']);
    await customer.sayAll(['today at 09:30 UTC', 'restarted our PBX', '503 from the carrier']);
    const ticketId = /ticket (T-\w{5})/.exec(textOf(await customer.say('no idea')))?.[1];
    expect(ticketId).toBeDefined();

    await agent.getByRole('tab', { name: 'Tickets' }).click();
    const tickets = agent.getByRole('list', { name: 'Tickets' });
    await (await visible(tickets.getByText(ticketId!))).click();
    const card = agent.getByRole('region', { name: `Ticket ${ticketId}` });
    await visible(card.getByText('1st line'));

    const toldLine = nextEvent<WireMessage>(customer.socket, 'message', (m) => /2nd line/.test(m.text));
    await card
      .getByRole('textbox', { name: 'Reason for escalating' })
      .fill('carrier side, needs a senior engineer');
    await card.getByRole('button', { name: 'Escalate to 2nd line' }).click();
    expect((await toldLine).text).toMatch(/now with our 2nd line/);
    await visible(card.getByText('2nd line', { exact: true }));

    const asked = nextEvent<WireMessage>(customer.socket, 'message', (m) => /does it work now/.test(m.text));
    await card.getByRole('textbox', { name: /Fix note/ }).fill('we moved your traffic to another carrier');
    await card.getByRole('button', { name: 'Fix proposed' }).click();
    const question = await asked;
    expect(question.text).toContain('we moved your traffic to another carrier');
    expect(question.quickReplies?.map((q) => q.label)).toEqual(['It works', 'Still broken']);
    await visible(card.getByText(/waiting for the customer until/));
    await screenshot(agent, 'lifecycle-01-fix-proposed');

    expect(textOf(await customer.say('It works now'))).toMatch(/is now closed/);
    await tickets.getByText(ticketId!).click();
    await eventually(async () => {
      expect(await card.textContent()).toContain('The customer confirmed the fix works');
    });
    await screenshot(agent, 'lifecycle-02-confirmed');
    expect(dialogs).toEqual([]);
  });
});
