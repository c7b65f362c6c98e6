import { applyTransition } from '../../src/handoff/handoff-machine';
import type { Conversation } from '../../src/model/conversation';
import type { Store } from '../../src/store/store';
import type { OpenedStore, OpenStore } from './store-contract';

/**
 * The console's own queries (the Conversations list's filters and transcript search, canned
 * responses), run against every store so that SQLite's FTS5 index and Redis's per-word sets find
 * the same conversations.
 */
export function searchContract(name: string, open: OpenStore): void {
  describe(`${name} store: finding conversations`, () => {
    let clock = 1_700_000_000_000;
    let opened: OpenedStore;
    let store: Store;
    beforeEach(async () => {
      clock = 1_700_000_000_000;
      opened = await open(() => clock);
      store = opened.store;
    });
    afterEach(async () => {
      await opened.cleanup();
    });

    /** A conversation with these customer lines, last active at the clock's time then. */
    async function conversation(
      id: string,
      lines: string[],
      channel: 'web' | 'telegram' | 'sms' = 'web',
    ): Promise<Conversation> {
      clock += 1000;
      await store.createConversation({
        id,
        ref: { channel, conversationKey: id, customerId: id },
        profile: {},
      });
      let last: Conversation | undefined;
      for (const text of lines)
        last = (await store.appendMessage(id, { author: 'customer', text, createdAt: clock })).conversation;
      return last ?? (await store.getConversation(id))!;
    }

    const ids = (list: Conversation[]) => list.map((c) => c.id);

    it('finds conversations by whole words of any message, in any case, all words required', async () => {
      await conversation('c1', ['My invoice shows EUR', 'instead of dollars']);
      await conversation('c2', ['Calls to Spain drop after 30 seconds']);
      await conversation('c3', ['Invoice question']);
      await store.appendMessage('c2', {
        author: 'agent',
        text: 'Checking the SIP trunk now',
        createdAt: clock,
      });

      expect(ids(await store.searchConversations({ text: 'invoice' }))).toEqual(['c3', 'c1']);
      expect(ids(await store.searchConversations({ text: 'INVOICE dollars' }))).toEqual(['c1']);
      expect(ids(await store.searchConversations({ text: 'sip trunk' }))).toEqual(['c2']);
      expect(ids(await store.searchConversations({ text: 'invoic' }))).toEqual([]);
      expect(ids(await store.searchConversations({ text: 'fax' }))).toEqual([]);
      expect(ids(await store.searchConversations({ text: '!!' }))).toEqual([]);
      expect(await opened.peer.searchConversations({ text: 'spain' })).toHaveLength(1);
    });

    it('filters by mode, channel, agent (also after a resolve) and last activity, newest first', async () => {
      const t0 = clock;
      await conversation('web1', ['hello there'], 'web');
      await conversation('tg1', ['hello from telegram'], 'telegram');
      await conversation('sms1', ['hello by text'], 'sms');
      const t3 = clock;
      for (const [event, agentId] of [
        ['request', undefined],
        ['claim', 'ag1'],
        ['resolve', 'ag1'],
      ] as const) {
        clock += 10;
        await store.updateConversation(
          'tg1',
          (c) =>
            applyTransition(c, { event, at: clock, ...(agentId && { agentId, agentName: 'A' }) })
              ?.conversation,
        );
      }
      clock += 10;
      await store.updateConversation(
        'sms1',
        (c) => applyTransition(c, { event: 'request', at: clock })?.conversation,
      );

      expect(ids(await store.searchConversations({}))).toEqual(['sms1', 'tg1', 'web1']);
      expect(ids(await store.searchConversations({ modes: ['resolved'] }))).toEqual(['tg1']);
      expect(ids(await store.searchConversations({ modes: ['queued', 'bot'] }))).toEqual(['sms1', 'web1']);
      expect(ids(await store.searchConversations({ channel: 'sms' }))).toEqual(['sms1']);
      expect(ids(await store.searchConversations({ agentId: 'ag1' }))).toEqual(['tg1']);
      expect(ids(await store.searchConversations({ agentId: 'ag2' }))).toEqual([]);
      expect(ids(await store.searchConversations({ since: t0, until: t3 }))).toEqual(['web1']);
      expect(ids(await store.searchConversations({ text: 'hello', channel: 'web' }))).toEqual(['web1']);
      expect(ids(await store.searchConversations({ text: 'hello', limit: 2 }))).toEqual(['sms1', 'tg1']);
    });

    it('keeps shared canned responses: create, replace, list by shortcut, delete', async () => {
      const refund = { id: 'r1', shortcut: 'refund', text: 'Refunds take 5 days.', updatedAt: 1 };
      await store.saveCannedResponse(refund);
      await store.saveCannedResponse({
        id: 'r2',
        shortcut: 'hours',
        text: 'We are open 8-20 UTC.',
        updatedAt: 2,
      });
      await store.saveCannedResponse({
        ...refund,
        text: 'Refunds take 3 days.',
        updatedAt: 3,
        updatedBy: 'Ann',
      });
      expect(await opened.peer.listCannedResponses()).toEqual([
        { id: 'r2', shortcut: 'hours', text: 'We are open 8-20 UTC.', updatedAt: 2 },
        { id: 'r1', shortcut: 'refund', text: 'Refunds take 3 days.', updatedAt: 3, updatedBy: 'Ann' },
      ]);
      expect(await store.deleteCannedResponse('r2')).toBe(true);
      expect(await store.deleteCannedResponse('r2')).toBe(false);
      expect((await store.listCannedResponses()).map((r) => r.id)).toEqual(['r1']);
    });
  });
}
