import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../support/start-app';
import { forbidDialogs, launchChromium, screenshot } from './browser';
import { eventually, visible } from './wait-for';

/**
 * Records a real WebM screen-recording-like clip in the page: a moving square on a canvas,
 * captured by MediaRecorder, as a browser's own recorder would produce it.
 */
async function recordWebm(page: Page): Promise<Buffer> {
  const bytes = await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 160;
    canvas.height = 120;
    const context = canvas.getContext('2d')!;
    let frame = 0;
    const draw = () => {
      context.fillStyle = '#fff';
      context.fillRect(0, 0, 160, 120);
      context.fillStyle = '#c00';
      context.fillRect((frame * 7) % 140, 50, 20, 20);
      frame += 1;
    };
    draw();
    const recorder = new MediaRecorder(canvas.captureStream(15), { mimeType: 'video/webm;codecs=vp8' });
    const chunks: Blob[] = [];
    recorder.ondataavailable = (event) => chunks.push(event.data);
    const stopped = new Promise((resolve) => (recorder.onstop = resolve));
    const painter = setInterval(draw, 60);
    recorder.start();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    recorder.stop();
    await stopped;
    clearInterval(painter);
    return Array.from(new Uint8Array(await new Blob(chunks).arrayBuffer()));
  });
  return Buffer.from(bytes);
}

/**
 * Monday 30 November 2026, 12:00 UTC: inside support hours, so the report is filed without the
 * out-of-hours step whatever the time the test runs.
 */
const NOON = Date.UTC(2026, 10, 30, 12, 0);

describe('a screen recording of an interface problem, from the widget to the agent, in real Chromium', () => {
  let server: TestApp;
  let browser: Browser;
  let customer: Page;
  let agent: Page;
  let folder: string;
  const dialogs: string[] = [];

  beforeAll(async () => {
    server = await startTestApp({ overrides: { clock: () => NOON } });
    browser = await launchChromium();
    customer = await (await browser.newContext({ viewport: { width: 1200, height: 800 } })).newPage();
    agent = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    forbidDialogs(customer, dialogs);
    forbidDialogs(agent, dialogs);
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'video-e2e-'));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.cleanup();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('the report asks for a video, the widget uploads it, and it plays in the console', async () => {
    await agent.goto(`${server.url}/console`);
    await agent.getByRole('textbox', { name: 'Username' }).fill('admin');
    await agent.getByLabel('Password').fill(ADMIN_PASSWORD);
    await agent.getByRole('button', { name: 'Sign in' }).click();
    await visible(agent.getByText('Nobody is waiting.'));

    await customer.goto(`${server.url}/`);
    const file = path.join(folder, 'blank-dashboard.webm');
    fs.writeFileSync(file, await recordWebm(customer));
    await customer.getByRole('button', { name: 'Open chat' }).click();
    const message = customer.getByRole('textbox', { name: 'Message' });
    const log = customer.getByRole('log');
    const answer = async (text: string, next: RegExp) => {
      await message.fill(text);
      await message.press('Enter');
      await visible(log.getByText(next).last());
    };
    await answer('the dashboard of the control panel shows a blank page', /Which category/);
    await answer('Operational', /How severe/);
    await answer('P4', /screen recording \(MP4, WebM or MOV video\)/);
    await customer.locator('input[type=file]').setInputFiles(file);
    await visible(log.getByText(/When did it start/));
    await answer('since this morning', /What have you tried/);
    await answer('reloaded the page', /exactly what you observe/);
    await answer('the table area stays white', /suspect/);
    await answer('no idea', /Your report is filed as ticket T-/);

    const queue = agent.getByRole('list', { name: /Waiting/ });
    await (await visible(queue.getByRole('listitem').first().getByRole('button', { name: 'Claim' }))).click();
    const video = await visible(agent.getByLabel('Video: blank-dashboard.webm'));
    const played = await video.evaluate(async (element) => {
      const player = element as HTMLVideoElement;
      player.muted = true;
      await player.play();
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the video did not advance')), 8000);
        const check = () => {
          if (player.currentTime > 0) {
            clearTimeout(timer);
            resolve();
          }
        };
        player.addEventListener('timeupdate', check);
        check();
      });
      return { width: player.videoWidth, height: player.videoHeight, time: player.currentTime };
    });
    expect(played).toMatchObject({ width: 160, height: 120 });
    expect(played.time).toBeGreaterThan(0);
    await eventually(async () => {
      const attachments = (await server.app.store.listTickets())[0]?.brief.attachments ?? [];
      expect(attachments).toHaveLength(1);
    });
    await video.scrollIntoViewIfNeeded();
    await screenshot(agent, 'video-01-agent-plays-recording');
    expect(dialogs).toEqual([]);
  });
});
