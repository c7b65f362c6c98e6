import { startThreeChannelApp, type ThreeChannelApp } from '../support/three-channel-app';
import type { Ticket } from '../../src/model/ticket';
import { parsePolicy } from '../../src/policy/load-policy';
import { FakeTwilio } from '../support/fake-twilio';
import { statusPage } from '../support/fake-status-page';
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
import { waitFor } from '../support/wait-for';
import {
  smsChannelCustomer,
  telegramChannelCustomer,
  webChannelCustomer,
  type ChannelCustomer,
} from './support/channel-customers';
import { textOf, webCustomer, type WebCustomer } from './support/chat-driver';

const TOKEN = '123456:ticket-lifecycle-token';
const HOUR = 3600_000;
const DAY = 24 * HOUR;
/**
 * 1 June next year, 10:00 UTC: inside support hours, and ahead of the real time the console's
 * session timers run on (sessions begin on the test's clock).
 */
const START = Date.UTC(new Date().getUTCFullYear() + 1, 5, 1, 10, 0);

/** A call problem reported from the start to its ticket. */
const REPORT: [string, RegExp][] = [
  ['my calls are failing', /Which category/],
  ['Operational', /How severe/],
  ['P3', /Call-ID of one or more/],
  ['a84b4c76e66710@10.0.0.1', /When did it start/],
  ['today at 09:30 UTC', /What have you tried/],
  ['restarted our PBX', /exactly what you observe/],
  ['503 Service Unavailable from the carrier', /suspect/],
  ['no idea', /ticket T-[2-9A-Z]{5}/],
];

/** The same problem reported again later: the bot recognises it and asks whether it is the same. */
const RECURRENCE: [string, RegExp][] = [
  ['my calls are failing again', /same problem as your ticket/],
  ['Same problem', /Call-ID/],
  ['skip', /When did it come back/],
];

