import type { Channel, SendResult } from '../../src/channels/channel';
import { Engine } from '../../src/engine/engine';
import { done, pass, waitAt, type Flow } from '../../src/engine/flow';
import { ChannelError, ConflictError, ValidationError } from '../../src/errors';
import { EngineEvents } from '../../src/events/engine-events';
import { createLogger } from '../../src/logger';
import type { Agent } from '../../src/model/agent';
import type { ConversationRef } from '../../src/model/conversation';
import type { TranscriptMessage } from '../../src/model/message';
import { SqliteStore } from '../../adapters/sqlite/sqlite-store';
import { productUnderstanding } from '../support/understanding';

/** A channel that records what it is asked to send, and can be told to fail. */
class RecordingChannel implements Channel {
  readonly name = 'telegram' as const;
  readonly capabilities = { typing: false, quickReplies: true, attachments: true };
  readonly sent: TranscriptMessage[] = [];
  failNext: Error | undefined;
  async send(_ref: ConversationRef, message: TranscriptMessage): Promise<SendResult> {
    if (this.failNext) {
      const error = this.failNext;
      this.failNext = undefined;
      throw error;
    }
    this.sent.push(message);
    return { status: 'sent', providerId: `p${this.sent.length}` };
  }
}

/** A two-step flow: asks for a Call-ID, then confirms it. */
const askCallId: Flow = {
  id: 'ask-call-id',
  matches: ({ text }) => /report/i.test(text),
  async run(context, position) {
    if (!position) {
      await context.say('What is the Call-ID?');
      return waitAt('call-id');
    }
    await context.say(`Thanks, noted ${context.text}.`);
    return done;
  },
};
const echo: Flow = {
  id: 'echo',
  matches: () => true,
  async run(context) {
    if (context.text === 'pass') return pass;
    await context.say(`echo: ${context.text}`);
    return done;
  },
};

const ref: ConversationRef = { channel: 'telegram', conversationKey: '42', customerId: '42' };
const agent: Agent = {
  id: 'a1',
  username: 'ann',
  displayName: 'Ann',
  passwordHash: 'x',
  role: 'agent',
  createdAt: 0,
};
const other: Agent = { ...agent, id: 'a2', username: 'ben', displayName: 'Ben' };

function build(store = new SqliteStore(':memory:')) {
  const channel = new RecordingChannel();
  const engine = new Engine({
    store,
    events: new EngineEvents(),
    log: createLogger('silent'),
    flows: [askCallId, echo],
    understanding: productUnderstanding(),
  });
  engine.registerChannel(channel);
  return { engine, channel, store };
}

