import { startTestApp, type TestApp } from '../support/start-app';
import { TelegramEmulator } from '../support/telegram-emulator';
import { problemKnowledge } from '../flows/support/problem-knowledge';

const TOKEN = '123456:spanish-telegram-token';
const CHAT = 9301;

/**
 * A customer whose Telegram app is in Spanish asks a question the docs answer: the answer is
 * quoted in English and says so in Spanish, the channel's own lines ("Did this help?" and its
 * buttons) are Spanish, and a "no" gets the follow-up in Spanish.
 */
describe('a Spanish Telegram customer and a docs answer', () => {
  let server: TestApp;
  let emulator: TelegramEmulator;

  beforeAll(async () => {
    emulator = await TelegramEmulator.start(TOKEN);
    server = await startTestApp({
      env: { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: emulator.apiRoot },
      overrides: { knowledge: problemKnowledge() },
    });
  });
  afterAll(async () => {
    await server.cleanup();
    await emulator.stop();
  });

  it('says the docs are in English, asks whether it helped and follows a "no" up in Spanish', async () => {
    const client = emulator.client({ userId: CHAT, chatId: CHAT, firstName: 'Lucía' });
    const answered = emulator.nextSent(CHAT, (text) => text.includes('¿Le ha servido?'));
    await client.sendMessage(
      client.makeMessage('how do I fix one-way audio on my calls?', { from: { language_code: 'es' } }),
    );
    const answer = await answered;
    expect(answer.text).toMatch(/^La documentación está en inglés, así que le respondo con ella tal cual:/);
    expect(answer.text).toContain('One-way audio is usually NAT');
    expect(answer.text).toContain('De la documentación (en inglés): <a href=');
    const buttons = answer.reply_markup?.inline_keyboard.flat() ?? [];
    expect(buttons.map((b) => b.text)).toEqual(['👍 Sí', '👎 No']);
    const no = buttons[1];
    if (!no || !('callback_data' in no)) throw new Error('no "No" button');
    const followUp = emulator.nextSent(CHAT, (text) => text.includes('Siento que no le haya servido'));
    await client.sendCallback(client.makeCallbackQuery(no.callback_data));
    const sorry = await followUp;
    expect(sorry.text).toContain('pulse "Hablar con una persona" o escriba "Human"');
    expect((sorry.reply_markup?.inline_keyboard.flat() ?? []).map((b) => b.text)).toEqual([
      'Hablar con una persona',
    ]);
  });

  it('refuses a message that is too long in Spanish, saying why', async () => {
    const chat = CHAT + 1;
    const client = emulator.client({ userId: chat, chatId: chat, firstName: 'Lucía' });
    const refused = emulator.nextSent(chat, (text) => text.includes('no he podido recibir'));
    await client.sendMessage(client.makeMessage('a'.repeat(5000), { from: { language_code: 'es' } }));
    expect((await refused).text).toContain('es demasiado largo');
  });
});
