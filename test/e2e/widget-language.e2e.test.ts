import type { Browser } from 'playwright-core';
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
import { visible } from './wait-for';

describe('the widget and the bot in the browser’s language, in real Chromium', () => {
  let server: TestApp;
  let browser: Browser;
  let agent: ConsoleSocket;

  beforeAll(async () => {
    server = await startTestApp({ overrides: { knowledge: smallKnowledge() } });
    browser = await launchChromium();
    agent = connectAgent(server.url, await signIn(server.url));
    await nextEvent(agent, 'hello');
  }, 60_000);
  afterAll(async () => {
    agent?.close();
    await browser?.close();
    await server?.cleanup();
  });

  it('speaks Spanish end to end to a Spanish browser: widget, greeting, handoff notice and status', async () => {
    const context = await browser.newContext({ locale: 'es-ES', viewport: { width: 1100, height: 800 } });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Abrir el chat' }).click();
    const panel = page.getByRole('dialog', { name: 'Chat de soporte' });
    await visible(panel.getByText('¡Hola! Soy el bot de soporte.', { exact: false }));
    await visible(panel.getByText('Bot de soporte · Respondemos en segundos'));
    const box = panel.getByRole('textbox', { name: 'Mensaje' });
    expect(await box.getAttribute('placeholder')).toBe('Escriba un mensaje…');

    const requested = nextEvent<ConversationSummary>(agent, 'handoffRequested');
    await box.fill('Human');
    await panel.getByRole('button', { name: 'Enviar' }).click();
    await visible(panel.getByText('Estoy avisando ahora a nuestro equipo de soporte', { exact: false }));
    await visible(
      panel.getByText('Esperando a un agente. Mientras tanto puede seguir añadiendo detalles aquí.'),
    );
    await visible(panel.getByRole('button', { name: 'Cerrar el chat' }));
    // The agent's console gets the conversation with the customer's locale.
    const { id } = await requested;
    const stored = await server.app.store.getConversation(id);
    expect(stored?.profile.locale).toBe('es-ES');
    await screenshot(page, 'language-01-spanish-widget');
    await context.close();
  }, 60_000);

  it('asks a Spanish customer the problem report’s questions in Spanish', async () => {
    const context = await browser.newContext({ locale: 'es-MX' });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Abrir el chat' }).click();
    const box = page.getByRole('textbox', { name: 'Mensaje' });
    await box.fill('I want to report a problem');
    await box.press('Enter');
    await visible(page.getByText('Le ayudo a informar de ello. ¿Qué está fallando?', { exact: false }));
    await screenshot(page, 'language-02-spanish-report');
    await context.close();
  }, 60_000);

  it('stays in English for an English browser, and a site may pick Spanish for it with data-language', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Open chat' }).click();
    await visible(page.getByText('Hi! I am the support bot.', { exact: false }));

    const chosen = await context.newPage();
    await chosen.setContent(
      `<!doctype html><title>Tienda</title><script async src="${server.url}/widget.js" data-language="es"></script>`,
    );
    await chosen.getByRole('button', { name: 'Abrir el chat' }).click();
    await visible(chosen.getByText('¡Hola! Soy el bot de soporte.', { exact: false }));
    await context.close();
  }, 60_000);
});
