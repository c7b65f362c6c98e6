import { startTestApp, type TestApp } from '../support/start-app';
import { connectCustomer, nextEvent, request } from '../support/start-app';
import { waitFor } from '../support/wait-for';
import type { WireMessage } from '../../src/realtime/socket-events';
import { problemKnowledge } from '../flows/support/problem-knowledge';

/** Monday 5 January 2026, 10:00 UTC: inside support hours. */
const MONDAY_10_UTC = Date.UTC(2026, 0, 5, 10, 0);

/**
 * A customer whose browser speaks Spanish reports a problem over socket.io and is handed to the
 * team: every text the bot says on the way is Spanish. The customer types the keywords the bot
 * names (it understands English words), as the Spanish texts tell them to.
 */
describe('a Spanish customer through the problem report and the handoff', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp({
      overrides: { knowledge: problemKnowledge(), clock: () => MONDAY_10_UTC },
    });
  });
  afterAll(async () => {
    await server.cleanup();
  });

  it('is asked, told the ticket and handed off in Spanish', async () => {
    const socket = connectCustomer(server.url, {
      profile: { locale: 'es-ES', timeZone: 'Europe/Madrid' },
    });
    await nextEvent(socket, 'session');
    const said: string[] = [];
    socket.on('message', (m: WireMessage) => {
      if (m.author === 'bot') said.push(m.text);
    });
    let sent = 0;
    const send = async (text: string, expect: RegExp): Promise<string> => {
      const from = said.length;
      sent += 1;
      await request(socket, 'message', { text, clientId: `es${sent}` });
      const replies = await waitFor(() => {
        const texts = said.slice(from);
        return texts.some((t) => expect.test(t)) ? texts : undefined;
      });
      return replies.join('\n');
    };
    try {
      await send('my calls are failing', /¿De qué categoría es\?/);
      await send('Operational', /¿Qué gravedad tiene\?/);
      await send('P3', /Envíe el Call-ID de una o varias llamadas afectadas \(hasta 10\)/);
      expect(await send('a84b4c76e66710@10.0.0.1 3c2a7f9e0b1d4e5f9a8b', /¿Cuándo empezó\?/)).toContain(
        'Recibidos 2 Call-ID.',
      );
      await send('today at 09:30 UTC', /¿Qué ha probado/);
      await send('restarted our PBX', /describa exactamente lo que observa/);
      await send('503 Service Unavailable from the carrier on all UK numbers', /¿Sospecha/);
      const filed = await send('maybe the carrier changed its IPs', /Estoy avisando ahora a nuestro equipo/);
      expect(filed).toMatch(
        /Su informe queda registrado como ticket T-[2-9A-Z]{5} \(Operativo P3, 2 Call-ID\)/,
      );
      expect(filed).toMatch(/Escriba "cancel" para volver al bot\./);
      await send('Human', /Ya está en la cola/);
      await send('cancel', /vuelve a hablar con el bot de soporte/);
      // Nothing the bot said was English: no English catalog sentence, no English function words
      // outside what the customer wrote and the bot quoted back ("..."), URLs and keywords.
      for (const text of said) {
        const own = text.replace(/"[^"]*"/g, '').replace(/https?:\/\/\S+/g, '');
        expect({ text, english: own.match(/\b(the|your|please|you|is|and)\b/gi) }).toEqual({
          text,
          english: null,
        });
      }
    } finally {
      socket.close();
    }
  });
});
