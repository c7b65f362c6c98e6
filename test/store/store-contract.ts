import { ConflictError } from '../../src/errors';
import { applyTransition } from '../../src/handoff/handoff-machine';
import type { Agent, AgentSession } from '../../src/model/agent';
import type { Conversation } from '../../src/model/conversation';
import type { Ticket } from '../../src/model/ticket';
import type {
  AgentStore,
  ConversationStore,
  DedupStore,
  NewMessage,
  RecordStore,
  TicketStore,
  TranscriptStore,
} from '../../src/store/ports';
import type { Store } from '../../src/store/store';

/** A store under test, plus a second handle on the same data (another instance's view). */
export interface OpenedStore {
  store: Store;
  peer: Store;
  cleanup(): Promise<void>;
}

/** Opens a fresh, empty store whose clock is `now`. */
export type OpenStore = (now: () => number) => Promise<OpenedStore>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const agentOf = (id: string, username: string): Agent => ({
  id,
  username,
  displayName: username.toUpperCase(),
  passwordHash: 'scrypt$x',
  role: 'agent',
  createdAt: 1,
});

const customerSays = (text: string, at = 1): NewMessage => ({ author: 'customer', text, createdAt: at });

/**
 * The behaviour every Store must have, run against each implementation (SQLite and Redis), so the
 * engine behaves the same on one machine and on several instances. Each section goes through one
 * port of `src/store/ports.ts` (conversations, transcripts, dedup keys, agents and sessions,
 * tickets and records).
 */
