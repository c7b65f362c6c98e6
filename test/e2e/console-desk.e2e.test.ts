import type { Browser, BrowserContext, Page } from 'playwright-core';
import { problemKnowledge } from '../flows/support/problem-knowledge';
import { textOf, webCustomer, type WebCustomer } from '../flows/support/chat-driver';
import type { ConversationSummary } from '../../src/realtime/socket-events';
import {
  ADMIN_PASSWORD,
  connectAgent,
  nextEvent,
  request,
  signIn,
  startTestApp,
  type TestApp,
} from '../support/start-app';
import { forbidDialogs, launchChromium, screenshot } from './browser';
import { eventually, visible } from './wait-for';

/** Files a P2 report over a widget connection; gives the ticket id. */
async function fileReport(customer: WebCustomer, description: string): Promise<string> {
  const first = textOf(await customer.say(description));
  if (/Did one of them solve/.test(first)) await customer.say('Not solved');
  await customer.sayAll(['Platform', 'P2', 'a84b4c76e66710@10.0.0.1', 'today', 'nothing yet', 'no audio']);
  const filed = textOf(await customer.say('no idea'));
  const ticketId = /ticket (T-\w{5})/.exec(filed)?.[1];
  if (!ticketId) throw new Error(`no ticket filed: ${filed}`);
  return ticketId;
}

/** Whether the element's middle is on screen and not covered or scrolled away inside its pane. */
function inView(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((node) => {
    const box = node.getBoundingClientRect();
    const x = Math.min(box.left + box.width / 2, window.innerWidth - 1);
    const y = box.top + Math.min(box.height / 2, 20);
    const hit = document.elementFromPoint(x, y);
    return hit !== null && node.contains(hit);
  });
}

