import type { ConversationDetail, ConversationSummary } from '../../src/realtime/socket-events';
import type { Ticket } from '../../src/model/ticket';
import {
  connectAgent,
  nextEvent,
  request,
  signIn,
  startTestApp,
  type ConsoleSocket,
  type TestApp,
} from '../support/start-app';
import { textOf, webCustomer, type WebCustomer } from './support/chat-driver';
import { problemKnowledge } from './support/problem-knowledge';

type Ack<T> = { ok: true } & T;
const YEAR = new Date().getUTCFullYear() + 1;
/** A Wednesday noon next year, inside support hours (sessions are checked against real time). */
const NOON = Date.UTC(YEAR, 5, 1, 12, 0);

describe('reports become tickets the agent sees', () => {
  let server: TestApp;
  let cookie: string;
  let agent: ConsoleSocket;
  beforeEach(async () => {
    server = await startTestApp({ overrides: { knowledge: problemKnowledge(), clock: () => NOON } });
    cookie = await signIn(server.url);
    agent = connectAgent(server.url, cookie);
    await nextEvent(agent, 'hello');
  });
  afterEach(async () => {
    agent.close();
    await server.cleanup();
  });

  const api = async <T>(path: string, init: RequestInit = {}): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${server.url}/console/api${path}`, {
      ...init,
      headers: { cookie, 'content-type': 'application/json', ...init.headers },
    });
    return { status: response.status, body: (await response.json()) as T };
  };

  /** Walks a customer through a whole call-problem report; declines the docs when some are offered. */
  async function fullReport(customer: WebCustomer, description: string, severity = 'P1'): Promise<string> {
    const first = textOf(await customer.say(description));
    if (/Did one of them solve/.test(first)) await customer.say('Not solved');
    await customer.sayAll(['Platform', severity]);
    await customer.say('a84b4c76e66710@10.0.0.1');
    await customer.sayAll(['since 14:00 UTC', 'checked our firewall', 'callers hear nothing, we hear them']);
    return textOf(await customer.say('maybe NAT on the new router'));
  }

  it('"my calls are failing" with one-way audio reaches the console with the whole brief at the top', async () => {
    const customer = await webCustomer(server.url);
    const requested = nextEvent<ConversationSummary>(agent, 'handoffRequested');
    const filed = await fullReport(customer, 'my calls are failing with one-way audio');
    const ticketId = filed.match(/ticket (T-\w{5})/)?.[1];
    expect(ticketId).toBeDefined();
    expect(filed).toMatch(/Someone is signed in now and your report is at the top of their queue/);

    const queued = await requested;
    expect(queued).toMatchObject({ severity: 'P1', priority: 1 });
    const claimed = await request<Ack<{ conversation: ConversationDetail }>>(agent, 'claim', {
      conversationId: queued.id,
    });
    expect(claimed.conversation.brief).toMatchObject({
      ticketId,
      category: 'platform',
      severity: 'P1',
      callIds: ['a84b4c76e66710@10.0.0.1'],
      startedAt: 'since 14:00 UTC',
      tried: 'checked our firewall',
      suggestedDocs: [
        {
          title: 'One-way audio › NAT and RTP',
          url: 'https://docs.example.com/guides/one-way-audio/#nat-and-rtp',
        },
        { title: 'One-way audio › Codecs', url: 'https://docs.example.com/guides/one-way-audio/#codecs' },
      ],
    });
    expect(claimed.conversation.brief?.description).toMatch(
      /one-way audio[\s\S]*Observed: callers hear nothing, we hear them[\s\S]*Suspected cause \(not confirmed\): maybe NAT/,
    );
    expect(claimed.conversation.notes?.join('\n')).toContain(`${ticketId} open P1`);

    const found = await api<{ tickets: Ticket[] }>('/tickets?text=one-way');
    expect(found.body.tickets.map((t) => t.id)).toEqual([ticketId]);
    const none = await api<{ tickets: Ticket[] }>('/tickets?text=fax');
    expect(none.body.tickets).toEqual([]);
    customer.close();
  });

  it('refuses ticket and lead lists to anyone not signed in', async () => {
    const tickets = await fetch(`${server.url}/console/api/tickets?text=a`);
    const leads = await fetch(`${server.url}/console/api/leads`);
    expect([tickets.status, leads.status]).toEqual([401, 401]);
  });

  it('files one ticket per problem when a message lists several', async () => {
    const customer = await webCustomer(server.url);
    const first = textOf(
      await customer.say('1) the portal login page is blank\n2) invoices show the wrong currency'),
    );
    expect(first).toMatch(/2 separate problems[\s\S]*"the portal login page is blank"/);
    await customer.sayAll(['Operational', 'P4']);
    expect(textOf(await customer.say('skip'))).toMatch(/When did it start/);
    await customer.sayAll(['today', 'cleared the cache', 'white page after sign in']);
    const next = textOf(await customer.say('no idea'));
    expect(next).toMatch(/ticket T-\w{5}[\s\S]*Now your next problem: "invoices show the wrong currency"/);
    await customer.sayAll(['Operational', 'P5', 'last month', 'nothing', 'EUR instead of USD']);
    const done = textOf(await customer.say('no idea'));
    expect(done).toMatch(/ticket T-\w{5}/);
    const tickets = await server.app.store.listTickets();
    expect(tickets.map((t) => t.title).sort()).toEqual([
      'invoices show the wrong currency',
      'the portal login page is blank',
    ]);
    const conversation = await server.app.store.getConversation(tickets[0]!.conversationId);
    expect(conversation?.brief?.relatedTickets).toHaveLength(2);
    expect(conversation?.priority).toBe(4);
    customer.close();
  });

  it('a problem that comes back after a fix reopens the same ticket', async () => {
    const customer = await webCustomer(server.url);
    const requested = nextEvent<ConversationSummary>(agent, 'handoffRequested');
    const filed = await fullReport(customer, 'one-way audio on calls to Spain');
    const ticketId = filed.match(/ticket (T-\w{5})/)![1]!;
    const { id } = await requested;
    await request(agent, 'claim', { conversationId: id });
    await request(agent, 'resolve', { conversationId: id, resolveTickets: true });
    expect((await server.app.store.getTicket(ticketId))?.status).toBe('resolved');

    const asked = textOf(await customer.say('one-way audio on calls to Spain is happening again'));
    expect(asked).toContain(`Is this the same problem as your ticket ${ticketId}`);
    await customer.say('Same problem');
    await customer.say('b99f00d1234567@10.0.0.2');
    const reopened = textOf(await customer.say('an hour ago'));
    expect(reopened).toContain(`I have reopened your ticket ${ticketId}`);
    const ticket = await server.app.store.getTicket(ticketId);
    expect(ticket).toMatchObject({ status: 'reopened', reopenedCount: 1 });
    expect(ticket?.brief.callIds).toEqual(['a84b4c76e66710@10.0.0.1', 'b99f00d1234567@10.0.0.2']);
    expect(await server.app.store.listTickets()).toHaveLength(1);
    customer.close();
  });

  it('outage reports are each queued at the top until an agent confirms the outage, then they join it', async () => {
    const reporters = await Promise.all([1, 2, 3].map(() => webCustomer(server.url)));
    const [first, second, third] = reporters as [WebCustomer, WebCustomer, WebCustomer];
    const outageReport = async (customer: WebCustomer, words: string): Promise<string> => {
      await customer.sayAll([words, 'Platform']);
      return textOf(await customer.say('P0'));
    };
    // Nothing confirmed: one customer's P0 cannot hide another's; both are queued first in line.
    const one = await outageReport(first, 'everything is down, all calls fail');
    const two = await outageReport(second, 'all calls failing for everyone');
    const ticketId = /ticket (T-\w{5})/.exec(one)![1]!;
    expect(one).toMatch(/P0 means the whole platform is down[\s\S]*status\.connexcs\.com/);
    expect(two).not.toContain('already working on a platform-wide outage');
    const queued = await server.app.store.listConversations({ modes: ['queued'] });
    expect(queued.map((c) => c.priority)).toEqual([0, 0]);

    const secondTicketId = /ticket (T-\w{5})/.exec(two)![1]!;

    // An agent confirms the outage on the first ticket: the report queued before it joins it and
    // leaves the queue, its customer told; the next report joins it, unqueued.
    const told = nextEvent<{ text: string }>(second.socket, 'message', (m) =>
      m.text.includes('confirmed a platform-wide outage'),
    );
    const confirmed = await api<{ ticket: Ticket; merged: string[] }>(`/tickets/${ticketId}/outage`, {
      method: 'POST',
      body: JSON.stringify({ confirmed: true }),
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.ticket.outage).toMatchObject({ source: 'agent', by: 'Admin' });
    expect(confirmed.body.merged).toEqual([secondTicketId]);
    expect((await told).text).toMatch(
      new RegExp(
        `report ${secondTicketId}: the team has confirmed a platform-wide outage, tracked as ticket ${ticketId}`,
      ),
    );
    const merged = await server.app.store.getTicket(secondTicketId);
    expect(merged?.status).toBe('resolved');
    expect(merged?.closeNote).toContain(`Merged into outage ticket ${ticketId}`);
    expect((await server.app.store.listConversations({ modes: ['queued'] })).map((c) => c.id)).toHaveLength(
      1,
    );
    const three = await outageReport(third, 'no calls are connecting at all');
    expect(three).toContain(`already working on a platform-wide outage, filed as ticket ${ticketId}`);
    expect(await server.app.store.listConversations({ modes: ['queued'] })).toHaveLength(1);

    // The agent sees every reporter linked to it and can message them all at once.
    const listed = await api<{ reporters: { conversationId: string }[] }>(`/tickets/${ticketId}/reporters`);
    expect(listed.body.reporters).toHaveLength(3);
    const heard = [first, second, third].map((c) =>
      nextEvent<{ text: string }>(c.socket, 'message', (m) => m.text.includes('traffic is back')),
    );
    const sent = await api<{ sent: number }>(`/tickets/${ticketId}/broadcast`, {
      method: 'POST',
      body: JSON.stringify({ text: 'traffic is back on all nodes; please retest.' }),
    });
    expect(sent.body.sent).toBe(3);
    for (const message of await Promise.all(heard)) {
      expect(message.text).toBe(
        `Update on ticket ${ticketId} from Admin: traffic is back on all nodes; please retest.`,
      );
    }

    // Once the outage is ended, reports are queued one by one again.
    await api(`/tickets/${ticketId}/outage`, { method: 'POST', body: JSON.stringify({ confirmed: false }) });
    const later = await webCustomer(server.url);
    expect(await outageReport(later, 'total outage, every call fails')).not.toContain('already working on');
    for (const customer of [...reporters, later]) customer.close();
  });

  it('counts critical reports that agents downgrade and shows the count to agents', async () => {
    const customer = await webCustomer(server.url);
    const notes: string[][] = [];
    for (const description of ['calls drop after 30 seconds', 'calls to Germany get a 503']) {
      const requested = nextEvent<ConversationSummary>(agent, 'handoffRequested');
      await fullReport(customer, description);
      const { id } = await requested;
      await request(agent, 'claim', { conversationId: id });
      expect(await request(agent, 'reclassify', { conversationId: id, severity: 'P4' })).toMatchObject({
        ok: true,
      });
      const opened = await request<Ack<{ conversation: ConversationDetail }>>(agent, 'open', {
        conversationId: id,
      });
      notes.push(opened.conversation.notes ?? []);
      const ticket = await server.app.store.getTicket(opened.conversation.brief!.ticketId!);
      expect(ticket?.brief.severity).toBe('P4');
      await request(agent, 'resolve', { conversationId: id });
    }
    expect(notes[0]).toContain('Critical reports from this customer downgraded by agents: 1');
    expect(notes[1]).toContain(
      'Critical reports from this customer downgraded by agents: 2 (repeated misreporting)',
    );
    customer.close();
  });

  it('an agent can end a flagged abusive conversation', async () => {
    const customer = await webCustomer(server.url);
    await customer.say('you morons');
    const requested = nextEvent<ConversationSummary>(agent, 'handoffRequested');
    await customer.say('I will find you');
    const { id } = await requested;
    const ended = nextEvent<{ text: string }>(customer.socket, 'message', (m) =>
      /ended this conversation/.test(m.text),
    );
    const result = await api<{ ok: boolean; mode: string }>(`/conversations/${id}/end`, {
      method: 'POST',
      body: JSON.stringify({ reason: 'threats' }),
    });
    expect(result).toEqual({ status: 200, body: { ok: true, mode: 'resolved' } });
    await ended;
    const conversation = await server.app.store.getConversation(id);
    expect(conversation?.history.at(-1)).toMatchObject({ event: 'end', reason: 'threats' });
    customer.close();
  });
});
