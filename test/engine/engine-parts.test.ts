import { SqliteStore } from '../../adapters/sqlite/sqlite-store';
import { AnswerAnalytics } from '../../src/engine/answer-analytics';
import { done, waitAt, type Flow } from '../../src/engine/flow';
import { FlowRunner } from '../../src/engine/flow-runner';
import { hasNewProfileFields, InboundIntake } from '../../src/engine/inbound-intake';
import type { InboundContext } from '../../src/engine/inbound-pipeline';
import { conversationLockKey, KeyedMutex } from '../../src/engine/keyed-mutex';
import { validMessageText } from '../../src/engine/message-text';
import { RestartRecovery } from '../../src/engine/restart-recovery';
import { ValidationError } from '../../src/errors';
import { EngineEvents } from '../../src/events/engine-events';
import { createLogger } from '../../src/logger';
import type { Conversation, ConversationRef } from '../../src/model/conversation';
import type { MessageContent } from '../../src/model/message';
import { nothingUnderstood } from '../../src/understanding/understanding';

const ref: ConversationRef = { channel: 'telegram', conversationKey: '7', customerId: '7' };
const MINUTE = 60_000;

async function storeWithConversation(id = 'c1', conversationRef = ref) {
  const store = new SqliteStore(':memory:');
  const conversation = await store.createConversation({ id, ref: conversationRef, profile: {} });
  return { store, conversation };
}

describe('validMessageText', () => {
  it('trims, and refuses what is not a string, empty without files, or too long', () => {
    expect(validMessageText('  hi  ', undefined, 10)).toBe('hi');
    expect(validMessageText('  ', [{ kind: 'image', url: '/u/1' }], 10)).toBe('');
    expect(() => validMessageText(42, undefined, 10)).toThrow(ValidationError);
    expect(() => validMessageText(' ', undefined, 10)).toThrow(/empty/);
    expect(() => validMessageText('x'.repeat(11), undefined, 10)).toThrow(/longer than 10/);
  });
});

describe('hasNewProfileFields and conversationLockKey', () => {
  it('sees only fields that are given and differ', () => {
    expect(hasNewProfileFields({ displayName: 'Ann' }, { displayName: 'Ann' })).toBe(false);
    expect(hasNewProfileFields({ displayName: 'Ann' }, { displayName: undefined })).toBe(false);
    expect(hasNewProfileFields({ displayName: 'Ann' }, { displayName: 'Bo' })).toBe(true);
    expect(hasNewProfileFields({}, { locale: 'de' })).toBe(true);
  });

  it('keys a lock by channel and conversation key', () => {
    expect(conversationLockKey(ref)).toBe('telegram:7');
    expect(conversationLockKey({ ...ref, channel: 'sms' })).not.toBe(conversationLockKey(ref));
  });
});

describe('InboundIntake', () => {
  it('without routing, gives the conversation as the message found it, not as an agent left it a moment later', async () => {
    const { store, conversation } = await storeWithConversation();
    await store.updateConversation(conversation.id, (c) => ({ ...c, mode: 'assigned' }));
    const events = new EngineEvents();
    // An agent resolves the conversation as soon as the message is announced, before the caller
    // (the e-mail desk) decides what the message means: it was written to the agent.
    events.on('message', () => {
      void store.updateConversation(conversation.id, (c) => ({ ...c, mode: 'resolved' }));
    });
    const routed: string[] = [];
    const intake = new InboundIntake({
      store,
      events,
      mutex: new KeyedMutex(),
      now: () => 1000,
      maxLength: 100,
      append: async (c, message) => {
        const appended = await store.appendMessage(c.id, message);
        events.emit('message', appended);
        await new Promise((resolve) => setImmediate(resolve));
        return appended;
      },
      route: async ({ message }) => void routed.push(message.text),
    });
    const unrouted = await intake.handle(
      { ref, text: 'It is 8f2a@10.0.0.5', externalId: 'm1' },
      { route: false },
    );
    expect(unrouted.conversation.mode).toBe('assigned');
    expect((await store.getConversation(conversation.id))?.mode).toBe('resolved');
    expect(routed).toEqual([]);
    // Routed, the caller gets the conversation as the pipeline left it.
    const answered = await intake.handle({ ref, text: 'thanks', externalId: 'm2' });
    expect(answered.conversation.mode).toBe('resolved');
    expect(routed).toEqual(['thanks']);
  });
});

describe('RestartRecovery', () => {
  it('answers a stored customer message in the window once, and skips the rest', async () => {
    const now = 100 * MINUTE;
    const { store, conversation } = await storeWithConversation();
    await store.appendMessage(conversation.id, {
      author: 'customer',
      text: 'hello?',
      createdAt: now - 5 * MINUTE,
    });
    // Too old: outside the window.
    const old = await store.createConversation({
      id: 'c2',
      ref: { ...ref, conversationKey: '8' },
      profile: {},
    });
    await store.appendMessage(old.id, { author: 'customer', text: 'long ago', createdAt: now - 60 * MINUTE });
    // Already answered: the newest message is the bot's.
    const answered = await store.createConversation({
      id: 'c3',
      ref: { ...ref, conversationKey: '9' },
      profile: {},
    });
    await store.appendMessage(answered.id, { author: 'customer', text: 'hi', createdAt: now - 6 * MINUTE });
    await store.appendMessage(answered.id, { author: 'bot', text: 'hello', createdAt: now - 5 * MINUTE });
    // A keyword the channel answered itself.
    const keyword = await store.createConversation({
      id: 'c4',
      ref: { ...ref, conversationKey: '10' },
      profile: {},
    });
    await store.appendMessage(keyword.id, {
      author: 'customer',
      text: 'STOP',
      createdAt: now - 5 * MINUTE,
      unrouted: true,
    });

    const routed: InboundContext[] = [];
    const recovery = (): RestartRecovery =>
      new RestartRecovery({
        store,
        mutex: new KeyedMutex(),
        now: () => now,
        route: async (c) => void routed.push(c),
      });
    expect(await recovery().answerUnanswered(15 * MINUTE)).toBe(1);
    expect(routed.map((c) => [c.conversation.id, c.message.text])).toEqual([['c1', 'hello?']]);
    // A second instance starting at the same time finds it claimed.
    expect(await recovery().answerUnanswered(15 * MINUTE)).toBe(0);
    await store.close();
  });
});

