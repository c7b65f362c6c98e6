import { startThreeChannelApp, type ThreeChannelApp } from '../support/three-channel-app';
import type { ConversationDetail, ConversationSummary, WireMessage } from '../../src/realtime/socket-events';
import { FakeTwilio } from '../support/fake-twilio';
import { smallKnowledge } from '../support/small-knowledge';
import {
  collect,
  connectAgent,
  nextEvent,
  request,
  signIn,
  type ConsoleSocket,
  type TestApp,
} from '../support/start-app';
import { TelegramEmulator } from '../support/telegram-emulator';
import { inboundSms, postSigned } from '../support/twilio-webhooks';
import { waitFor } from '../support/wait-for';

type Ack<T = object> = ({ ok: true } & T) | { ok: false; error: { code: string; message: string } };
const TOKEN = '778:notes-token';
const PHONE = '+447700900666';
const NOTE = 'Internal: customer owes two invoices, do not promise credit';

describe('internal notes on Telegram and SMS, and writing to a resolved conversation', () => {
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

  /** Hands a Telegram and an SMS customer to the agent; gives both conversations. */
  async function claimBoth(
    chatId: number,
    phone: string,
  ): Promise<[ConversationSummary, ConversationSummary]> {
    const customer = emulator.client({ userId: chatId, chatId, firstName: 'Nora' });
    const tgQueued = nextEvent<ConversationSummary>(
      agent,
      'handoffRequested',
      (c) => c.channel === 'telegram',
      15_000,
    );
    const smsQueued = nextEvent<ConversationSummary>(
      agent,
      'handoffRequested',
      (c) => c.channel === 'sms',
      15_000,
    );
    await customer.sendMessage(customer.makeMessage('Human'));
    await postSigned(server.url, '/webhooks/twilio/sms', inboundSms(phone, 'Human'));
    const both = await Promise.all([tgQueued, smsQueued]);
    for (const conversation of both) {
      const claimed = await request<Ack>(agent, 'claim', { conversationId: conversation.id });
      expect(claimed.ok).toBe(true);
    }
    return both;
  }

  it('keeps a note in the transcript for agents and sends it on neither channel', async () => {
    const [tg, sms] = await claimBoth(811, PHONE);
    const seen = collect<{ conversationId: string; message: WireMessage }>(agent, 'message');
    for (const conversation of [tg, sms]) {
      const noted = await request<Ack<{ seq: number }>>(agent, 'note', {
        conversationId: conversation.id,
        text: NOTE,
        clientId: `n-${conversation.id}`,
      });
      expect(noted.ok).toBe(true);
      // A re-sent note (dropped connection) is stored once.
      const again = await request<Ack<{ duplicate: boolean }>>(agent, 'note', {
        conversationId: conversation.id,
        text: NOTE,
        clientId: `n-${conversation.id}`,
      });
      expect(again.ok && again.duplicate).toBe(true);
    }
    // Replies sent after the notes: once they arrive, anything sent before them has arrived too.
    const tgReply = emulator.nextSent(811, (t) => t === 'Checking your account now.');
    await request(agent, 'reply', {
      conversationId: tg.id,
      text: 'Checking your account now.',
      clientId: 'r1',
    });
    await request(agent, 'reply', {
      conversationId: sms.id,
      text: 'Checking your account now.',
      clientId: 'r2',
    });
    await tgReply;
    await waitFor(() => fake.sentTo(PHONE).find((m) => m.body === 'Checking your account now.'));

    expect(emulator.sentTo(811).map((m) => m.text)).not.toContainEqual(
      expect.stringContaining('owes two invoices'),
    );
    expect(fake.sentTo(PHONE).map((m) => m.body)).not.toContainEqual(
      expect.stringContaining('owes two invoices'),
    );
    // Every console watching saw the note, marked as one.
    const notes = seen.filter((e) => e.message.author === 'note');
    expect(notes.map((e) => e.conversationId).sort()).toEqual([tg.id, sms.id].sort());
    expect(notes[0]?.message).toMatchObject({ text: NOTE, authorName: 'Admin' });
    expect(notes[0]?.message.delivery).toBeUndefined();
    const reopened = await request<Ack<{ conversation: ConversationDetail }>>(agent, 'open', {
      conversationId: tg.id,
    });
    expect(reopened.ok && reopened.conversation.messages.filter((m) => m.author === 'note')).toHaveLength(1);
  });

  it('refuses an empty note and a note on a conversation that does not exist', async () => {
    const empty = await request<Ack>(agent, 'note', { conversationId: 'c_nothing', text: '   ' });
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const missing = await request<Ack>(agent, 'note', { conversationId: 'c_nothing', text: 'hello' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('reopens a resolved conversation on the customer channel when the agent writes to it', async () => {
    const [tg, sms] = await claimBoth(812, '+447700900667');
    for (const conversation of [tg, sms])
      await request(agent, 'resolve', { conversationId: conversation.id });
    await waitFor(async () => (await server.app.store.getConversation(sms.id))?.mode === 'resolved');

    const tgJoined = emulator.nextSent(812, (t) => t.includes('is writing to you again'));
    for (const conversation of [tg, sms]) {
      const reopened = await request<Ack<{ conversation: ConversationDetail }>>(agent, 'reopen', {
        conversationId: conversation.id,
      });
      expect(reopened.ok && reopened.conversation).toMatchObject({
        mode: 'assigned',
        assignedAgentName: 'Admin',
      });
      const sent = await request<Ack>(agent, 'reply', {
        conversationId: conversation.id,
        text: 'Following up: the fix is live now.',
        clientId: `f-${conversation.id}`,
      });
      expect(sent.ok).toBe(true);
    }
    await tgJoined;
    await waitFor(() => emulator.sentTo(812).find((m) => m.text === 'Following up: the fix is live now.'));
    await waitFor(() =>
      fake.sentTo('+447700900667').find((m) => m.body === 'Following up: the fix is live now.'),
    );
    const history = (await server.app.store.getConversation(tg.id))?.history.map((t) => t.event);
    expect(history?.slice(-2)).toEqual(['resolve', 'reopen']);

    // Someone else's live conversation is not reopened.
    const queued = await request<Ack>(agent, 'reopen', { conversationId: tg.id });
    expect(queued.ok).toBe(true); // already the agent's: nothing changes
    await request(agent, 'release', { conversationId: tg.id });
    const waiting = await request<Ack>(agent, 'reopen', { conversationId: tg.id });
    expect(waiting).toMatchObject({ ok: false, error: { code: 'queued' } });
    // A customer who opted out is not written to again.
    await request(agent, 'resolve', { conversationId: sms.id });
    await server.app.engine.delivery.markUnreachable(sms.id, 'replied STOP');
    const optedOut = await request<Ack>(agent, 'reopen', { conversationId: sms.id });
    expect(optedOut).toMatchObject({ ok: false, error: { code: 'unreachable' } });
  });
});
