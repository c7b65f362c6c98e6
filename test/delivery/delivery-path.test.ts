import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { outboxDecorator, type OutboxDecorator } from '../../app/outbox-decorator';
import type { Channel, SendResult } from '../../src/channels/channel';
import { Engine } from '../../src/engine/engine';
import { ChannelError } from '../../src/errors';
import { EngineEvents } from '../../src/events/engine-events';
import { createLogger } from '../../src/logger';
import type { ChannelName, ConversationRef } from '../../src/model/conversation';
import type { TranscriptMessage } from '../../src/model/message';
import { SqliteStore } from '../../adapters/sqlite/sqlite-store';
import { echoFlow, testAgent } from '../support/engine-fixtures';
import { productUnderstanding } from '../support/understanding';
import { waitFor } from '../support/wait-for';

/** A provider that refuses (retryably) the first `failures` sends, then accepts. */
class FlakyChannel implements Channel {
  readonly capabilities = { typing: false, quickReplies: false, attachments: false };
  readonly accepted: string[] = [];
  constructor(
    readonly name: ChannelName,
    private failures: number,
  ) {}
  async send(_ref: ConversationRef, message: TranscriptMessage): Promise<SendResult> {
    if (this.failures > 0) {
      this.failures -= 1;
      throw new ChannelError('Provider is down', 503, true);
    }
    this.accepted.push(message.text);
    return { status: 'sent', providerId: `p${this.accepted.length}` };
  }
}

const ann = testAgent();
const ref: ConversationRef = { channel: 'sms', conversationKey: '+15550001', customerId: '+15550001' };

describe('one delivery path with the outbox as a decorator', () => {
  let dir: string;
  let outbox: OutboxDecorator;
  let store: SqliteStore;
  let engine: Engine;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-delivery-'));
    store = new SqliteStore(':memory:');
    outbox = outboxDecorator({
      dataDir: dir,
      log: createLogger('silent'),
      settle: async (entry, delivery) => {
        const conversation = await store.getConversation(entry.message.conversationId);
        if (conversation) await engine.delivery.setDelivery(conversation, entry.message, delivery);
      },
      pace: { retry: { baseDelayMs: 20, maxDelayMs: 50, maxAttempts: 3 }, pollMs: 20 },
    });
    engine = new Engine({
      store,
      events: new EngineEvents(),
      log: createLogger('silent'),
      flows: [echoFlow],
      understanding: productUnderstanding(),
      decorateChannel: (channel) => outbox.decorate(channel),
    });
  });
  afterEach(async () => {
    await outbox.close();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps a remote send that failed as pending, retries it and records the outcome', async () => {
    const sms = new FlakyChannel('sms', 1);
    engine.registerChannel(sms);
    expect(outbox.active).toBe(true);
    outbox.start();
    const { conversation } = await engine.handleInbound({ ref, text: 'hello' });
    const [, first] = await store.getMessages(conversation.id);
    expect(first!.delivery?.status).toBe('pending');
    const settled = await waitFor(async () => {
      const [, bot] = await store.getMessages(conversation.id);
      return bot?.delivery?.status === 'sent' ? bot : undefined;
    });
    expect(settled.delivery).toMatchObject({ status: 'sent', providerId: 'p1' });
    expect(sms.accepted).toEqual(['echo: hello']);
  });

  it('records a send that keeps failing as failed, and skips an unreachable customer', async () => {
    const sms = new FlakyChannel('sms', 10);
    engine.registerChannel(sms);
    outbox.start();
    const { conversation } = await engine.handleInbound({ ref, text: 'human' });
    await engine.handoff.claim(conversation.id, ann);
    const { message } = await engine.agentReply(conversation.id, ann, 'Hello from Ann');
    const failed = await waitFor(async () => {
      const stored = await store.getMessages(conversation.id);
      const reply = stored.find((m) => m.seq === message.seq);
      return reply?.delivery?.status === 'failed' ? reply : undefined;
    });
    expect(failed.delivery?.error).toBe('Provider is down');
    await engine.delivery.markUnreachable(conversation.id, 'opted out (STOP)');
    const { message: skipped } = await engine.agentReply(conversation.id, ann, 'Are you there?');
    expect(skipped.delivery).toMatchObject({ status: 'skipped', error: 'opted out (STOP)' });
    expect(sms.accepted).toEqual([]);
  });

  it('passes a channel whose messages go out with the transcript straight through', () => {
    const web: Channel = {
      name: 'web',
      capabilities: { typing: true, quickReplies: true, attachments: true },
      deliveredWithTranscript: true,
      send: () => Promise.reject(new Error('never called')),
    };
    engine.registerChannel(web);
    expect(engine.delivery.channel('web')).toBe(web);
    expect(outbox.active).toBe(false);
  });

  it('sends again, once, a message an instance stored but died before sending', async () => {
    const sms = new FlakyChannel('sms', 0);
    engine.registerChannel(sms);
    const { conversation } = await engine.handleInbound({ ref, text: 'hi' });
    await store.appendMessage(conversation.id, {
      author: 'agent',
      authorName: 'Ann',
      text: 'Fixed now.',
      createdAt: Date.now() - 120_000,
      delivery: { status: 'pending', at: Date.now() - 120_000 },
    });
    expect(await engine.delivery.redeliverStale(60_000)).toBe(1);
    expect(await engine.delivery.redeliverStale(60_000)).toBe(0);
    expect(sms.accepted).toEqual(['echo: hi', 'Fixed now.']);
    expect((await store.getMessages(conversation.id)).at(-1)!.delivery).toMatchObject({ status: 'sent' });
  });
});
