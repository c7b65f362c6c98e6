import type { Browser } from 'playwright-core';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../support/start-app';
import { waitFor } from '../support/wait-for';
import { startWebhookReceiver } from '../support/webhook-receiver';
import { forbidDialogs, launchChromium, screenshot } from './browser';
import { visible } from './wait-for';

describe('the webhook delivery log in the console, in real Chromium', () => {
  let server: TestApp;
  let browser: Browser;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    server = await startTestApp({
      env: {
        WEBHOOK_URLS: receiver.url,
        WEBHOOK_SECRET: 'whsec-e2e-0123456789',
        WEBHOOK_RETRY_BASE_MS: '100',
      },
    });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.cleanup();
    await receiver?.close();
  });

  it('lists each attempt with the receiver’s answer, a failed one first', async () => {
    let failures = 1;
    receiver.answer(() => (failures-- > 0 ? 500 : 204));
    const now = Date.now();
    await server.app.store.saveTicket({
      id: 'T-HOOK1',
      conversationId: 'c-hook',
      channel: 'web',
      customerId: 'w-hook',
      status: 'open',
      title: 'No audio on calls to Madrid',
      brief: {},
      createdAt: now,
      updatedAt: now,
      reopenedCount: 0,
    });
    await waitFor(() => receiver.received.find((hit) => hit.status === 204));

    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    const dialogs: string[] = [];
    forbidDialogs(page, dialogs);
    await page.goto(`${server.url}/console`);
    await page.getByRole('textbox', { name: 'Username' }).fill('admin');
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await visible(page.getByText('Nobody is waiting.'));
    await page.getByRole('tab', { name: 'Webhooks' }).click();
    const table = page.getByRole('table', { name: /Webhook deliveries/ });
    await visible(table.getByRole('row').filter({ hasText: 'Delivered' }));
    const rows = await table.getByRole('row').allInnerTexts();
    expect(rows[1]).toMatch(/ticket\.created[\s\S]*127\.0\.0\.1[\s\S]*2[\s\S]*Delivered[\s\S]*HTTP 204/);
    expect(rows[2]).toMatch(/ticket\.created[\s\S]*1[\s\S]*Will retry[\s\S]*HTTP 500/);
    await screenshot(page, 'webhooks-01-delivery-log');
    expect(dialogs).toEqual([]);
    await page.close();
  }, 60_000);
});
