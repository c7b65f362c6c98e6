import { startThreeChannelApp, type ThreeChannelApp } from '../support/three-channel-app';
import { FakeTwilio } from '../support/fake-twilio';
import { type TestApp } from '../support/start-app';
import { TelegramEmulator } from '../support/telegram-emulator';
import { waitFor } from '../support/wait-for';
import { textOf, webCustomer } from './support/chat-driver';
import {
  smsChannelCustomer,
  telegramChannelCustomer,
  webChannelCustomer,
  type ChannelCustomer,
} from './support/channel-customers';

const TOKEN = '123456:triage-token';
/** 1 June next year, 10:00 UTC: inside support hours. */
const START = Date.UTC(new Date().getUTCFullYear() + 1, 5, 1, 10, 0);

describe('triage at every handoff: one quick question so the queue can order the conversation', () => {
  let running: ThreeChannelApp | undefined;
  let server: TestApp;
  let emulator: TelegramEmulator;
  let twilio: FakeTwilio;

  beforeAll(async () => {
    running = await startThreeChannelApp(TOKEN, { clock: () => START });
    ({ server, emulator, twilio } = running);
  });
  afterAll(async () => {
    await running?.stop();
  });

  const stored = async (customer: ChannelCustomer) =>
    (await server.app.store.findConversation(customer.channel, await customer.key()))!;

  const channels: [string, () => Promise<ChannelCustomer>][] = [
    ['web', () => webChannelCustomer(server.url)],
    ['telegram', async () => telegramChannelCustomer(emulator)],
    ['sms', async () => smsChannelCustomer(server.url, twilio)],
  ];

  it.each(channels)(
    'on %s: "Human" queues at once, asks how bad, and the answer classifies it',
    async (_n, make) => {
      const customer = await make();
      // Asked in the middle of a report that has no classification yet: the question fills it.
      await customer.send('our calls to the UK drop after a minute', /Which category/);
      const asked = await customer.send('Human', /how bad is it/);
      expect(asked).toMatch(/P1 \(all calls down\), P3 \(some calls fail\)/);
      // Queued before the answer: nobody who wants a person waits on the question.
      expect((await stored(customer)).mode).toBe('queued');

      // One tap on web and Telegram (the button sends "P3"), one word by SMS.
      const thanked = await customer.press('Some calls fail', 'P3', /noted as P3 \(platform\)/);
      const ticketId = /ticket (T-[2-9A-Z]{5})/.exec(thanked)?.[1];
      const conversation = await waitFor(async () => {
        const c = await stored(customer);
        return c.brief?.severity ? c : undefined;
      });
      expect(conversation).toMatchObject({
        mode: 'queued',
        priority: 3,
        brief: { severity: 'P3', category: 'platform', ticketId },
      });
      expect((await server.app.store.getTicket(ticketId!))?.brief.description).toContain(
        'our calls to the UK drop after a minute',
      );
      customer.close();
    },
  );

  it('a message while queued that is no answer waits for the agent, unanswered', async () => {
    const customer = await webCustomer(server.url);
    expect(textOf(await customer.say('Human'))).toMatch(/how bad is it/);
    // The acknowledgement comes once the message is handled: no reply by then means none.
    expect(await customer.say('is anyone there? the portal is slow today')).toEqual([]);
    expect(textOf(await customer.say('P4'))).toMatch(/noted as P4 \(operational\)/);
    customer.close();
  });

  it('is skipped when the conversation already tells: a filed report keeps its classification', async () => {
    const customer = await webChannelCustomer(server.url);
    for (const [text, expected] of [
      ['my calls are failing', /Which category/],
      ['Operational', /How severe/],
      ['P3', /Call-ID/],
      ['forget the form, just get me one of your engineers', /alerting our support team/],
    ] as const) {
      await customer.send(text, expected);
    }
    const conversation = await stored(customer);
    expect(conversation.mode).toBe('queued');
    const said = await server.app.store.getMessages(conversation.id);
    expect(said.some((m) => /how bad is it/.test(m.text))).toBe(false);
    customer.close();
  });
});