describe('engine pipeline', () => {
  it('stores the customer message, runs the matching flow and delivers the reply on the channel', async () => {
    const { engine, channel, store } = build();
    const result = await engine.handleInbound({ ref, text: 'hello there' });
    expect(channel.sent.map((m) => m.text)).toEqual(['echo: hello there']);
    const transcript = await store.getMessages(result.conversation.id);
    expect(transcript.map((m) => [m.seq, m.author])).toEqual([
      [1, 'customer'],
      [2, 'bot'],
    ]);
    expect(transcript[1]!.delivery).toMatchObject({ status: 'sent', providerId: 'p1' });
  });

  it('keeps a flow position in the conversation so a restarted engine resumes it', async () => {
    const store = new SqliteStore(':memory:');
    const first = build(store);
    await first.engine.handleInbound({ ref, text: 'I want to report an issue' });
    expect((await store.findConversation('telegram', '42'))!.flow).toMatchObject({
      flowId: 'ask-call-id',
      step: 'call-id',
    });
    const restarted = build(store);
    await restarted.engine.handleInbound({ ref, text: 'abc123@10.0.0.1' });
    expect(restarted.channel.sent.map((m) => m.text)).toEqual(['Thanks, noted abc123@10.0.0.1.']);
    expect((await store.findConversation('telegram', '42'))!.flow).toBeUndefined();
  });

  it('lets "Human" interrupt a flow and queue the conversation', async () => {
    const { engine, channel } = build();
    await engine.handleInbound({ ref, text: 'report a problem' });
    const result = await engine.handleInbound({ ref, text: 'HUMAN' });
    expect(result.conversation.mode).toBe('queued');
    expect(result.conversation.flow).toBeUndefined();
    expect(channel.sent.at(-1)!.text).toMatch(/nobody is signed in/);
  });

  it('gives the next flow a turn when a flow passes, and says so when nothing can help', async () => {
    const { engine, channel } = build();
    await engine.handleInbound({ ref, text: 'pass' });
    expect(channel.sent.at(-1)!.text).toMatch(/not sure how to help/);
  });

  it('keeps customer messages away from the bot while an agent has the conversation', async () => {
    const { engine, channel, store } = build();
    const { conversation } = await engine.handleInbound({ ref, text: 'human' });
    await engine.handoff.claim(conversation.id, agent);
    const before = channel.sent.length;
    await engine.handleInbound({ ref, text: 'are you there?' });
    expect(channel.sent.length).toBe(before);
    const reply = await engine.agentReply(conversation.id, agent, 'Yes, I am here.');
    expect(channel.sent.at(-1)).toMatchObject({
      author: 'agent',
      authorName: 'Ann',
      text: 'Yes, I am here.',
    });
    expect(reply.message.delivery?.status).toBe('sent');
    expect(reply.duplicate).toBe(false);
    await expect(engine.agentReply(conversation.id, other, 'me too')).rejects.toBeInstanceOf(ConflictError);
    await engine.handoff.resolve(conversation.id, agent);
    await engine.handleInbound({ ref, text: 'bye' });
    expect(channel.sent.at(-1)!.text).toBe('echo: bye');
    const system = (await store.getMessages(conversation.id))
      .filter((m) => m.author === 'system')
      .map((m) => m.text);
    expect(system).toEqual([
      'Handoff requested: Customer asked for a human. Waiting for an agent.',
      'Claimed by Ann.',
      'Resolved by Ann; the bot answers again.',
    ]);
  });

  it('lets a waiting customer cancel and go back to the bot', async () => {
    const { engine } = build();
    await engine.handleInbound({ ref, text: 'human' });
    const result = await engine.handleInbound({ ref, text: 'cancel' });
    expect(result.conversation.mode).toBe('bot');
  });

  it('processes a message delivered twice (same provider id) once', async () => {
    const { engine, channel, store } = build();
    const first = await engine.handleInbound({ ref, text: 'hi', externalId: 'u1' });
    const second = await engine.handleInbound({ ref, text: 'hi', externalId: 'u1' });
    expect(second.duplicate).toBe(true);
    expect(await store.getMessages(first.conversation.id)).toHaveLength(2);
    expect(channel.sent).toHaveLength(1);
  });

  it('processes two messages of one conversation in arrival order even when sent at once', async () => {
    const { engine, store } = build();
    const results = await Promise.all(
      ['one', 'two', 'three'].map((text) => engine.handleInbound({ ref, text })),
    );
    const transcript = await store.getMessages(results[0]!.conversation.id);
    expect(transcript.map((m) => m.text)).toEqual([
      'one',
      'echo: one',
      'two',
      'echo: two',
      'three',
      'echo: three',
    ]);
  });

  it('records a failed send on the message instead of losing it', async () => {
    const { engine, channel, store } = build();
    channel.failNext = new ChannelError('Forbidden: bot was blocked by the user', 403);
    const { conversation } = await engine.handleInbound({ ref, text: 'hi' });
    const [, bot] = await store.getMessages(conversation.id);
    expect(bot!.delivery).toMatchObject({
      status: 'failed',
      error: 'Forbidden: bot was blocked by the user',
    });
  });

  it('sends nothing to an unreachable customer and says why on the message', async () => {
    const { engine, channel, store } = build();
    const { conversation } = await engine.handleInbound({ ref, text: 'human' });
    await engine.delivery.markUnreachable(conversation.id, 'opted out (STOP)');
    await engine.handoff.claim(conversation.id, agent);
    const before = channel.sent.length;
    await engine.agentReply(conversation.id, agent, 'hello?');
    expect(channel.sent.length).toBe(before);
    const last = (await store.getMessages(conversation.id)).at(-1)!;
    expect(last.delivery).toMatchObject({ status: 'skipped', error: 'opted out (STOP)' });
  });

  it('sends once what an instance stored but never handed to the channel before it died', async () => {
    const { engine, channel, store } = build();
    const { conversation } = await engine.handleInbound({ ref, text: 'hi' });
    // What a crash between storing and sending leaves behind: a pending message nobody sends.
    await store.appendMessage(conversation.id, {
      author: 'agent',
      authorName: 'Ann',
      text: 'stored before the crash',
      createdAt: 1,
      delivery: { status: 'pending', at: 1 },
    });
    const before = channel.sent.length;
    expect(await engine.delivery.redeliverStale(60_000)).toBe(1);
    expect(channel.sent.slice(before).map((m) => m.text)).toEqual(['stored before the crash']);
    expect((await store.getMessages(conversation.id)).at(-1)!.delivery?.status).toBe('sent');
    expect(await engine.delivery.redeliverStale(60_000)).toBe(0);
    expect(channel.sent.length).toBe(before + 1);
  });

  it('refuses empty, non-text and oversized messages and stores nothing for them', async () => {
    const { engine, store } = build();
    await expect(engine.handleInbound({ ref, text: '   ' })).rejects.toBeInstanceOf(ValidationError);
    await expect(engine.handleInbound({ ref, text: 42 as unknown as string })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(engine.handleInbound({ ref, text: 'x'.repeat(4001) })).rejects.toThrow(/longer than 4000/);
    expect(await store.findConversation('telegram', '42')).toBeUndefined();
  });
});
