import type { Browser, Page } from 'playwright-core';
import type { WireMessage } from '../../src/realtime/socket-events';
import { textOf, webCustomer, type WebCustomer } from '../flows/support/chat-driver';
import { problemKnowledge } from '../flows/support/problem-knowledge';
import { ADMIN_PASSWORD, nextEvent, startTestApp, type TestApp } from '../support/start-app';
import { forbidDialogs, launchChromium, screenshot } from './browser';
import { eventually, visible } from './wait-for';

const YEAR = new Date().getUTCFullYear() + 1;
/** A Wednesday noon next year, inside support hours, so the reports go to the queue the same way every run. */
const NOON = Date.UTC(YEAR, 5, 1, 12, 0);
const MARKUP = '<img src=x onerror=alert(1)>';

describe('tickets, leads and ending a conversation in the console, in real Chromium', () => {
  let server: TestApp;
  let browser: Browser;
  let agent: Page;
  const customers: WebCustomer[] = [];
  const dialogs: string[] = [];

  beforeAll(async () => {
    server = await startTestApp({ overrides: { knowledge: problemKnowledge(), clock: () => NOON } });
    browser = await launchChromium();
    agent = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    forbidDialogs(agent, dialogs);
    await agent.goto(`${server.url}/console`);
    await agent.getByRole('textbox', { name: 'Username' }).fill('admin');
    await agent.getByLabel('Password').fill(ADMIN_PASSWORD);
    await agent.getByRole('button', { name: 'Sign in' }).click();
    await visible(agent.getByText('Nobody is waiting.'));
  }, 60_000);

  afterAll(async () => {
    for (const customer of customers) customer.close();
    await browser?.close();
    await server?.cleanup();
  });

  afterEach(() => {
    expect(dialogs).toEqual([]);
  });

  async function customer(): Promise<WebCustomer> {
    const one = await webCustomer(server.url);
    customers.push(one);
    return one;
  }

  /** A whole call-problem report through the widget's socket; resolves with the ticket id. */
  async function fileReport(description: string, callId: string, observed: string): Promise<string> {
    const someone = await customer();
    const first = textOf(await someone.say(description));
    if (/Did one of them solve/.test(first)) await someone.say('Not solved');
    await someone.sayAll(['Platform', 'P1', callId, 'since 14:00 UTC', 'checked our firewall', observed]);
    const filed = textOf(await someone.say('no idea'));
    const ticketId = filed.match(/ticket (T-\w{5})/)?.[1];
    if (!ticketId) throw new Error(`no ticket filed; the bot said: ${filed}`);
    return ticketId;
  }

  it('finds a web report by its id and by a word of its description, with the brief and the conversation', async () => {
    const audio = await fileReport(
      'my calls are failing with one-way audio',
      'a84b4c76e66710@10.0.0.1',
      'callers hear nothing, we hear them',
    );
    const germany = await fileReport(
      `calls to Germany fail with a 503 ${MARKUP}`,
      'c0ffee12345678@10.0.0.9',
      'every call rejected',
    );

    await agent.getByRole('tab', { name: 'Tickets' }).click();
    const search = agent.getByRole('searchbox', { name: 'Search tickets' });
    const tickets = agent.getByRole('list', { name: 'Tickets' });
    const rows = tickets.getByRole('listitem');
    await eventually(async () => expect(await rows.count()).toBe(2));
    // Customer text is shown as text: the markup is visible and no image element was made of it.
    await visible(tickets.getByText(`calls to Germany fail with a 503 ${MARKUP}`));
    expect(await agent.locator('img[src="x"]').count()).toBe(0);
    await screenshot(agent, 'tickets-01-list');

    await search.fill(audio);
    await eventually(async () => {
      expect(await rows.count()).toBe(1);
      expect(await rows.first().textContent()).toContain(audio);
    });
    await search.fill('germany');
    await eventually(async () => {
      expect(await rows.count()).toBe(1);
      expect(await rows.first().textContent()).toContain(germany);
    });
    await search.fill('fax machine');
    await visible(tickets.getByText('No tickets match.'));

    await search.fill('hear nothing');
    await eventually(async () => expect(await rows.count()).toBe(1));
    await tickets.getByRole('button', { name: new RegExp(audio) }).click();
    const card = await visible(agent.getByRole('region', { name: `Ticket ${audio}` }));
    await eventually(async () => {
      const text = (await card.textContent()) ?? '';
      expect(text).toContain('my calls are failing with one-way audio');
      expect(text).toContain('platform');
      expect(text).toContain('P1');
      expect(text).toContain('a84b4c76e66710@10.0.0.1');
      expect(text).toContain('callers hear nothing, we hear them');
      expect(text).toContain('never');
    });
    const doc = card.getByRole('link', { name: 'One-way audio › NAT and RTP' });
    expect(await doc.getAttribute('href')).toBe('https://docs.example.com/guides/one-way-audio/#nat-and-rtp');
    // Its conversation opened below the card, transcript included.
    const transcript = agent.getByRole('log', { name: 'Transcript' });
    await visible(transcript.getByText('my calls are failing with one-way audio'));
    await visible(transcript.getByText('a84b4c76e66710@10.0.0.1'));
    await screenshot(agent, 'tickets-02-brief-and-conversation');

    // The report is waiting: the agent takes it from here and answers, without the queue.
    const conversation = agent.getByRole('region', { name: /^Conversation with Web visitor/ });
    await conversation.getByRole('button', { name: 'Claim' }).click();
    const reply = agent.getByRole('textbox', { name: 'Reply' });
    await eventually(async () => expect(await reply.isEnabled()).toBe(true));
    await reply.fill('Checking the RTP ports on our side now.');
    await reply.press('Enter');
    await visible(transcript.getByText('Checking the RTP ports on our side now.'));
    await screenshot(agent, 'tickets-03-claimed-from-ticket');
  });

  it('lists a NOC-on-Demand enquiry under Leads', async () => {
    const someone = await customer();
    await someone.sayAll(['Do you offer NOC-on-Demand?', '24/7 cover for our EU switch']);
    expect(textOf(await someone.say('Jane Doe, jane@example.com'))).toMatch(/passed your enquiry/);

    await agent.getByRole('tab', { name: 'Leads' }).click();
    const leads = agent.getByRole('table', { name: /leads/i });
    const row = leads.getByRole('row').filter({ hasText: 'jane@example.com' });
    await visible(row);
    expect(await row.textContent()).toContain('24/7 cover for our EU switch');
    expect(await row.textContent()).toContain('NOC-on-Demand');
    expect(await row.getByRole('link', { name: 'jane@example.com' }).getAttribute('href')).toBe(
      'mailto:jane%40example.com',
    );
    await screenshot(agent, 'tickets-04-leads');
  });

  it('lists a docs answer the customer said did not help under Docs gaps', async () => {
    const someone = await customer();
    const [answer] = (await someone.say('where is the call id shown?')).filter(
      (m) => m.answerId !== undefined,
    );
    if (!answer) throw new Error('no docs answer');
    await new Promise((resolve) =>
      someone.socket.emit('feedback', { seq: answer.seq, helpful: false }, resolve),
    );

    await agent.getByRole('tab', { name: 'Docs gaps' }).click();
    const gaps = agent.getByRole('table', { name: /did not help/i });
    const row = gaps.getByRole('row').filter({ hasText: 'where is the call id shown?' });
    await visible(row);
    expect(await row.textContent()).toContain('guides/callid.md');
    expect(await row.textContent()).toContain('Did not help');
    await screenshot(agent, 'tickets-05-docs-gaps');
  });

  it('shows an abusive conversation with a badge and lets the agent end it after confirming', async () => {
    await agent.getByRole('tab', { name: 'Conversations' }).click();
    const someone = await customer();
    await someone.say('you morons');
    await someone.say('I will find you');

    const queue = agent.getByRole('list', { name: /Waiting/ });
    const row = queue.getByRole('listitem').filter({ hasText: 'I will find you' });
    await visible(row.getByText('Abusive', { exact: true }));
    await screenshot(agent, 'tickets-05-abusive-in-queue');
    await row.getByRole('button', { name: 'Claim' }).click();
    const transcript = agent.getByRole('log', { name: 'Transcript' });
    await visible(transcript.getByText('I will find you'));
    const mine = agent.getByRole('list', { name: /My chats/ });
    await visible(mine.getByText('Abusive', { exact: true }));

    // Cancel first: nothing happens.
    await agent.getByRole('button', { name: 'End conversation' }).click();
    const confirm = await visible(agent.getByRole('dialog', { name: 'End this conversation?' }));
    await screenshot(agent, 'tickets-06-end-confirm');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await eventually(async () => expect(await agent.getByRole('dialog').count()).toBe(0));
    expect(await agent.getByRole('button', { name: 'End conversation' }).isEnabled()).toBe(true);
    expect(await transcript.getByText(/Conversation ended/).count()).toBe(0);

    const told = nextEvent<WireMessage>(someone.socket, 'message', (m) =>
      /ended this conversation/.test(m.text),
    );
    await agent.getByRole('button', { name: 'End conversation' }).click();
    const again = await visible(agent.getByRole('dialog', { name: 'End this conversation?' }));
    await again.getByRole('textbox', { name: 'Reason (optional)' }).fill('threats');
    await again.getByRole('button', { name: 'End conversation' }).click();
    await told;
    await visible(transcript.getByText(/Conversation ended by Admin: threats/));
    await visible(agent.getByText('Conversation ended; the customer was told.'));
    await visible(agent.getByText('Ended by Admin: if the customer writes again, the bot answers.'));
    expect(await agent.getByRole('button', { name: 'End conversation' }).isDisabled()).toBe(true);
    await eventually(async () =>
      expect(await agent.getByRole('list', { name: /My chats/ }).textContent()).not.toContain(
        'I will find you',
      ),
    );
    await screenshot(agent, 'tickets-07-ended');
  });
});
