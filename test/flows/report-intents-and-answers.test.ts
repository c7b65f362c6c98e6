import type { Attachment } from '../../src/model/message';
import { tinyPng } from '../e2e/tiny-png';
import { startTestApp, type TestApp } from '../support/start-app';
import { textOf, webCustomer } from './support/chat-driver';
import { problemKnowledge } from './support/problem-knowledge';

describe('which flow answers, and how the report checks what it is given', () => {
  let server: TestApp;
  let now = Date.UTC(2026, 5, 1, 12);
  beforeAll(async () => {
    server = await startTestApp({
      overrides: { knowledge: problemKnowledge(), clock: () => now },
    });
  });
  afterAll(async () => {
    await server.cleanup();
  });

  it.each([
    ['calls are failing', /Which category/],
    ['report a problem', /What is going wrong\?/],
    ['I want to report a problem', /What is going wrong\?/],
    ['How do I report a problem?', /What is going wrong\?/],
    ['no audio on outbound calls', /Did one of them solve your problem/],
    ["I can't log in to the portal", /Which category/],
    // The policy's first step for an outage: the status page, with the offer to report.
    ['is the platform down?', /status page[\s\S]*help you report it/],
    ['why are my calls dropping after 30 seconds', /Which category/],
    ['where do I find a call id?', /unique identifier[\s\S]*Logging section/],
    ['how do I configure a trunk?', /couldn't find an answer/],
    ['what does SIP 503 mean?', /couldn't find an answer/],
    ['hello', /I am the support bot/],
    ['Do you offer enhanced support?', /NOC-on-Demand/],
    ['I have three problems, can they go in one ticket?', /One problem per ticket/],
    ['What are your support hours?', /08:00-20:00 UTC/],
  ])('"%s"', async (text, expected) => {
    const customer = await webCustomer(server.url);
    const reply = textOf(await customer.say(text));
    customer.close();
    expect(reply).toMatch(expected);
  });

  it.each([
    ['skip', /When did it start/],
    ['yesterday afternoon', /does not look like a Call-ID[\s\S]*Logging section/],
    [
      Array.from({ length: 12 }, (_, i) => `a84b4c76e667${String(i).padStart(2, '0')}@10.0.0.1`).join('\n'),
      /That is 12 Call-IDs[\s\S]*up to 10/,
    ],
    ['2024-06-01 a84b4c76e66710@10.0.0.1', /Got 1 Call-ID\. I left out 2024-06-01/],
    ['3c2a7f9e-0b1d-4e5f-9a8b-1234567890ab, 5551234567890123', /Got 2 Call-IDs\./],
  ])('Call-IDs "%s"', async (text, expected) => {
    const customer = await webCustomer(server.url);
    await customer.sayAll(['my calls are failing', 'Operational']);
    expect(textOf(await customer.say('P3'))).toMatch(/Call-ID of one or more affected calls \(up to 10\)/);
    const reply = textOf(await customer.say(text));
    customer.close();
    expect(reply).toMatch(expected);
  });

  it('asks for a screenshot for an interface problem and keeps the uploaded file in the brief', async () => {
    const customer = await webCustomer(server.url);
    await customer.sayAll(['the dashboard shows a blank page', 'Operational']);
    expect(textOf(await customer.say('P4'))).toMatch(/screenshot/);
    expect(textOf(await customer.say('here it is'))).toMatch(/did not receive an image/);
    const uploaded = await fetch(`${server.url}/api/chat/uploads`, {
      method: 'POST',
      headers: { 'content-type': 'image/png', 'x-chat-token': customer.token, 'x-file-name': 'shot.png' },
      body: new Uint8Array(tinyPng()),
    });
    const { attachment } = (await uploaded.json()) as { attachment: Attachment };
    const next = textOf(await customer.say('', [attachment]));
    expect(next).toMatch(/When did it start/);
    const [conversation] = await server.app.store.listConversations({ limit: 1 });
    expect(conversation?.brief?.attachments).toEqual([attachment.url]);
    customer.close();
  });

  it('a how-to question with a problem in it gets the docs answer first, with a way to report it', async () => {
    const customer = await webCustomer(server.url);
    const replies = await customer.say('how do I fix one-way audio on my calls? they fail');
    expect(textOf(replies)).toContain('One-way audio is usually NAT');
    const offer = replies.at(-1)?.quickReplies?.[0];
    expect(offer).toEqual({
      label: 'Report this problem',
      value: 'Report this problem: how do I fix one-way audio on my calls? they fail',
    });
    expect(textOf(await customer.say(offer!.value))).toMatch(/Which category/);
    const [conversation] = await server.app.store.listConversations({ limit: 1 });
    expect(conversation?.brief?.description).toBe('how do I fix one-way audio on my calls? they fail');
    customer.close();
  });

  it('a problem described outright starts the report with the docs that may solve it', async () => {
    const customer = await webCustomer(server.url);
    expect(textOf(await customer.say('we have one-way audio on our calls since this morning'))).toMatch(
      /may already solve it[\s\S]*Reply "solved" or "not solved"/,
    );
    customer.close();
  });

  it('points to the status page first, even with no status API configured', async () => {
    const customer = await webCustomer(server.url);
    const reply = textOf(await customer.say('all our calls to Germany fail since noon'));
    customer.close();
    expect(reply).toMatch(
      /First step: known outages are posted on our status page, https:\/\/status\.connexcs\.com\//,
    );
  });

  it('a report left half-way for a day does not swallow the next question', async () => {
    const customer = await webCustomer(server.url);
    expect(textOf(await customer.say('my calls are failing'))).toMatch(/Which category/);
    now += 13 * 3600 * 1000;
    try {
      expect(textOf(await customer.say('where do I find a call id?'))).toMatch(/Logging section/);
    } finally {
      now -= 13 * 3600 * 1000;
      customer.close();
    }
  });

  it('a docs section that solves it ends the report without a ticket', async () => {
    const customer = await webCustomer(server.url);
    expect(textOf(await customer.say('we have one-way audio on all our calls'))).toMatch(
      /Reply "solved" or "not solved"/,
    );
    expect(textOf(await customer.say('Solved'))).toMatch(/glad the docs sorted it out/);
    expect(await server.app.store.listTickets()).toEqual([]);
    customer.close();
  });
});
