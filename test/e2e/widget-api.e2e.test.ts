import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { identityHash } from '../../adapters/web/customer-identity';
import type { ConversationSummary } from '../../src/realtime/socket-events';
import { smallKnowledge } from '../support/small-knowledge';
import {
  connectAgent,
  nextEvent,
  signIn,
  startTestApp,
  type ConsoleSocket,
  type TestApp,
} from '../support/start-app';
import { launchChromium, screenshot } from './browser';
import { eventually, visible } from './wait-for';

const SECRET = 'shop-identity-secret-0123456789';

/** What the shop page's own script saw through `Handoff.on`. */
interface Seen {
  messages: { author: string; text: string }[];
  opens: number;
  handoffs: { mode: string }[];
  sessions: { identified: boolean }[];
}

describe('the widget API a site embeds, in real Chromium', () => {
  let server: TestApp;
  let browser: Browser;
  let shop: http.Server;
  let shopUrl: string;
  let agent: ConsoleSocket;

  beforeAll(async () => {
    server = await startTestApp({
      env: { IDENTITY_SECRET: SECRET },
      overrides: { knowledge: smallKnowledge() },
    });
    browser = await launchChromium();
    // Another site (another origin) embedding the widget with the async snippet.
    shop = http.createServer((req, res) => {
      const themed = req.url === '/themed';
      const attributes = themed
        ? ' data-color="#e8590c" data-title="Acme help" data-greeting="Hello from Acme!" data-position="left"'
        : '';
      res.setHeader('content-type', 'text/html');
      res.end(`<!doctype html><title>Acme</title><h1>Acme</h1>
<script>
  window.seen = { messages: [], opens: 0, handoffs: [], sessions: [] };
  window.addEventListener('handoff:ready', function () {
    Handoff.on('message', function (m) { seen.messages.push({ author: m.author, text: m.text }); });
    Handoff.on('open', function () { seen.opens += 1; });
    Handoff.on('handoff', function (h) { seen.handoffs.push({ mode: h.mode }); });
    Handoff.on('session', function (s) { seen.sessions.push(s); });
  });
</script>
<script async src="${server.url}/widget.js"${attributes}></script>`);
    });
    await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
    shopUrl = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
    agent = connectAgent(server.url, await signIn(server.url));
    await nextEvent(agent, 'hello');
  }, 60_000);
  afterAll(async () => {
    agent?.close();
    await browser?.close();
    await new Promise((resolve) => shop?.close(resolve));
    await server?.cleanup();
  });

  async function shopPage(context: BrowserContext, path = '/'): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${shopUrl}${path}`);
    await page.waitForFunction(() => window.Handoff !== undefined);
    return page;
  }
  const seen = (page: Page) => page.evaluate(() => (window as unknown as { seen: Seen }).seen);

  it('takes its colour, title, greeting and corner from data- attributes, and tells the site what happens', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
    const page = await shopPage(context, '/themed');
    const launcher = page.getByRole('button', { name: 'Open chat' });
    const colour = await launcher.evaluate((button) => getComputedStyle(button).backgroundColor);
    expect(colour).toBe('rgb(232, 89, 12)');
    expect((await launcher.boundingBox())!.x).toBeLessThan(100); // bottom left, not right

    await page.evaluate(() => window.Handoff!.open());
    await visible(page.getByRole('heading', { name: 'Acme help' }));
    await visible(page.getByRole('log').getByText('Hello from Acme!', { exact: true }));
    expect((await seen(page)).opens).toBe(1);

    const message = page.getByRole('textbox', { name: 'Message' });
    await message.fill('where do I find a call id?');
    await message.press('Enter');
    await eventually(async () => {
      const authors = (await seen(page)).messages.map((m) => m.author);
      expect(authors).toEqual(expect.arrayContaining(['customer', 'bot']));
    });
    expect((await seen(page)).messages[0]).toEqual({
      author: 'customer',
      text: 'where do I find a call id?',
    });

    await page.evaluate(() => window.Handoff!.init({ title: 'Acme support', color: 'not a colour' }));
    await visible(page.getByRole('heading', { name: 'Acme support' }));
    await screenshot(page, 'widget-api-themed');
    await page.evaluate(() => window.Handoff!.close());
    // A bad colour is ignored: the one from the script tag stays.
    expect(await launcher.evaluate((button) => getComputedStyle(button).backgroundColor)).toBe(
      'rgb(232, 89, 12)',
    );
    await context.close();
  });

  it('follows a verified customer across devices and names them to agents; a forged hash stays anonymous', async () => {
    const identity = {
      id: 'cust-42',
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      hash: identityHash('cust-42', SECRET),
    };

    // Device A: signed in before the chat opens.
    const laptop = await browser.newContext();
    const first = await shopPage(laptop);
    await first.evaluate((who) => window.Handoff!.identify(who), identity);
    await first.evaluate(() => window.Handoff!.open());
    const box = first.getByRole('textbox', { name: 'Message' });
    await box.fill('My invoice is wrong');
    await box.press('Enter');
    await visible(first.getByRole('log').getByText('My invoice is wrong', { exact: true }));
    const requested = nextEvent<ConversationSummary>(agent, 'handoffRequested');
    await box.fill('Human');
    await box.press('Enter');
    const summary = await requested;
    expect(summary.customer).toBe('Ada Lovelace');
    expect((await server.app.store.getConversation(summary.id))?.profile).toMatchObject({
      displayName: 'Ada Lovelace',
      email: 'ada@example.com',
    });
    await eventually(async () => expect((await seen(first)).handoffs).toEqual([{ mode: 'queued' }]));
    expect((await seen(first)).sessions).toEqual([{ identified: true }]);

    // Device B: chatting anonymously, then the site signs the customer in: the same conversation shows.
    const phone = await browser.newContext();
    const second = await shopPage(phone);
    await second.evaluate(() => window.Handoff!.open());
    await eventually(async () => expect((await seen(second)).sessions).toEqual([{ identified: false }]));
    await second.evaluate((who) => window.Handoff!.identify(who), identity);
    await visible(second.getByRole('log').getByText('My invoice is wrong', { exact: true }));
    expect((await seen(second)).sessions).toEqual([{ identified: false }, { identified: true }]);
    expect((await server.app.store.listConversations({ modes: ['queued'] })).map((c) => c.id)).toEqual([
      summary.id,
    ]);

    // Device C: the same id with a forged hash is refused, and the customer stays anonymous.
    const stranger = await browser.newContext();
    const third = await shopPage(stranger);
    await third.evaluate(
      (who) => window.Handoff!.identify({ ...who, name: 'Mallory', hash: 'ab'.repeat(32) }),
      identity,
    );
    await third.evaluate(() => window.Handoff!.open());
    await visible(third.getByText(/could not be verified \(the identity hash does not match the id\)/));
    expect((await seen(third)).sessions).toEqual([{ identified: false }]);
    const alsoRequested = nextEvent<ConversationSummary>(agent, 'handoffRequested');
    const strangerBox = third.getByRole('textbox', { name: 'Message' });
    await strangerBox.fill('Human');
    await strangerBox.press('Enter');
    const anonymous = await alsoRequested;
    expect(anonymous.id).not.toBe(summary.id);
    expect(anonymous.customer).toMatch(/^Web visitor /);
    expect(await third.getByText('My invoice is wrong').count()).toBe(0);
    await screenshot(third, 'widget-api-forged-identity');
    await Promise.all([laptop.close(), phone.close(), stranger.close()]);
  });
});
