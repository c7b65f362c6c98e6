import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serviceEnv } from '../support/service-env';

/** Where end-to-end screenshots are kept (git-ignored; CI keeps them as artifacts). */
export const ARTIFACTS = path.join(__dirname, '..', '..', 'test-artifacts');

/** The system Chromium that test setup found, headless, with the flags that keep it quiet and stable in CI. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: serviceEnv('CHROMIUM_PATH'),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/** Saves a full-page screenshot as test-artifacts/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

/** Fails the test on any JavaScript dialog (an injected alert() would open one). */
export function forbidDialogs(page: Page, seen: string[]): void {
  page.on('dialog', (dialog) => {
    seen.push(dialog.message());
    void dialog.dismiss();
  });
}
