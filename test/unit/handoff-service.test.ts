import { Writable } from 'node:stream';
import type { Channel, SendResult } from '../../src/channels/channel';
import { Engine } from '../../src/engine/engine';
import type { Flow } from '../../src/engine/flow';
import { ConflictError } from '../../src/errors';
import { EngineEvents } from '../../src/events/engine-events';
import { createLogger } from '../../src/logger';
import type { ConversationRef, HandoffTransition } from '../../src/model/conversation';
import type { TranscriptMessage } from '../../src/model/message';
import { SqliteStore } from '../../adapters/sqlite/sqlite-store';
import { echoFlow, testAgent } from '../support/engine-fixtures';
import { productUnderstanding } from '../support/understanding';

class RecordingChannel implements Channel {
  readonly name = 'telegram' as const;
  readonly capabilities = { typing: false, quickReplies: true, attachments: true };
  readonly sent: TranscriptMessage[] = [];
  async send(_ref: ConversationRef, message: TranscriptMessage): Promise<SendResult> {
    this.sent.push(message);
    return { status: 'sent' };
  }
}

/** A flow that asks a question, then fails on the answer (a bug, a service down). */
const brittle: Flow = {
  id: 'brittle',
  matches: ({ text }) => /report/i.test(text),
  async run(context, position) {
    if (!position) {
      await context.say('Which Call-ID?');
      return { wait: { step: 'call-id', data: {} } };
    }
    throw new Error('status page lookup exploded');
  },
};

const ref: ConversationRef = { channel: 'telegram', conversationKey: '7', customerId: '7' };
const ann = testAgent();
const ben = testAgent({ id: 'a2', username: 'ben', displayName: 'Ben' });
const boss = testAgent({ id: 'a3', username: 'boss', displayName: 'Boss', role: 'admin' });

function build() {
  const logged: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, next) {
      logged.push(chunk.toString());
      next();
    },
  });
  const store = new SqliteStore(':memory:');
  const events = new EngineEvents();
  const engine = new Engine({
    store,
    events,
    log: createLogger('error', sink),
    flows: [brittle, echoFlow],
    understanding: productUnderstanding(),
  });
  const channel = new RecordingChannel();
  engine.registerChannel(channel);
  const transitions: HandoffTransition[] = [];
  events.on('handoff', ({ transition }) => transitions.push(transition));
  return { engine, store, events, channel, transitions, logged };
}

/** A conversation that Ann has claimed. */
async function claimedByAnn(engine: Engine): Promise<string> {
  const { conversation } = await engine.handleInbound({ ref, text: 'human' });
  await engine.handoff.claim(conversation.id, ann);
  return conversation.id;
}

describe('handoff service', () => {
  it('lets only the assigned agent or an admin give a conversation back to the queue', async () => {
    const { engine, store } = build();
    const id = await claimedByAnn(engine);
    await expect(engine.handoff.release(id, ben)).rejects.toMatchObject({ code: 'not_assigned' });
    expect((await store.getConversation(id))!.assignedAgentId).toBe(ann.id);
    expect((await engine.handoff.release(id, ann)).mode).toBe('queued');
    await engine.handoff.claim(id, ben);
    expect((await engine.handoff.release(id, boss)).mode).toBe('queued');
    // Nothing to release in the queue: an agent is told it is not theirs.
    await expect(engine.handoff.release(id, ann)).rejects.toMatchObject({ code: 'not_assigned' });
  });

  it('lets only the assigned agent or an admin end an assigned conversation, as resolve does', async () => {
    const { engine, store, channel } = build();
    const id = await claimedByAnn(engine);
    await expect(engine.handoff.end(id, ben, 'threats')).rejects.toMatchObject({ code: 'not_assigned' });
    await expect(engine.handoff.resolve(id, ben)).rejects.toMatchObject({ code: 'not_assigned' });
    expect((await store.getConversation(id))!.mode).toBe('assigned');
    const ended = await engine.handoff.end(id, ann, 'threats');
    expect(ended.mode).toBe('resolved');
    expect(ended.history.at(-1)).toMatchObject({ event: 'end', agentId: ann.id, reason: 'threats' });
    expect(channel.sent.at(-1)!.text).toMatch(/ended this conversation/);

    const again = await claimedByAnn(engine);
    expect((await engine.handoff.end(again, boss)).history.at(-1)).toMatchObject({
      event: 'end',
      reason: 'ended by an agent',
    });
  });

  it('lets any agent end a conversation nobody has claimed', async () => {
    const { engine } = build();
    const { conversation } = await engine.handleInbound({ ref, text: 'human' });
    expect((await engine.handoff.end(conversation.id, ben)).mode).toBe('resolved');
  });

  it('announces each transition with exactly one handoff event and one transcript line', async () => {
    const { engine, store, transitions } = build();
    const id = await claimedByAnn(engine);
    await engine.handoff.release(id, ann);
    await engine.handoff.claim(id, ben);
    await engine.handoff.resolve(id, ben);
    await expect(engine.handoff.resolve(id, ben)).rejects.toBeInstanceOf(ConflictError);
    expect(transitions.map((t) => t.event)).toEqual(['request', 'claim', 'release', 'claim', 'resolve']);
    const lines = (await store.getMessages(id)).filter((m) => m.author === 'system');
    expect(lines).toHaveLength(5);
  });

  it('sets the queue priority from the severity an agent chooses', async () => {
    const { engine, events } = build();
    const { conversation } = await engine.handleInbound({ ref, text: 'human' });
    const changes: number[] = [];
    events.on('conversation', ({ conversation: c }) => changes.push(c.priority ?? -1));
    const first = await engine.handoff.reclassify(conversation.id, { severity: 'P3', category: 'platform' });
    expect(first.before).toBeUndefined();
    expect(first.conversation.priority).toBe(3);
    expect(first.conversation.brief).toMatchObject({ severity: 'P3', category: 'platform' });
    const second = await engine.handoff.reclassify(conversation.id, { severity: 'P0' });
    expect(second.before).toBe('P3');
    expect(second.conversation.priority).toBe(0);
    expect(second.conversation.brief).toMatchObject({ severity: 'P0', category: 'platform' });
    expect(changes).toEqual([3, 0]);
  });

  it('counts a customer who left the queue as gone, but not one an agent is talking to', async () => {
    const { engine } = build();
    const { conversation } = await engine.handleInbound({ ref, text: 'human' });
    const left = await engine.handoff.customerLeft(conversation.id);
    expect(left?.mode).toBe('abandoned');
    expect(left?.history.at(-1)).toMatchObject({ event: 'abandon', reason: 'closed the chat while waiting' });
    const id = await claimedByAnn(engine);
    expect(await engine.handoff.customerLeft(id)).toBeUndefined();
  });

  it('tells the customer when a flow throws, leaves the flow and logs it', async () => {
    const { engine, store, channel, logged } = build();
    const { conversation } = await engine.handleInbound({ ref, text: 'report a problem' });
    expect((await store.getConversation(conversation.id))!.flow).toMatchObject({ flowId: 'brittle' });
    await engine.handleInbound({ ref, text: 'abc@1.2.3.4' });
    expect(channel.sent.at(-1)!.text).toMatch(/something went wrong on our side/);
    expect((await store.getConversation(conversation.id))!.flow).toBeUndefined();
    expect(logged.some((line) => line.includes('flow failed') && line.includes('exploded'))).toBe(true);
    // The next message is answered normally.
    await engine.handleInbound({ ref, text: 'hello' });
    expect(channel.sent.at(-1)!.text).toBe('echo: hello');
  });
});
