import { startThreeChannelApp, type ThreeChannelApp } from '../support/three-channel-app';
import type { ConversationDetail, ConversationSummary, WireMessage } from '../../src/realtime/socket-events';
import { webCustomer } from '../flows/support/chat-driver';
import { FakeTwilio } from '../support/fake-twilio';
import { smallKnowledge } from '../support/small-knowledge';
import {
  connectAgent,
  nextEvent,
  request,
  signIn,
  startTestApp,
  type ConsoleSocket,
  type TestApp,
} from '../support/start-app';
import { TelegramEmulator } from '../support/telegram-emulator';
import { inboundSms, postSigned } from '../support/twilio-webhooks';
import { waitFor } from '../support/wait-for';

type Ack<T = object> = ({ ok: true } & T) | { ok: false; error: { code: string; message: string } };
const TOKEN = '779:csat-token';

describe('the satisfaction question after a resolve, on web, Telegram and SMS', () => {
  let emulator: TelegramEmulator;
  let fake: FakeTwilio;
  let running: ThreeChannelApp | undefined;
  let server: TestApp;
  let agent: ConsoleSocket;

  beforeAll(async () => {
    running = await startThreeChannelApp(TOKEN, { knowledge: smallKnowledge() });
    ({ server, emulator, twilio: fake } = running);
    agent = connectAgent(server.url, await signIn(server.url));
    await nextEvent(agent, 'hello');
  });
  afterAll(async () => {
    agent?.close();
    await running?.stop();
  });

  /** Claims the next handoff of a channel and resolves it; gives its id. */
  async function claimAndResolve(queued: Promise<ConversationSummary>): Promise<string> {
    const { id } = await queued;
    expect((await request<Ack>(agent, 'claim', { conversationId: id })).ok).toBe(true);
    await request(agent, 'reply', { conversationId: id, text: 'Your trunk is back.', clientId: `r-${id}` });
    expect((await request<Ack>(agent, 'resolve', { conversationId: id })).ok).toBe(true);
    return id;
  }

  it('web: one tap rates, a question in between goes to the bot, and a remark after it is the comment', async () => {
    const customer = await webCustomer(server.url);
    const queued = nextEvent<ConversationSummary>(
      agent,
      'handoffRequested',
      (c) => c.channel === 'web',
      15_000,
    );
    const asked = nextEvent<WireMessage>(customer.socket, 'message', (m) =>
      m.text.startsWith('How did we do?'),
    );
    await customer.say('Human');
    const id = await claimAndResolve(queued);
    const question = await asked;
    expect(question.quickReplies?.map((r) => r.value)).toEqual(['1', '2', '3', '4', '5']);

    const answer = await customer.say('where do I find a call id?');
    expect(answer.map((m) => m.text).join(' ')).toContain('Logging');
    expect(await server.app.store.ratings.list({ conversationId: id })).toEqual([]);

    // The widget sends a tapped quick reply as the customer's message: its value.
    const thanks = await customer.say('4');
    expect(thanks.map((m) => m.text).join(' ')).toContain('Thank you for rating us!');
    const [rating] = await server.app.store.ratings.list({ conversationId: id });
    expect(rating).toMatchObject({ score: 4, satisfied: true, channel: 'web', agentName: 'Admin' });
    await customer.say('the engineer explained the trunk settings clearly');
    const [commented] = await server.app.store.ratings.list({ conversationId: id });
    expect(commented?.comment).toBe('the engineer explained the trunk settings clearly');

    const opened = await request<Ack<{ conversation: ConversationDetail }>>(agent, 'open', {
      conversationId: id,
    });
    expect(opened.ok && opened.conversation.ratings?.[0]).toMatchObject({ score: 4 });
    // After the rating is done, a digit is just a message to the bot.
    await customer.say('3');
    expect(await server.app.store.ratings.list({ conversationId: id })).toHaveLength(1);
    customer.close();
  });

  it('Telegram: the rating is one tap on an inline button', async () => {
    const customer = emulator.client({ userId: 821, chatId: 821, firstName: 'Tom' });
    const queued = nextEvent<ConversationSummary>(
      agent,
      'handoffRequested',
      (c) => c.channel === 'telegram',
      15_000,
    );
    await customer.sendMessage(customer.makeMessage('Human'));
    const asked = emulator.nextSent(821, (t) => t.startsWith('How did we do?'));
    const id = await claimAndResolve(queued);
    const question = await asked;
    const five = question.reply_markup?.inline_keyboard.flat().find((b) => b.text === '5 · Great');
    expect(five && 'callback_data' in five).toBe(true);
    const thanked = emulator.nextSent(821, (t) => t.startsWith('Thank you for rating us!'));
    await customer.sendCallback(
      customer.makeCallbackQuery((five as { callback_data: string }).callback_data),
    );
    await thanked;
    expect(await server.app.store.ratings.list({ conversationId: id })).toEqual([
      expect.objectContaining({ score: 5, satisfied: true, channel: 'telegram' }),
    ]);
  });

  it('SMS: the rating is a digit in a sentence, which is kept as its comment', async () => {
    const phone = '+447700900777';
    const queued = nextEvent<ConversationSummary>(
      agent,
      'handoffRequested',
      (c) => c.channel === 'sms',
      15_000,
    );
    await postSigned(server.url, '/webhooks/twilio/sms', inboundSms(phone, 'Human'));
    const id = await claimAndResolve(queued);
    await waitFor(() =>
      fake.sentTo(phone).find((m) => m.body.includes('Reply with a digit from 1 (poor) to 5 (great)')),
    );
    await postSigned(
      server.url,
      '/webhooks/twilio/sms',
      inboundSms(phone, 'I would rate it a 2, it took three days'),
    );
    await waitFor(() => fake.sentTo(phone).find((m) => m.body.startsWith('Thank you for your feedback')));
    expect(await server.app.store.ratings.list({ conversationId: id })).toEqual([
      expect.objectContaining({
        score: 2,
        satisfied: false,
        channel: 'sms',
        comment: 'I would rate it a 2, it took three days',
      }),
    ]);
  });

  it('asks nobody on a channel left out of CSAT_CHANNELS', async () => {
    const quiet = await startTestApp({
      env: { CSAT_CHANNELS: 'none' },
      overrides: { knowledge: smallKnowledge() },
    });
    try {
      const desk = connectAgent(quiet.url, await signIn(quiet.url));
      await nextEvent(desk, 'hello');
      const customer = await webCustomer(quiet.url);
      const queued = nextEvent<ConversationSummary>(desk, 'handoffRequested');
      await customer.say('Human');
      const { id } = await queued;
      await request(desk, 'claim', { conversationId: id });
      const resolvedLine = nextEvent<WireMessage>(customer.socket, 'message', (m) =>
        m.text.includes('marked as resolved'),
      );
      await request(desk, 'resolve', { conversationId: id });
      await resolvedLine;
      const conversation = await quiet.app.store.getConversation(id);
      expect(conversation?.flow).toBeUndefined();
      const messages = await quiet.app.store.getMessages(id);
      expect(messages.some((m) => m.text.startsWith('How did we do?'))).toBe(false);
      customer.close();
      desk.close();
    } finally {
      await quiet.cleanup();
    }
  });
});