describe('the ticket lifecycle of the support policy', () => {
  let now = START;
  let running: ThreeChannelApp | undefined;
  let server: TestApp;
  let emulator: TelegramEmulator;
  let twilio: FakeTwilio;
  let cookie: string;
  let agent: ConsoleSocket;

  beforeAll(async () => {
    running = await startThreeChannelApp(TOKEN, { clock: () => now, lifecycleSweepMs: 40 });
    ({ server, emulator, twilio } = running);
  });
  afterAll(async () => {
    agent?.close();
    await running?.stop();
  });

  /** Moves the clock on; the agent signs in again, as sessions end on the same clock. */
  async function later(ms: number): Promise<void> {
    now += ms;
    agent?.close();
    cookie = await signIn(server.url);
    agent = connectAgent(server.url, cookie);
    await nextEvent(agent, 'hello');
  }

  async function api<T>(path: string, body: unknown): Promise<{ status: number; body: T }> {
    const response = await fetch(`${server.url}/console/api${path}`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  }

  async function play(customer: ChannelCustomer, script: [string, RegExp][]): Promise<string> {
    let last = '';
    for (const [text, expected] of script) last = await customer.send(text, expected);
    return last;
  }

  async function conversationOf(customer: ChannelCustomer) {
    const found = await server.app.store.findConversation(customer.channel, await customer.key());
    if (!found) throw new Error('no conversation');
    return found;
  }

  /** Waits until the customer's conversation is in this mode, then gives it. */
  async function inMode(customer: ChannelCustomer, mode: string) {
    return waitFor(async () => {
      const conversation = await conversationOf(customer);
      return conversation.mode === mode ? conversation : undefined;
    });
  }

  /** The agent claims the customer's queued conversation and proposes a fix on the ticket. */
  async function proposeFix(customer: ChannelCustomer, ticketId: string, note: string): Promise<string> {
    const queued = await inMode(customer, 'queued');
    expect(await request(agent, 'claim', { conversationId: queued.id })).toMatchObject({ ok: true });
    const answer = await api<{ ticket: Ticket }>(`/tickets/${ticketId}/fix-proposed`, { note });
    expect(answer.status).toBe(200);
    expect(answer.body.ticket).toMatchObject({ status: 'fix-proposed', fixProposal: { note } });
    return ticketId;
  }

  const channels: [string, () => Promise<ChannelCustomer>][] = [
    ['web', () => webChannelCustomer(server.url)],
    ['telegram', async () => telegramChannelCustomer(emulator)],
    ['sms', async () => smsChannelCustomer(server.url, twilio)],
  ];

  it.each(channels)(
    'on %s: fix proposed, still broken, back to the agent, fixed, confirmed; back in 3 days reopens, in 11 days links',
    async (_name, newCustomer) => {
      await later(0);
      const customer = await newCustomer();
      const filed = await play(customer, REPORT);
      const ticketId = /ticket (T-[2-9A-Z]{5})/.exec(filed)![1]!;

      // The agent proposes a fix; the customer is asked on their own channel to test it.
      await proposeFix(customer, ticketId, 'we moved your traffic to another carrier');
      const question = await waitFor(async () => {
        const said = await server.app.store.getMessages((await conversationOf(customer)).id);
        return said.find((m) => /does it work now/.test(m.text));
      });
      expect(question.text).toContain(`Admin has put a fix in place for your ticket ${ticketId}`);

      // "Still broken": the ticket reopens and goes back to the same agent, who is signed in.
      const back = await customer.press('Still broken', 'Still broken', /joined the conversation/);
      expect(back).toMatch(/reopened ticket T-\w{5} with what you said/);
      const assigned = await inMode(customer, 'assigned');
      expect(assigned.assignedAgentName).toBe('Admin');
      expect(assigned.handoffReason).toMatch(/Fix did not work/);
      let ticket = (await server.app.store.getTicket(ticketId))!;
      expect(ticket).toMatchObject({ status: 'reopened', reopenedCount: 1 });
      expect(ticket.events?.map((e) => e.event)).toEqual(['fix-proposed', 'fix-failed']);

      // A second fix, and the customer confirms it works: closed with their confirmation.
      await api(`/tickets/${ticketId}/fix-proposed`, { note: 'the carrier fixed its SBC' });
      await waitFor(async () => (await conversationOf(customer)).flow?.flowId === 'confirm-fix' || undefined);
      const closed = await customer.press('It works', 'It works now', /is now closed/);
      expect(closed).toMatch(/within 10 days/);
      ticket = (await server.app.store.getTicket(ticketId))!;
      expect(ticket).toMatchObject({ status: 'resolved', closeNote: 'The customer confirmed the fix works' });

      // Three days later the same problem: the same ticket reopens, nothing new is opened.
      await later(3 * DAY);
      await play(customer, RECURRENCE);
      const reopened = await customer.send('this morning', /reopened your ticket/);
      expect(reopened).toContain(ticketId);
      ticket = (await server.app.store.getTicket(ticketId))!;
      expect(ticket).toMatchObject({ status: 'reopened', reopenedCount: 2 });

      // Fixed and confirmed again, then eleven days later: a new ticket linked to the old one.
      await proposeFix(customer, ticketId, 'route corrected');
      await waitFor(async () => (await conversationOf(customer)).flow?.flowId === 'confirm-fix' || undefined);
      await customer.press('It works', 'It works now', /is now closed/);
      await later(11 * DAY);
      await customer.send('my calls are failing again', /open a new ticket linked to it/);
      await play(customer, RECURRENCE.slice(1));
      const linked = await customer.send('this morning', /linked to your earlier ticket/);
      const newId = /ticket (T-[2-9A-Z]{5})/.exec(linked)![1]!;
      expect(newId).not.toBe(ticketId);
      expect(await server.app.store.getTicket(newId)).toMatchObject({
        status: 'open',
        linkedTicketId: ticketId,
      });
      expect((await server.app.store.getTicket(ticketId))?.status).toBe('resolved');
      customer.close();
    },
  );

  it('closes a proposed fix the customer never answers, with a note, and tells them', async () => {
    await later(0);
    const customer = await webChannelCustomer(server.url);
    const ticketId = /ticket (T-[2-9A-Z]{5})/.exec(await play(customer, REPORT))![1]!;
    await proposeFix(customer, ticketId, 'new route');
    await waitFor(async () => (await conversationOf(customer)).flow?.flowId === 'confirm-fix' || undefined);
    expect((await server.app.store.getTicket(ticketId))?.status).toBe('fix-proposed');
    now += 73 * HOUR;
    const told = await waitFor(async () => {
      const said = await server.app.store.getMessages((await conversationOf(customer)).id);
      return said.find((m) => /not heard back/.test(m.text));
    });
    expect(told.text).toContain(`closed it`);
    expect(await server.app.store.getTicket(ticketId)).toMatchObject({
      status: 'resolved',
      closeNote: 'No answer within 72 hours of the proposed fix',
    });
    expect((await conversationOf(customer)).flow).toBeUndefined();
    customer.close();
  });

  it('escalates through the lines and tells the customer who has it; a feature request at the 3rd line may cost', async () => {
    await later(0);
    const customer = await webCustomer(server.url);
    const ticketId = await fileFeatureRequest(customer);
    const told = (text: RegExp) =>
      nextEvent<{ text: string }>(customer.socket, 'message', (m) => text.test(m.text));

    const second = told(/2nd line/);
    const up = await api<{ ticket: Ticket }>(`/tickets/${ticketId}/escalate`, {
      reason: 'needs a switch change',
    });
    expect(up.body.ticket.line).toBe(2);
    expect((await second).text).toMatch(/now with our 2nd line: our senior network engineers/);
    expect((await second).text).not.toMatch(/project cost/);

    const third = told(/3rd line/);
    await api(`/tickets/${ticketId}/escalate`, { reason: 'new feature', line: 3 });
    expect((await third).text).toMatch(/senior developers[\s\S]*a project cost may apply/);

    const refused = await api<{ error: { code: string } }>(`/tickets/${ticketId}/escalate`, {
      reason: 'again',
    });
    expect(refused.status).toBe(409);
    const escalated = (await server.app.store.getTicket(ticketId))?.events?.filter(
      (e) => e.event === 'escalated',
    );
    expect(escalated?.map((e) => e.note)).toEqual([
      '1st line to 2nd line: needs a switch change',
      '2nd line to 3rd line: new feature',
    ]);
    const noReason = await api(`/tickets/${ticketId}/escalate`, {});
    expect(noReason.status).toBe(400);
    customer.close();
  });
});

describe('NOC services from the policy file', () => {
  it("an enquiry about NOC-on-Demand also hears of NOC-as-a-Service, in the policy's words", async () => {
    const server = await startTestApp({ overrides: { clock: () => START } });
    try {
      const customer = await webCustomer(server.url);
      const answer = textOf(await customer.say('Do you offer NOC-on-Demand?'));
      const policy = parsePolicy({});
      expect(answer).toContain(policy.nocOnDemand.description);
      expect(answer).toContain(policy.nocAsAService.description);
      customer.close();
    } finally {
      await server.cleanup();
    }
  });
});

/** Files a P5 feature request, answering whatever the report asks; gives the ticket id. */
async function fileFeatureRequest(customer: WebCustomer): Promise<string> {
  await customer.say('I want to report a problem');
  await customer.say('the CDR export has no column for the carrier name');
  let last = textOf(await customer.say('Operational'));
  last = textOf(await customer.say('P5'));
  expect(last).toMatch(/feature request/);
  const answers: [RegExp, string][] = [
    [/Call-ID/, 'skip'],
    [/screenshot/i, 'skip'],
    [/When did it start/, 'never had it'],
    [/What have you tried/, 'nothing'],
    [/exactly what you observe/, 'the column is not in the file'],
    [/suspect/, 'no idea'],
  ];
  for (let turn = 0; turn < 8; turn += 1) {
    const filed = /ticket (T-[2-9A-Z]{5})/.exec(last)?.[1];
    if (filed) return filed;
    const answer = answers.find(([asked]) => asked.test(last))?.[1];
    if (!answer) throw new Error(`unexpected question: ${last}`);
    last = textOf(await customer.say(answer));
  }
  throw new Error('no ticket filed');
}

describe('outage reports while the status page shows an incident', () => {
  it('the incident confirms the outage: the first report files it, the next ones join', async () => {
    const page = await statusPage();
    page.summary = {
      status: { description: 'Major System Outage' },
      components: [{ name: 'SIP Switch', status: 'major_outage' }],
      incidents: [
        {
          name: 'All calls failing',
          status: 'investigating',
          impact: 'critical',
          incident_updates: [{ body: 'We are investigating.' }],
          components: [{ name: 'SIP Switch' }],
        },
      ],
    };
    const server = await startTestApp({
      env: { STATUS_PAGE_URL: page.url },
      overrides: { clock: () => START },
    });
    try {
      const report = async (): Promise<string> => {
        const customer = await webCustomer(server.url);
        const first = textOf(await customer.say('the whole platform is down, nothing connects'));
        // When the incident matches, the customer says theirs is different and reports it anyway.
        if (/known incident/.test(first)) await customer.say('My problem is different');
        await customer.say('Platform');
        const filed = textOf(await customer.say('P0'));
        customer.close();
        return filed;
      };
      const one = await report();
      const ticketId = /ticket (T-[2-9A-Z]{5})/.exec(one)?.[1];
      if (!ticketId) throw new Error(`no ticket: ${one}`);
      expect(await server.app.store.getTicket(ticketId)).toMatchObject({
        outage: { source: 'status-page', by: 'All calls failing' },
      });
      expect(await report()).toContain(
        `already working on a platform-wide outage, filed as ticket ${ticketId}`,
      );
      expect(await server.app.store.listConversations({ modes: ['queued'] })).toHaveLength(1);
    } finally {
      await server.cleanup();
      await page.close();
    }
  });
});
