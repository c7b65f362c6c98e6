import path from 'node:path';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge';
import type { WireMessage } from '../../src/realtime/socket-events';
import { connectCustomer, nextEvent, request, startTestApp, type TestApp } from '../support/start-app';
import { TelegramEmulator } from '../support/telegram-emulator';
import { waitFor } from '../support/wait-for';

const KB_DIR = path.join(__dirname, '..', 'fixtures', 'voice-docs');
const TOKEN = '123456:not-helpful-test-token';
/** A question the voice-provider test docs answer from their numbers page, the call logs close behind. */
const QUESTION = 'how are calls to my numbers routed';

/** The page of a docs URL, without the section anchor. */
const pageOf = (url: string) => url.split('#')[0];

describe('"Did this help?" answered no', () => {
  let knowledge: KnowledgeBase;
  let server: TestApp;
  let emulator: TelegramEmulator | undefined;

  beforeAll(async () => {
    knowledge = await loadKnowledgeBase({ dir: KB_DIR, baseUrl: 'https://docs.example.com' });
  });
  afterEach(async () => {
    await server.cleanup();
    await emulator?.stop();
    emulator = undefined;
  });

  it('offers the next best page and a person on the web, once per answer', async () => {
    server = await startTestApp({ overrides: { knowledge } });
    const customer = connectCustomer(server.url);
    await nextEvent(customer, 'session');
    const answered = nextEvent<WireMessage>(customer, 'message', (m) => m.author === 'bot' && !!m.answerId);
    await request(customer, 'message', { text: QUESTION, clientId: 'q1' });
    const answer = await answered;
    const citedPage = pageOf(answer.citations?.[0]?.url ?? '');
    expect(citedPage).toBe('https://docs.example.com/numbers/');

    const followUp = nextEvent<WireMessage>(customer, 'message', (m) => m.author === 'bot' && !m.answerId);
    expect(await request(customer, 'feedback', { seq: answer.seq, helpful: false })).toEqual({ ok: true });
    const offered = await followUp;
    expect(offered.text).toMatch(/^Sorry that did not help\. This page may answer it instead\./);
    const nextPage = offered.citations?.[0]?.url ?? '';
    expect(nextPage).toMatch(/^https:\/\/docs\.example\.com\//);
    expect(pageOf(nextPage)).toBe('https://docs.example.com/call-logs/');
    expect(offered.text).toContain(nextPage);
    expect(offered.quickReplies).toEqual([{ label: 'Talk to a person', value: 'Human' }]);

    // A second "no" on the same answer says nothing more: the person it asks for is next.
    expect(await request(customer, 'feedback', { seq: answer.seq, helpful: false })).toEqual({ ok: true });
    const handedOver = nextEvent<WireMessage>(
      customer,
      'message',
      (m) => m.author === 'bot' && m.seq > offered.seq,
    );
    await request(customer, 'message', { text: 'Human', clientId: 'q2' });
    expect((await handedOver).text).not.toMatch(/^Sorry that did not help/);
    const conversation = await waitFor(() => server.app.store.listConversations().then((all) => all[0]));
    const transcript = await server.app.store.getMessages(conversation.id);
    expect(transcript.filter((m) => m.text.startsWith('Sorry that did not help'))).toHaveLength(1);
    customer.close();
  });

  it('offers the next best page and a person on Telegram, as a link and a button', async () => {
    emulator = await TelegramEmulator.start(TOKEN);
    server = await startTestApp({
      env: { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: emulator.apiRoot },
      overrides: { knowledge },
    });
    const customer = emulator.client({ userId: 601, chatId: 601, firstName: 'Cy', userName: 'cy' });
    const answer = emulator.nextSent(601, (t) => t.includes('From the docs'));
    await customer.sendMessage(customer.makeMessage(QUESTION));
    const answered = await answer;
    const buttons = (answered.reply_markup as InlineKeyboardMarkup).inline_keyboard.flat();
    const no = buttons.find((b) => b.text.includes('No')) as { callback_data: string } | undefined;
    expect(no).toBeDefined();

    const followUp = emulator.nextSent(601, (t) => t.startsWith('Sorry that did not help'));
    await customer.sendCallback(customer.makeCallbackQuery(no!.callback_data));
    const offered = await followUp;
    expect(offered.parse_mode).toBe('HTML');
    expect(offered.text).toMatch(/From the docs: <a href="https:\/\/docs\.example\.com\//);
    expect(offered.text).toContain('href="https://docs.example.com/call-logs/');
    const offeredButtons = (offered.reply_markup as InlineKeyboardMarkup).inline_keyboard.flat();
    expect(offeredButtons.map((b) => b.text)).toContain('Talk to a person');
  });

  it('offers only a person when no other page comes near the one that did not help', async () => {
    server = await startTestApp({ overrides: { knowledge } });
    const customer = connectCustomer(server.url);
    await nextEvent(customer, 'session');
    const answered = nextEvent<WireMessage>(customer, 'message', (m) => m.author === 'bot' && !!m.answerId);
    await request(customer, 'message', { text: 'how do I set a voicemail pin', clientId: 'q1' });
    const answer = await answered;
    expect(answer.citations?.[0]?.url).toMatch(/\/voicemail\//);
    const followUp = nextEvent<WireMessage>(customer, 'message', (m) => m.author === 'bot' && !m.answerId);
    await request(customer, 'feedback', { seq: answer.seq, helpful: false });
    const offered = await followUp;
    expect(offered.text).toBe(
      'Sorry that did not help. If you would rather talk to a person, tap "Talk to a person" or type "Human".',
    );
    expect(offered.citations ?? []).toEqual([]);
    expect(offered.quickReplies).toEqual([{ label: 'Talk to a person', value: 'Human' }]);
    customer.close();
  });
});
