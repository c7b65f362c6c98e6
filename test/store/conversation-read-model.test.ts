import { SqliteStore } from '../../adapters/sqlite/sqlite-store';
import type { ConversationRef } from '../../src/model/conversation';
import { conversationReadModel } from '../../src/store/conversation-read-model';

const ref = (key: string): ConversationRef => ({ channel: 'web', conversationKey: key, customerId: key });

describe('conversationReadModel', () => {
  it('shows the queue, what one agent holds, a conversation and its transcript', async () => {
    const store = new SqliteStore(':memory:');
    const reads = conversationReadModel(store);
    await store.createConversation({ id: 'bot', ref: ref('k1'), profile: {} });
    await store.createConversation({ id: 'waiting', ref: ref('k2'), profile: {}, mode: 'queued' });
    await store.createConversation({
      id: 'ann',
      ref: ref('k3'),
      profile: {},
      mode: 'assigned',
      assignedAgentId: 'a1',
    });
    await store.createConversation({
      id: 'bo',
      ref: ref('k4'),
      profile: {},
      mode: 'assigned',
      assignedAgentId: 'a2',
    });
    await store.appendMessage('bot', { author: 'customer', text: 'one', createdAt: 1, externalId: 'x1' });
    await store.appendMessage('bot', { author: 'bot', text: 'two', createdAt: 2 });

    expect((await reads.queue()).map((c) => c.id)).toEqual(['waiting']);
    expect((await reads.assignedTo('a1')).map((c) => c.id)).toEqual(['ann']);
    expect((await reads.get('bo'))?.assignedAgentId).toBe('a2');
    expect((await reads.onChannel('web', 'k1'))?.id).toBe('bot');
    expect(await reads.onChannel('sms', 'k1')).toBeUndefined();
    expect((await reads.transcript('bot')).map((m) => m.text)).toEqual(['one', 'two']);
    expect((await reads.transcript('bot', 1)).map((m) => m.text)).toEqual(['two']);
    expect((await reads.messageWithExternalId('bot', 'x1'))?.text).toBe('one');
    expect(await reads.ratings('bot', 5)).toEqual([]);
    await store.close();
  });
});