export function storeContract(name: string, open: OpenStore): void {
  describe(`${name} store contract`, () => {
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

    const create = (id: string, key = id, channel: 'web' | 'telegram' | 'sms' = 'web') =>
      store.createConversation({ id, ref: { channel, conversationKey: key, customerId: key }, profile: {} });

    describe('conversations', () => {
      // Through its port only: a section type-checks against nothing else of the store.
      let store: ConversationStore;
      beforeEach(() => {
        store = opened.store;
      });
      it('creates a conversation once per channel and key, and finds it by either', async () => {
        const first = await create('c1', 'k1');
        expect(first).toMatchObject({ id: 'c1', mode: 'bot', lastSeq: 0, history: [], createdAt: clock });
        const again = await store.createConversation({
          id: 'c2',
          ref: { channel: 'web', conversationKey: 'k1', customerId: 'k1' },
          profile: { displayName: 'Someone else' },
        });
        expect(again.id).toBe('c1');
        expect(await store.getConversation('c2')).toBeUndefined();
        expect((await store.findConversation('web', 'k1'))?.id).toBe('c1');
        expect(await store.findConversation('telegram', 'k1')).toBeUndefined();
        expect(await store.getConversation('nope')).toBeUndefined();
      });

      it('keeps every field of a conversation through a write and a read', async () => {
        await create('c1');
        clock += 10;
        const written = await store.updateConversation('c1', (c) => ({
          ...c,
          profile: { displayName: 'Ana', timeZone: 'Europe/Lisbon' },
          brief: { severity: 'P2', callIds: ['a@b'] },
          priority: 2,
          flow: { flowId: 'report', step: 'ask-call-id', data: { n: 1 }, at: 5 },
          memory: { warned: true },
          tags: ['vip'],
        }));
        expect(written?.updatedAt).toBe(clock);
        const read = await store.getConversation('c1');
        expect(read).toEqual(written);
        expect(read?.flow?.data).toEqual({ n: 1 });
      });

      it('leaves the conversation untouched when the change returns undefined, and misses unknown ids', async () => {
        await create('c1');
        clock += 10;
        expect(await store.updateConversation('c1', () => undefined)).toBeUndefined();
        expect((await store.getConversation('c1'))?.updatedAt).toBe(1_700_000_000_000);
        expect(await store.updateConversation('missing', (c) => c)).toBeUndefined();
      });

      it('lists by mode, agent and channel, newest first, with a limit', async () => {
        await create('a');
        clock += 1;
        await create('b', 'b', 'telegram');
        clock += 1;
        await create('c', 'c', 'sms');
        clock += 1;
        await store.updateConversation('a', (c) => ({ ...c, mode: 'queued' }));
        clock += 1;
        await store.updateConversation('b', (c) => ({ ...c, mode: 'assigned', assignedAgentId: 'ag1' }));
        expect((await store.listConversations()).map((c) => c.id)).toEqual(['b', 'a', 'c']);
        expect((await store.listConversations({ limit: 2 })).map((c) => c.id)).toEqual(['b', 'a']);
        expect((await store.listConversations({ modes: ['queued'] })).map((c) => c.id)).toEqual(['a']);
        expect((await store.listConversations({ modes: ['queued', 'bot'] })).map((c) => c.id)).toEqual([
          'a',
          'c',
        ]);
        expect((await store.listConversations({ agentId: 'ag1' })).map((c) => c.id)).toEqual(['b']);
        expect((await store.listConversations({ channel: 'sms' })).map((c) => c.id)).toEqual(['c']);
        // Moving out of a mode or away from an agent takes it off those lists.
        clock += 1;
        await store.updateConversation('b', (c) => ({ ...c, mode: 'queued', assignedAgentId: undefined }));
        expect(await store.listConversations({ agentId: 'ag1' })).toEqual([]);
        expect((await store.listConversations({ modes: ['queued'] })).map((c) => c.id)).toEqual(['b', 'a']);
        expect(await store.listConversations({ modes: ['assigned'] })).toEqual([]);
      });

      it('gives exactly one winner to 100 concurrent claims made through two handles', async () => {
        await create('c1');
        await store.updateConversation('c1', (c) => ({ ...c, mode: 'queued' }));
        const claims = Array.from({ length: 100 }, (_, i) =>
          (i % 2 ? opened.peer : store).updateConversation(
            'c1',
            (current) =>
              applyTransition(current, { event: 'claim', at: clock, agentId: `ag${i}`, agentName: `A${i}` })
                ?.conversation,
          ),
        );
        const results = await Promise.all(claims);
        const winners = results.filter((r): r is Conversation => r !== undefined);
        expect(winners).toHaveLength(1);
        const stored = await store.getConversation('c1');
        expect(stored?.assignedAgentId).toBe(winners[0]!.assignedAgentId);
        expect(stored?.history.filter((t) => t.event === 'claim')).toHaveLength(1);
      });

      it('loses no write when appends and updates of one conversation run at once', async () => {
        await create('c1');
        await Promise.all([
          ...Array.from({ length: 20 }, (_, i) => opened.store.appendMessage('c1', customerSays(`m${i}`))),
          ...Array.from({ length: 20 }, (_, i) =>
            opened.peer.updateConversation('c1', (c) => ({ ...c, tags: [...(c.tags ?? []), `t${i}`] })),
          ),
        ]);
        const stored = await store.getConversation('c1');
        expect(stored?.lastSeq).toBe(20);
        expect(stored?.tags).toHaveLength(20);
      });
    });

    describe('transcripts', () => {
      // Through its port only: a section type-checks against nothing else of the store.
      let store: TranscriptStore & ConversationStore;
      beforeEach(() => {
        store = opened.store;
      });
      it('numbers messages 1, 2, 3 and bumps the conversation bookkeeping', async () => {
        await create('c1');
        clock += 5;
        const { message: first, conversation: afterFirst } = await store.appendMessage(
          'c1',
          customerSays('hello', 111),
        );
        expect(afterFirst).toMatchObject({ id: 'c1', lastSeq: 1, lastCustomerText: 'hello' });
        const { message: second } = await store.appendMessage('c1', {
          author: 'bot',
          text: 'hi',
          createdAt: 222,
          citations: [{ title: 'Logging', url: 'https://docs.example.com/logging/' }],
        });
        expect([first.seq, second.seq]).toEqual([1, 2]);
        expect(first).toMatchObject({ conversationId: 'c1', text: 'hello', author: 'customer' });
        const conversation = await store.getConversation('c1');
        expect(conversation).toMatchObject({
          lastSeq: 2,
          lastMessageAt: 222,
          lastCustomerText: 'hello',
          updatedAt: clock,
        });
        const all = await store.getMessages('c1');
        expect(all).toEqual([first, second]);
        expect(await store.getMessages('c1', 1)).toEqual([second]);
        expect(await store.getMessages('c1', 0, 1)).toEqual([first]);
        expect(await store.getMessages('c1', 2)).toEqual([]);
        await expect(store.appendMessage('missing', customerSays('x'))).rejects.toThrow();
      });

      it('assigns gap-free sequence numbers to 100 concurrent appends through two handles', async () => {
        await create('c1');
        const sent = await Promise.all(
          Array.from({ length: 100 }, (_, i) =>
            (i % 2 ? opened.peer : store).appendMessage('c1', customerSays(`m${i}`)),
          ),
        );
        expect(sent.map(({ message }) => message.seq).sort((a, b) => a - b)).toEqual(
          Array.from({ length: 100 }, (_, i) => i + 1),
        );
        const stored = await store.getMessages('c1');
        expect(stored.map((m) => m.seq)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
        expect(new Set(stored.map((m) => m.text)).size).toBe(100);
        expect((await store.getConversation('c1'))?.lastSeq).toBe(100);
      });

      it('updates delivery and feedback, and finds a message by its provider id', async () => {
        await create('c1');
        const { message: sent } = await store.appendMessage('c1', {
          author: 'agent',
          text: 'on it',
          createdAt: 1,
          delivery: { status: 'pending', at: 1 },
        });
        const updated = await store.updateMessage('c1', sent.seq, {
          delivery: { status: 'sent', providerId: 'SM123', at: 2 },
        });
        expect(updated?.delivery).toEqual({ status: 'sent', providerId: 'SM123', at: 2 });
        expect((await store.findMessageByProviderId('SM123'))?.text).toBe('on it');
        await store.updateMessage('c1', sent.seq, { feedback: 'helpful' });
        expect((await store.getMessages('c1'))[0]).toMatchObject({
          feedback: 'helpful',
          delivery: { status: 'sent', providerId: 'SM123' },
        });
        expect(await store.updateMessage('c1', 99, { feedback: 'helpful' })).toBeUndefined();
        expect(await store.findMessageByProviderId('unknown')).toBeUndefined();
      });

      it('finds a message by the provider or client id it carries, within its conversation only', async () => {
        await create('c1');
        await create('c2');
        await store.appendMessage('c1', {
          author: 'customer',
          text: 'first',
          createdAt: 1,
          externalId: 'tg:1',
        });
        await store.appendMessage('c1', { author: 'customer', text: 'no id', createdAt: 2 });
        for (let i = 0; i < 250; i++) {
          await store.appendMessage('c1', { author: 'bot', text: `filler ${i}`, createdAt: 3 });
        }
        await store.appendMessage('c2', {
          author: 'agent',
          text: 'reply',
          createdAt: 4,
          externalId: 'agent:a1:r1',
        });
        expect(await store.findMessageByExternalId('c1', 'tg:1')).toMatchObject({ seq: 1, text: 'first' });
        expect((await opened.peer.findMessageByExternalId('c2', 'agent:a1:r1'))?.text).toBe('reply');
        expect(await store.findMessageByExternalId('c2', 'tg:1')).toBeUndefined();
        expect(await store.findMessageByExternalId('c1', 'tg:2')).toBeUndefined();
      });

      it('lists outbound messages still pending since before a time, until their delivery moves on', async () => {
        await create('c1');
        await create('c2');
        const { message: old } = await store.appendMessage('c1', {
          author: 'bot',
          text: 'old',
          createdAt: 1,
          delivery: { status: 'pending', at: 100 },
        });
        await store.appendMessage('c2', {
          author: 'agent',
          text: 'new',
          createdAt: 1,
          delivery: { status: 'pending', at: 900 },
        });
        await store.appendMessage('c2', {
          author: 'agent',
          text: 'sent',
          createdAt: 1,
          delivery: { status: 'sent', at: 50 },
        });
        await store.appendMessage('c2', { author: 'customer', text: 'in', createdAt: 1 });
        expect((await store.listPendingDeliveries(500)).map((m) => m.text)).toEqual(['old']);
        expect((await store.listPendingDeliveries(1000)).map((m) => m.text)).toEqual(['old', 'new']);
        await store.updateMessage('c1', old.seq, {
          delivery: { status: 'sent', providerId: 'SM1', at: 950 },
        });
        expect((await store.listPendingDeliveries(1000)).map((m) => m.text)).toEqual(['new']);
      });
    });

    describe('dedup keys', () => {
      // Through its port only: a section type-checks against nothing else of the store.
      let store: DedupStore;
      beforeEach(() => {
        store = opened.store;
      });
      it('remembers a key once until it expires or is forgotten', async () => {
        expect(await store.remember('in:telegram:1', 60_000)).toBe(true);
        expect(await opened.peer.remember('in:telegram:1', 60_000)).toBe(false);
        await store.forget('in:telegram:1');
        expect(await opened.peer.remember('in:telegram:1', 60_000)).toBe(true);

        // 300 ms: the second call must come before the key expires, also on a loaded machine (with
        // 50 ms, two Redis round trips under a full test run sometimes took longer).
        expect(await store.remember('short', 300)).toBe(true);
        expect(await store.remember('short', 300)).toBe(false);
        clock += 400; // the embedded store reads its clock; Redis expires on its own
        await sleep(400);
        expect(await store.remember('short', 300)).toBe(true);
      });

      it('tells whether a key is remembered without recording it', async () => {
        expect(await store.isRemembered('looked-at')).toBe(false);
        expect(await opened.peer.isRemembered('looked-at')).toBe(false);
        expect(await store.remember('looked-at', 60_000)).toBe(true);
        expect(await store.isRemembered('looked-at')).toBe(true);
        // The embedded store commits a claim with the next turn's batch; then every instance sees it.
        await new Promise((resolve) => setImmediate(resolve));
        expect(await opened.peer.isRemembered('looked-at')).toBe(true);
        await store.forget('looked-at');
        expect(await store.isRemembered('looked-at')).toBe(false);

        expect(await store.remember('brief', 300)).toBe(true);
        clock += 400;
        await sleep(400);
        expect(await store.isRemembered('brief')).toBe(false);
      });

      it('lets exactly one of many concurrent callers through', async () => {
        const results = await Promise.all(
          Array.from({ length: 50 }, (_, i) => (i % 2 ? opened.peer : store).remember('race', 60_000)),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
      });
    });

    describe('agents and sessions', () => {
      // Through its port only: a section type-checks against nothing else of the store.
      let store: AgentStore;
      beforeEach(() => {
        store = opened.store;
      });
      it('creates, finds, lists, renames and deletes agents; usernames stay unique', async () => {
        await store.createAgent(agentOf('a2', 'zoe'));
        await store.createAgent(agentOf('a1', 'ann'));
        // Our own error class: a driver's error may come from another realm under jest.
        await expect(store.createAgent(agentOf('a3', 'ann'))).rejects.toBeInstanceOf(ConflictError);
        expect((await store.getAgentByUsername('ann'))?.id).toBe('a1');
        expect((await store.listAgents()).map((a) => a.username)).toEqual(['ann', 'zoe']);
        await store.updateAgent({ ...agentOf('a1', 'anna'), role: 'admin' });
        expect(await store.getAgentByUsername('ann')).toBeUndefined();
        expect(await store.getAgentByUsername('anna')).toMatchObject({ id: 'a1', role: 'admin' });
        await expect(store.updateAgent(agentOf('a1', 'zoe'))).rejects.toBeInstanceOf(ConflictError);
        await store.createAgent(agentOf('a3', 'ann'));
        expect(await store.deleteAgent('a1')).toBe(true);
        expect(await store.deleteAgent('a1')).toBe(false);
        expect(await store.getAgent('a1')).toBeUndefined();
        expect(await store.getAgentByUsername('anna')).toBeUndefined();
      });

      it('keeps sessions until they expire or are deleted, one by one or per agent', async () => {
        const session = (tokenHash: string, agentId: string, ttl = 60_000): AgentSession => ({
          tokenHash,
          agentId,
          createdAt: clock,
          expiresAt: clock + ttl,
        });
        await store.createAgent(agentOf('a1', 'ann'));
        await store.createSession(session('h1', 'a1'));
        await store.createSession(session('h2', 'a1'));
        await store.createSession(session('h3', 'a2'));
        await store.createSession(session('h4', 'a2', 1_000));
        expect(await opened.peer.getSession('h1')).toEqual(session('h1', 'a1'));
        await store.deleteSession('h1');
        expect(await store.getSession('h1')).toBeUndefined();
        await store.deleteSessionsOf('a2');
        expect(await store.getSession('h3')).toBeUndefined();
        expect(await store.getSession('h2')).toBeDefined();
        await store.deleteAgent('a1');
        expect(await store.getSession('h2')).toBeUndefined();
        await store.createSession(session('h5', 'a9', 1_000));
        clock += 2_000;
        expect(await store.getSession('h5')).toBeUndefined();
      });
    });

    describe('tickets and records', () => {
      // Through its port only: a section type-checks against nothing else of the store.
      let store: TicketStore & RecordStore;
      beforeEach(() => {
        store = opened.store;
      });
      const ticket = (id: string, updatedAt: number, patch: Partial<Ticket> = {}): Ticket => ({
        id,
        conversationId: 'c1',
        channel: 'web',
        customerId: 'cust1',
        status: 'open',
        title: `Calls drop ${id}`,
        brief: { description: 'one-way audio' },
        createdAt: 1,
        updatedAt,
        reopenedCount: 0,
        ...patch,
      });

      it('saves, replaces, gets and filters tickets, newest first', async () => {
        await store.saveTicket(ticket('T-1', 10));
        await store.saveTicket(ticket('T-2', 20, { customerId: 'cust2', channel: 'sms' }));
        await store.saveTicket(ticket('T-1', 30, { status: 'resolved' }));
        expect((await store.getTicket('T-1'))?.status).toBe('resolved');
        expect(await store.getTicket('T-9')).toBeUndefined();
        expect((await store.listTickets()).map((t) => t.id)).toEqual(['T-1', 'T-2']);
        expect((await store.listTickets({ customerId: 'cust2' })).map((t) => t.id)).toEqual(['T-2']);
        expect((await store.listTickets({ status: 'open' })).map((t) => t.id)).toEqual(['T-2']);
        expect((await store.listTickets({ text: 'ONE-WAY', limit: 1 })).map((t) => t.id)).toEqual(['T-1']);
      });

      it("keeps a ticket's lifecycle (fix proposal, line, outage, link, history) and finds it by status", async () => {
        const lifecycle: Partial<Ticket> = {
          status: 'fix-proposed',
          line: 2,
          fixProposal: { at: 40, agentId: 'a1', agentName: 'Ann', note: 'new route', dueAt: 1000 },
          outage: { confirmedAt: 35, source: 'status-page', by: 'All calls failing' },
          linkedTicketId: 'T-0',
          events: [
            { at: 38, event: 'escalated', agentName: 'Ann', note: '1st line to 2nd line: SBC' },
            { at: 40, event: 'fix-proposed', agentName: 'Ann', note: 'new route' },
          ],
        };
        await store.saveTicket(ticket('T-3', 40, lifecycle));
        await store.saveTicket(
          ticket('T-4', 50, { status: 'reopened', closedAt: 45, closeNote: 'confirmed' }),
        );
        expect(await store.getTicket('T-3')).toEqual(ticket('T-3', 40, lifecycle));
        expect((await store.listTickets({ status: 'fix-proposed' })).map((t) => t.id)).toEqual(['T-3']);
        expect(await store.listTickets({ status: 'reopened' })).toEqual([
          ticket('T-4', 50, { status: 'reopened', closedAt: 45, closeNote: 'confirmed' }),
        ]);
      });

      it('appends records to named logs and lists the newest, oldest first', async () => {
        for (let i = 1; i <= 5; i++) await store.appendRecord('feedback', { i });
        await store.appendRecord('leads', { email: 'x@example.com' });
        expect(await store.listRecords('feedback')).toEqual([1, 2, 3, 4, 5].map((i) => ({ i })));
        expect(await store.listRecords('feedback', 2)).toEqual([{ i: 4 }, { i: 5 }]);
        expect(await store.listRecords('leads')).toEqual([{ email: 'x@example.com' }]);
        expect(await store.listRecords('none')).toEqual([]);
      });
    });
  });
}