describe('AnswerAnalytics', () => {
  it('counts a request for a person against a docs answer only soon after it', async () => {
    let now = 10 * MINUTE;
    const { store, conversation } = await storeWithConversation();
    const analytics = new AnswerAnalytics({ store, events: new EngineEvents(), now: () => now });
    const { conversation: after } = await store.appendMessage(conversation.id, {
      author: 'bot',
      text: 'See the docs',
      answerId: 'ans-1',
      createdAt: now,
    });
    now += 5 * MINUTE;
    await analytics.noteHumanAfterAnswer(after);
    now += 60 * MINUTE;
    await analytics.noteHumanAfterAnswer(after);
    expect(await store.listRecords('answer-feedback')).toEqual([
      { conversationId: 'c1', answerId: 'ans-1', outcome: 'human', at: 15 * MINUTE },
    ]);
    await store.close();
  });

  it('records "Did this help?" only on a bot message', async () => {
    const { store, conversation } = await storeWithConversation();
    const events = new EngineEvents();
    const updated: number[] = [];
    events.on('messageUpdated', ({ message }) => updated.push(message.seq));
    const analytics = new AnswerAnalytics({ store, events, now: () => 1 });
    await store.appendMessage(conversation.id, { author: 'customer', text: 'q', createdAt: 0 });
    const { message } = await store.appendMessage(conversation.id, {
      author: 'bot',
      text: 'a',
      answerId: 'x',
      createdAt: 0,
    });
    await analytics.recordFeedback(conversation.id, message.seq, false);
    await expect(analytics.recordFeedback(conversation.id, 1, true)).rejects.toThrow(/Answer/);
    expect(updated).toEqual([message.seq]);
    expect(await store.listRecords('answer-feedback')).toEqual([
      { conversationId: 'c1', seq: message.seq, answerId: 'x', helpful: false, at: 1 },
    ]);
    await store.close();
  });
});

describe('FlowRunner', () => {
  async function runner() {
    const { store, conversation } = await storeWithConversation();
    const said: string[] = [];
    const say = async (current: Conversation, content: MessageContent | string) => {
      const body = typeof content === 'string' ? { text: content } : content;
      said.push(body.text);
      return store.appendMessage(current.id, { ...body, author: 'bot', createdAt: 5 });
    };
    const flows = new FlowRunner({
      store,
      log: createLogger('silent'),
      now: () => 5,
      services: {},
      say,
      requestHandoff: async () => conversation,
      update: async (id, change) => (await store.updateConversation(id, change)) ?? conversation,
    });
    const { message, conversation: current } = await store.appendMessage(conversation.id, {
      author: 'customer',
      text: 'report',
      createdAt: 1,
    });
    const inbound: InboundContext = { conversation: current, message, understanding: nothingUnderstood() };
    return { store, flows, said, inbound };
  }

  it('keeps where a flow waits with the question it asked, and forgets it when the flow is done', async () => {
    const { store, flows, inbound } = await runner();
    const asking: Flow = {
      id: 'asking',
      matches: () => true,
      async run(context, position) {
        if (position) return done;
        await context.say({ text: 'Which one?', quickReplies: [{ label: 'A', value: 'a' }] });
        return waitAt('which', { n: 1 });
      },
    };
    await flows.run(asking, inbound, undefined);
    const waiting = await store.getConversation(inbound.conversation.id);
    expect(waiting?.flow).toEqual({
      flowId: 'asking',
      step: 'which',
      data: { n: 1 },
      at: 5,
      prompt: { text: 'Which one?', quickReplies: [{ label: 'A', value: 'a' }] },
    });
    await flows.run(asking, { ...inbound, conversation: waiting! }, waiting!.flow);
    expect((await store.getConversation(inbound.conversation.id))?.flow).toBeUndefined();
    await store.close();
  });

  it('turns a flow that throws into an apology and leaves the flow', async () => {
    const { store, flows, said, inbound } = await runner();
    await store.updateConversation(inbound.conversation.id, (c) => ({
      ...c,
      flow: { flowId: 'broken', step: 's', data: {}, at: 1 },
    }));
    const broken: Flow = {
      id: 'broken',
      matches: () => true,
      run: async () => {
        throw new Error('boom');
      },
    };
    expect(await flows.run(broken, inbound, undefined)).toEqual(done);
    expect(said).toEqual([expect.stringMatching(/something went wrong/)]);
    expect((await store.getConversation(inbound.conversation.id))?.flow).toBeUndefined();
    await store.close();
  });
});
