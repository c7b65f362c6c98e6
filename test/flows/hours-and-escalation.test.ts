import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectAgent, nextEvent, signIn, startTestApp, type TestApp } from '../support/start-app';
import { textOf, webCustomer } from './support/chat-driver';

/**
 * Times in the first full week of January next year: always winter (fixed UTC offsets below) and
 * always in the future, since agent sessions are checked against the real time by the store.
 * `day(0, ...)` is that week's Monday, `day(5, ...)` its Saturday.
 */
const YEAR = new Date().getUTCFullYear() + 1;
const FIRST_MONDAY = [...Array(7).keys()]
  .map((i) => Date.UTC(YEAR, 0, 2 + i))
  .find((t) => new Date(t).getUTCDay() === 1)!;
const day = (offset: number, hours: number, minutes = 0): number =>
  FIRST_MONDAY + offset * 86_400_000 + (hours * 60 + minutes) * 60_000;
/** "Tue 6 Jan" as the bot writes a date, for the day `offset` days after that Monday. */
const dayLabel = (offset: number): string =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  }).format(day(offset, 12));
const TUE = dayLabel(1);
const NEXT_MON = dayLabel(7);

describe('when a human will answer: hours with a controlled clock', () => {
  let server: TestApp;
  let now = day(0, 10);
  beforeAll(async () => {
    server = await startTestApp({ overrides: { clock: () => now } });
  });
  afterAll(async () => {
    await server.cleanup();
  });

  it.each([
    [
      'one minute before opening',
      day(0, 7, 59),
      undefined,
      /it is now 07:59 UTC\. Expect a reply from 08:00 UTC\./,
    ],
    [
      'exactly at opening, 08:00',
      day(0, 8, 0),
      undefined,
      /within our support hours \(08:00-20:00 UTC\), but nobody is signed in/,
    ],
    ['one minute before closing', day(0, 19, 59), undefined, /within our support hours/],
    [
      'exactly at closing, 20:00',
      day(0, 20, 0),
      undefined,
      new RegExp(String.raw`Expect a reply from ${TUE}, 08:00 UTC\.`),
    ],
    [
      'late evening for a customer in Tokyo, already Tuesday morning there',
      day(0, 22, 30),
      'Asia/Tokyo',
      new RegExp(
        String.raw`it is now 22:30 UTC \(07:30 your time, Asia\/Tokyo\)\. Expect a reply from ${TUE}, 08:00 UTC \(17:00 your time, Asia\/Tokyo\)`,
      ),
    ],
    [
      'late evening for a customer in New York',
      day(0, 22, 30),
      'America/New_York',
      new RegExp(
        String.raw`Expect a reply from ${TUE}, 08:00 UTC \(${TUE}, 03:00 your time, America\/New_York\)`,
      ),
    ],
    [
      'Saturday: the published policy keeps the same hours every day',
      day(5, 10),
      undefined,
      /within our support hours/,
    ],
  ])('"Human" %s', async (_case, at, timeZone, expected) => {
    now = at;
    const customer = await webCustomer(server.url, timeZone ? { timeZone } : {});
    const replies = await customer.say('Human');
    customer.close();
    expect(textOf(replies)).toMatch(expected);
  });

  it('says someone signed in may answer sooner out of hours', async () => {
    now = day(0, 21);
    const agent = connectAgent(server.url, await signIn(server.url));
    await nextEvent(agent, 'hello');
    const customer = await webCustomer(server.url);
    const text = textOf(await customer.say('Human'));
    customer.close();
    agent.close();
    expect(text).toMatch(
      new RegExp(
        String.raw`Expect a reply from ${TUE}, 08:00 UTC\. Someone is signed in right now and may answer sooner`,
      ),
    );
  });
});

describe('a policy file with weekday hours in another time zone', () => {
  let server: TestApp;
  let now = day(5, 10);
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-'));
    const file = path.join(dir, 'policy.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        teamName: 'Example Telecom',
        businessHours: {
          timeZone: 'Europe/Berlin',
          days: ['mon', 'tue', 'wed', 'thu', 'fri'],
          open: '09:00',
          close: '17:00',
        },
        contacts: { email: 'help@example.net' },
      }),
    );
    server = await startTestApp({ env: { POLICY_FILE: file }, overrides: { clock: () => now } });
  });
  afterAll(async () => {
    await server.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    [
      'Saturday is closed until Monday 09:00 Berlin (08:00 UTC in winter)',
      day(5, 10),
      new RegExp(String.raw`Expect a reply from ${NEXT_MON}, 08:00 UTC`),
    ],
    [
      'Friday 16:59 Berlin is open',
      day(4, 15, 59),
      /within our support hours \(09:00-17:00 Europe\/Berlin, Mon, Tue, Wed, Thu, Fri\)/,
    ],
    [
      'Friday 17:00 Berlin is closed',
      day(4, 16, 0),
      new RegExp(String.raw`Expect a reply from ${NEXT_MON}, 08:00 UTC`),
    ],
  ])('%s', async (_case, at, expected) => {
    now = at;
    const customer = await webCustomer(server.url);
    const text = textOf(await customer.say('Human'));
    customer.close();
    expect(text).toMatch(expected);
  });

  it('contacts come from the file, the rest from the published defaults', async () => {
    const customer = await webCustomer(server.url);
    const text = textOf(await customer.say('how can I contact support?'));
    customer.close();
    expect(text).toContain('help@example.net');
    expect(text).toContain('+44 7481 346 455');
  });
});