describe('running the desk from the console, in real Chromium', () => {
  let server: TestApp;
  let browser: Browser;
  const dialogs: string[] = [];

  beforeAll(async () => {
    server = await startTestApp({ overrides: { knowledge: problemKnowledge() } });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.cleanup();
  });
  const contexts: BrowserContext[] = [];
  afterEach(async () => {
    // Closed here too, so a failed test leaves no agent signed in for the next one.
    for (const context of contexts.splice(0)) await context.close();
    expect(dialogs).toEqual([]);
  });

  async function signedIn(
    width: number,
    height: number,
    username = 'admin',
    password = ADMIN_PASSWORD,
  ): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height } });
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

  it('shows the brief on claim and resolves without touching the ticket unless asked', async () => {
    const agent = await signedIn(1280, 800);
    const customer = await webCustomer(server.url);
    const ticketId = await fileReport(customer, 'calls to Spain have one-way audio');
    const queue = agent.getByRole('list', { name: /Waiting/ });
    await (await visible(queue.getByRole('button', { name: 'Claim' }).first())).click();
    await visible(agent.getByRole('region', { name: 'Problem brief' }));
    await eventually(async () => expect(await inView(agent, '.brief')).toBe(true));
    await screenshot(agent, 'desk-01-brief-on-claim');

    await agent.getByRole('button', { name: 'Resolve', exact: true }).click();
    const dialog = await visible(agent.getByRole('dialog', { name: 'Resolve this conversation?' }));
    expect(await dialog.getByRole('checkbox', { name: `Also resolve ticket ${ticketId}` }).isChecked()).toBe(
      false,
    );
    await dialog.getByRole('button', { name: 'Resolve' }).click();
    await visible(agent.getByText(`Ticket ${ticketId} stays open.`));
    expect((await server.app.store.getTicket(ticketId))?.status).toBe('open');
    customer.close();
  }, 90_000);

  it('works on a 375 px phone: claim, reply and resolve', async () => {
    const agent = await signedIn(375, 740);
    const customer = await webCustomer(server.url);
    await customer.say('Human');
    await customer.say('my invoice is wrong');
    const noWiderThanScreen = async () =>
      expect(await agent.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await noWiderThanScreen();
    const queue = agent.getByRole('list', { name: /Waiting/ });
    await (await visible(queue.getByRole('button', { name: 'Claim' }).first())).click();
    const reply = agent.getByRole('textbox', { name: 'Reply' });
    await eventually(async () => expect(await reply.isEnabled()).toBe(true));
    await noWiderThanScreen();
    await reply.fill('Let me look at that invoice.');
    const delivered = nextEvent<{ text: string }>(
      customer.socket,
      'message',
      (m) => m.text === 'Let me look at that invoice.',
    );
    await agent.getByRole('button', { name: 'Send' }).click();
    await delivered;
    await visible(agent.getByRole('log', { name: 'Transcript' }).getByText('Let me look at that invoice.'));
    for (const name of ['Release', 'Resolve', 'End conversation']) {
      const button = agent.getByRole('button', { name, exact: true });
      await button.scrollIntoViewIfNeeded();
      const box = await button.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 375).toBe(true);
    }
    await screenshot(agent, 'desk-02-phone-claimed');
    await agent.getByRole('button', { name: 'Resolve', exact: true }).click();
    await visible(agent.getByText('Resolved; the bot is answering again.'));
    await noWiderThanScreen();
    customer.close();
  }, 90_000);

  it('finds a resolved conversation by a word of its transcript and opens it whole', async () => {
    const customer = await webCustomer(server.url);
    const helper = connectAgent(server.url, await signIn(server.url));
    await nextEvent(helper, 'hello');
    const requested = nextEvent<ConversationSummary>(helper, 'handoffRequested');
    await customer.say('Human');
    const { id } = await requested;
    await customer.say('the fax gateway rejects my uploads');
    await request(helper, 'claim', { conversationId: id });
    await request(helper, 'reply', {
      conversationId: id,
      text: 'Fixed the gateway limits.',
      clientId: `h-${id}`,
    });
    await request(helper, 'resolve', { conversationId: id });
    helper.close();
    const other = await webCustomer(server.url);
    await other.say('what are your support hours?');

    const agent = await signedIn(1280, 800);
    await agent.getByRole('tab', { name: 'History' }).click();
    const list = agent.getByRole('table', { name: /Conversations/ });
    await agent.getByRole('searchbox', { name: 'Search transcripts' }).fill('FAX');
    await agent.getByRole('combobox', { name: 'Status', exact: true }).selectOption('resolved');
    await agent.getByRole('button', { name: 'Search', exact: true }).click();
    await eventually(async () => {
      const rows = list.getByRole('row');
      expect(await rows.count()).toBe(2); // the header and one conversation
      expect(await rows.nth(1).textContent()).toContain('resolved');
      expect(await rows.nth(1).textContent()).toContain('Admin');
    });
    await screenshot(agent, 'desk-03-history-search');
    await list.getByRole('button', { name: /^Open the conversation with/ }).click();
    const transcript = agent.getByRole('log', { name: 'Transcript' });
    await visible(transcript.getByText('the fax gateway rejects my uploads'));
    await visible(transcript.getByText('Fixed the gateway limits.'));
    await visible(agent.getByText('Resolved: the bot is answering this customer again.'));

    await agent.getByRole('tab', { name: 'History' }).click();
    await agent.getByRole('searchbox', { name: 'Search transcripts' }).fill('telefax');
    await agent.getByRole('button', { name: 'Search', exact: true }).click();
    await visible(agent.getByText('No conversation mentions "telefax".'));
    customer.close();
    other.close();
  }, 90_000);

  it('keeps canned responses in the Replies tab and inserts one with / in a reply', async () => {
    const agent = await signedIn(1280, 800);
    await agent.getByLabel('Your status').selectOption('away');
    await visible(agent.getByText('Away: no alerts for new handoffs.'));
    await eventually(async () =>
      expect(await agent.locator('.topbar .online').textContent()).toBe('0 agents online'),
    );
    await agent.getByLabel('Your status').selectOption('online');
    await visible(agent.getByText('1 agent online'));
    await agent.getByRole('tab', { name: 'Replies' }).click();
    await agent.getByRole('textbox', { name: 'Shortcut' }).fill('refund');
    await agent
      .getByRole('textbox', { name: 'Response text' })
      .fill('Refunds reach your card within 5 working days.');
    await agent.getByRole('button', { name: 'Save response' }).click();
    await visible(agent.getByRole('table', { name: /Canned responses/ }).getByText('/refund'));
    expect((await server.app.store.listCannedResponses()).map((r) => r.shortcut)).toContain('refund');

    const customer = await webCustomer(server.url);
    await customer.say('Human');
    await agent.getByRole('tab', { name: 'Conversations' }).click();
    const queue = agent.getByRole('list', { name: /Waiting/ });
    await (await visible(queue.getByRole('button', { name: 'Claim' }).first())).click();
    const reply = agent.getByRole('textbox', { name: 'Reply' });
    await eventually(async () => expect(await reply.isEnabled()).toBe(true));
    await reply.pressSequentially('/card');
    const picker = await visible(agent.getByRole('listbox', { name: 'Canned responses' }));
    expect(await picker.getByRole('option').count()).toBe(1);
    await reply.press('Enter');
    expect(await reply.inputValue()).toBe('Refunds reach your card within 5 working days.');
    const delivered = nextEvent<{ text: string }>(
      customer.socket,
      'message',
      (m) => m.text === 'Refunds reach your card within 5 working days.',
    );
    await reply.press('Enter');
    await delivered;
    customer.close();
  }, 90_000);

  it('transfers a chat to another agent, whose console opens it', async () => {
    await server.app.directory.add({ username: 'dana', password: 'dana-password-1', displayName: 'Dana' });
    const admin = await signedIn(1280, 800);
    const dana = await signedIn(1280, 800, 'dana', 'dana-password-1');
    const customer = await webCustomer(server.url);
    await customer.say('Human');
    await customer.say('please pass me to billing');
    await (
      await visible(
        admin
          .getByRole('list', { name: /Waiting/ })
          .getByRole('button', { name: 'Claim' })
          .first(),
      )
    ).click();
    // The colleague list is read at start: Dana exists now. It is held back until the remembered
    // conversation is open again, as on a slow network: the transfer control must still appear.
    let releaseAgents: () => void = () => undefined;
    const agentsHeld = new Promise<void>((resolve) => (releaseAgents = resolve));
    await admin.route('**/console/api/agents', async (route) => {
      await agentsHeld;
      await route.continue();
    });
    await admin.reload();
    await visible(admin.getByRole('button', { name: 'Resolve', exact: true }));
    releaseAgents();
    await visible(admin.getByRole('button', { name: 'Resolve', exact: true }));
    await admin.getByRole('combobox', { name: 'Transfer to agent' }).selectOption({ label: 'Dana' });
    await admin.getByRole('button', { name: 'Transfer', exact: true }).click();
    await visible(admin.getByText('Transferred to Dana.'));
    await visible(dana.getByText('Admin handed you the chat with'));
    const reply = dana.getByRole('textbox', { name: 'Reply' });
    await eventually(async () => expect(await reply.isEnabled()).toBe(true));
    await visible(dana.getByRole('log', { name: 'Transcript' }).getByText('please pass me to billing'));
    customer.close();
  }, 90_000);
});
