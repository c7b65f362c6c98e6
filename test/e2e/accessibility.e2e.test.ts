import type { Browser, Page } from 'playwright-core';
import { problemKnowledge } from '../flows/support/problem-knowledge';
import { textOf, webCustomer } from '../flows/support/chat-driver';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../support/start-app';
import { seriousViolations } from './axe';
import { launchChromium, screenshot } from './browser';
import { visible } from './wait-for';

/** Contrast of the focused element's outline against the nearest opaque background behind it. */
function focusRingContrast(page: Page): Promise<number> {
  return page.evaluate(() => {
    const focused = document.activeElement as HTMLElement;
    const rgb = (colour: string) => (colour.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
      const f = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const style = getComputedStyle(focused);
    if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2) return 0;
    let node: HTMLElement | null = focused.parentElement;
    let behind = 'rgb(255, 255, 255)';
    while (node) {
      const bg = getComputedStyle(node).backgroundColor;
      const [, , , alpha = 1] = rgb(bg);
      if (alpha > 0.9) {
        behind = bg;
        break;
      }
      node = node.parentElement;
    }
    const [a, b] = [luminance(rgb(style.outlineColor)), luminance(rgb(behind))].sort((x, y) => y - x);
    return (a! + 0.05) / (b! + 0.05);
  });
}

describe('axe-core finds nothing serious, in real Chromium', () => {
  let server: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestApp({ overrides: { knowledge: problemKnowledge() } });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.cleanup();
  });

  it('on the widget, open, with a docs answer', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: 'Open chat' }).click();
    const message = page.getByRole('textbox', { name: 'Message' });
    await message.fill('my calls have one-way audio');
    await message.press('Enter');
    await visible(
      page.getByRole('log').locator('a[href="https://docs.example.com/guides/one-way-audio/#nat-and-rtp"]'),
    );
    // The widget only: the demo page around it is the host site's, not ours.
    expect(await seriousViolations(page, '#handoff-chat')).toEqual([]);
    await page.close();
  }, 60_000);

  it('on every console view, signed in, with a conversation open', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.url}/console`);
    await visible(page.getByRole('button', { name: 'Sign in' }));
    expect({ view: 'sign-in', found: await seriousViolations(page) }).toEqual({ view: 'sign-in', found: [] });
    await page.getByRole('textbox', { name: 'Username' }).fill('admin');
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();

    const customer = await webCustomer(server.url);
    const first = textOf(await customer.say('calls to Spain have one-way audio'));
    if (/Did one of them solve/.test(first)) await customer.say('Not solved');
    await customer.sayAll(['Platform', 'P2', 'a84b4c76e66710@10.0.0.1', 'today', 'nothing yet', 'no audio']);
    await customer.say('no idea');
    await (await visible(page.getByRole('button', { name: 'Claim' }).first())).click();
    await visible(page.getByRole('region', { name: 'Problem brief' }));
    expect(await page.locator('main').count()).toBe(1);
    expect(await page.locator('h1').count()).toBe(1);
    expect({ view: 'conversations', found: await seriousViolations(page) }).toEqual({
      view: 'conversations',
      found: [],
    });
    await screenshot(page, 'a11y-conversations');
    // Live regions are the transcript, typing line, toasts and counts: never a ticking timer.
    expect(
      await page
        .locator('[aria-live], [role=log], [role=status], [role=alert]')
        .evaluateAll(
          (regions) => regions.filter((r) => r.querySelector('.wait, .shell, .sidebar') !== null).length,
        ),
    ).toBe(0);
    // The focus ring of a reply-box button stands out 3:1 or more from the page behind it.
    await page.getByRole('button', { name: 'Send' }).focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await focusRingContrast(page)).toBeGreaterThanOrEqual(3);
    for (const view of ['History', 'Replies', 'Tickets', 'Leads', 'Docs gaps']) {
      await page.getByRole('tab', { name: view }).click();
      await page.waitForTimeout(500);
      expect({ view, found: await seriousViolations(page) }).toEqual({ view, found: [] });
      expect(await page.locator('th:empty').count()).toBe(0);
    }
    customer.close();
    await page.close();
  }, 90_000);
});