describe('severity, escalation and who answers', () => {
  let server: TestApp;
  let now = day(0, 10);
  beforeAll(async () => {
    server = await startTestApp({ overrides: { clock: () => now } });
  });
  afterAll(async () => {
    await server.cleanup();
  });

  /** Reports "billing is broken" up to the question after the assumptions, at `category` and `severity`. */
  async function report(category: string, severity: string, timeZone?: string) {
    const customer = await webCustomer(server.url, timeZone ? { timeZone } : {});
    await customer.sayAll([
      'billing is broken',
      category,
      severity,
      'this morning',
      'nothing yet',
      'invoices show 0.00',
    ]);
    const last = await customer.say('no idea');
    return { customer, last: textOf(last) };
  }

  async function conversationOf(customer: { socket: { id?: string } }) {
    const all = await server.app.store.listConversations({ limit: 500 });
    void customer;
    return all.sort((a, b) => b.updatedAt - a.updatedAt)[0]!;
  }

  it.each([
    [
      'P3 in hours: filed at once, no escalation offered',
      day(0, 10),
      'Operational',
      'P3',
      /ticket T-\w{5}[\s\S]*within our support hours/,
      3,
    ],
    [
      'P4 at 20:00: escalation offered',
      day(0, 20),
      'Operational',
      'P4',
      /outside our support hours[\s\S]*\$150 per hour \(minimum 1 hour\)/,
      undefined,
    ],
    [
      'Platform P1 at 03:00: handled around the clock',
      day(1, 3),
      'Platform',
      'P1',
      /Platform P1 issues are handled around the clock/,
      1,
    ],
    [
      'Operational P1 at 03:00: business hours apply',
      day(1, 3),
      'Operational',
      'P1',
      /Expect a reply from 08:00 UTC/,
      1,
    ],
    [
      'Platform P3 at 03:00 on a Saturday: escalation offered',
      day(5, 3),
      'Platform',
      'P3',
      /\$150 per hour/,
      undefined,
    ],
  ])('%s', async (_case, at, category, severity, expected, priority) => {
    now = at;
    const { customer, last } = await report(category, severity);
    customer.close();
    expect(last).toMatch(expected);
    if (priority !== undefined) expect((await conversationOf(customer)).priority).toBe(priority);
  });

  it('reminds a customer choosing a critical severity out of hours what misreporting costs, and not in hours', async () => {
    now = day(1, 3);
    const night = await webCustomer(server.url);
    await night.sayAll(['billing is broken', 'Platform']);
    expect(textOf(await night.say('P2'))).toMatch(
      /P2 is a critical severity[\s\S]*fines on the account or its termination/,
    );
    night.close();
    now = day(0, 10);
    const day10 = await webCustomer(server.url);
    await day10.sayAll(['billing is broken', 'Platform']);
    expect(textOf(await day10.say('P2'))).not.toMatch(/fines/);
    day10.close();
  });

  it('escalation needs explicit agreement, then records consent and flags the on-call engineer', async () => {
    now = day(0, 21, 15);
    const { customer, last } = await report('Operational', 'P3', 'Europe/Paris');
    expect(last).toMatch(/reply "I agree to pay for escalation"/);
    expect(textOf(await customer.say('yes'))).toMatch(/I need your explicit agreement/);
    const filed = textOf(await customer.say('I agree to pay for escalation'));
    customer.close();
    expect(filed).toMatch(/accepted paid escalation, so your report is flagged for the on-call engineer/);
    const conversation = await conversationOf(customer);
    expect(conversation.brief?.paidEscalationConsent).toEqual({
      at: now,
      text: 'I agree to pay for escalation',
    });
    expect(conversation.priority).toBe(2);
    expect(conversation.tags).toEqual(expect.arrayContaining(['paid-escalation', 'page-on-call']));
    expect(conversation.handoffReason).toMatch(/paid escalation accepted/);
  });

  it('declining escalation files the report for support hours, in the customer’s time too', async () => {
    now = day(0, 21, 15);
    const { customer } = await report('Operational', 'P3', 'Europe/Paris');
    const filed = textOf(await customer.say('No'));
    customer.close();
    expect(filed).toMatch(
      new RegExp(
        String.raw`Expect a reply from ${TUE}, 08:00 UTC \(${TUE}, 09:00 your time, Europe\/Paris\)`,
      ),
    );
    const conversation = await conversationOf(customer);
    expect(conversation.brief?.paidEscalationConsent).toBeUndefined();
    expect(conversation.priority).toBe(3);
  });

  it('a P5 is taken as a feature request', async () => {
    now = day(0, 10);
    const customer = await webCustomer(server.url);
    await customer.sayAll(['billing is broken', 'Operational']);
    const text = textOf(await customer.say('P5'));
    customer.close();
    expect(text).toMatch(/feature request \(P5\)/);
  });
});

describe('a critical problem in the customer’s own words, out of hours', () => {
  let server: TestApp;
  beforeAll(async () => {
    server = await startTestApp({ overrides: { clock: () => day(0, 3) } });
  });
  afterAll(async () => {
    await server.cleanup();
  });

  it('is promised the around-the-clock answer, never "from 08:00", when the customer asks for a person', async () => {
    const customer = await webCustomer(server.url);
    await customer.say('our entire company is down, not a single call goes through');
    const text = textOf(await customer.say('Human'));
    customer.close();
    expect(text).toMatch(/handled around the clock \(from what you described; the team will confirm/);
    expect(text).not.toMatch(/Expect a reply from/);
  });

  it('a plain request for a person at the same hour still hears the business hours', async () => {
    const customer = await webCustomer(server.url);
    const text = textOf(await customer.say('Human'));
    customer.close();
    expect(text).toMatch(/Expect a reply from .*08:00 UTC/);
  });
});
