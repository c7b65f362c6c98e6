import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestApp, type TestApp } from '../support/start-app';
import { textOf, webCustomer } from './support/chat-driver';

/** Another team's policy: every answer must come from it, none from the published defaults. */
const POLICY = {
  teamName: 'Example Telecom',
  businessHours: {
    timeZone: 'Europe/Berlin',
    days: ['mon', 'tue', 'wed', 'thu', 'fri'],
    open: '09:00',
    close: '17:00',
  },
  phoneHours: { timeZone: 'UTC', open: '07:00', close: '15:00' },
  aroundTheClock: [{ category: 'platform', severities: ['P0', 'P1'] }],
  paidEscalation: { severities: ['P2', 'P3'], pricePerHour: 200, currency: 'EUR', minimumHours: 2 },
  contacts: {
    email: 'help@example.net',
    phone: '+49 30 1234567',
    sms: [{ label: 'DE', number: '+49 151 000000' }],
    telegram: { url: 'https://t.me/example_help_bot', handle: '@example_help_bot' },
  },
  statusPage: { url: 'https://status.example.net/' },
  misreporting: 'Calling everything critical at night gets your account reviewed.',
  escalationLines: [
    { name: 'Tier A', who: 'the duty desk' },
    { name: 'Tier B', who: 'the switching specialists' },
    { name: 'Tier C', who: 'the core programmers' },
  ],
  nocAsAService: {
    description: 'Rent-a-NOC: one of our switching specialists on your team for a monthly fee.',
  },
  ticketLifecycle: {
    reopenWindowDays: 7,
    confirmFixHours: 48,
    steps: ['triage by the duty desk', 'reproduce in the lab', 'patch', 'customer sign-off', 'archive'],
  },
};

/** Saturday 6 June 2026, 12:00 UTC: outside Example Telecom's weekday hours. */
const SATURDAY_NOON = Date.UTC(2026, 5, 6, 12, 0);

describe('the policy answers questions about itself, from the policy file', () => {
  let server: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-answers-'));
    const file = path.join(dir, 'policy.json');
    fs.writeFileSync(file, JSON.stringify(POLICY));
    server = await startTestApp({ env: { POLICY_FILE: file }, overrides: { clock: () => SATURDAY_NOON } });
  });
  afterAll(async () => {
    await server.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    [
      'when is your support team available?',
      /09:00-17:00 Europe\/Berlin[\s\S]*closed right now[\s\S]*opens again at[\s\S]*Mon/,
    ],
    [
      'what is your phone number, and when can I call it?',
      /\+49 30 1234567[\s\S]*07:00-15:00 UTC[\s\S]*staffed right now/,
    ],
    ['what does it cost to get help at night for a P3?', /P2 or P3[\s\S]*€200 per hour \(minimum 2 hours\)/],
    ['do you have a number I can text?', /\+49 151 000000 \(DE\)/],
    ['is there a telegram bot?', /@example_help_bot/],
    ['what email do I write to?', /help@example\.net/],
    ['is anyone there overnight if the whole platform breaks?', /platform P0\/P1[\s\S]*24\/7/],
    ['where can I see if you have an outage?', /status\.example\.net/],
    // The levels, and what to do now if one of the critical ones is happening.
    [
      'what are the severity levels?',
      /P0[\s\S]*P5[\s\S]*status page first \(https:\/\/status\.example\.net\/\)/,
    ],
    ['what happens if I wrongly mark an issue as critical?', /account reviewed/],
    [
      'who gets my case when the first people you have cannot sort it out?',
      /Tier A: the duty desk[\s\S]*Tier B: the switching specialists[\s\S]*Tier C: the core programmers[\s\S]*feature requests \(P5\)[\s\S]*project cost[\s\S]*Rent-a-NOC/,
    ],
    [
      'what does my ticket go through before you close it?',
      /1\. Triage by the duty desk\n2\. Reproduce in the lab\n3\. Patch\n4\. Customer sign-off\n5\. Archive[\s\S]*within 48 hours[\s\S]*within 7 days/,
    ],
    [
      'the fault is back two days after you fixed it, new ticket or the old one?',
      /within 7 days of closing[\s\S]*same ticket is reopened/,
    ],
    ['could you rent us an engineer to run our NOC?', /Rent-a-NOC/],
  ])('"%s"', async (question, expected) => {
    const customer = await webCustomer(server.url);
    const reply = textOf(await customer.say(question));
    customer.close();
    expect(reply).toMatch(expected);
    expect(reply).not.toMatch(/08:00-20:00|connexcs|\$150/i);
  });

  it('answers several policy questions in one message together', async () => {
    const customer = await webCustomer(server.url);
    const reply = textOf(await customer.say('two things: your opening hours, and your telegram handle?'));
    customer.close();
    expect(reply).toMatch(/09:00-17:00[\s\S]*@example_help_bot|@example_help_bot[\s\S]*09:00-17:00/);
  });
});
