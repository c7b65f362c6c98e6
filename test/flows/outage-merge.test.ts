import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { statusPage } from '../support/fake-status-page';
import { nextEvent, startTestApp, type TestApp } from '../support/start-app';
import { waitFor } from '../support/wait-for';
import { textOf, webCustomer, type WebCustomer } from './support/chat-driver';

const HOUR = 3600_000;
/** 1 June next year, 10:00 UTC: inside support hours. */
const START = Date.UTC(new Date().getUTCFullYear() + 1, 5, 1, 10, 0);

const INCIDENT = {
  name: 'Calls failing in all regions',
  status: 'investigating',
  impact: 'critical',
  incident_updates: [{ body: 'We are looking into it.' }],
  components: [{ name: 'SIP Switch' }],
};

describe('outage reports queued before the outage was confirmed join it once the status page shows it', () => {
  let now = START;
  let server: TestApp;
  let page: Awaited<ReturnType<typeof statusPage>>;
  let dir: string;
  const customers: WebCustomer[] = [];

  beforeAll(async () => {
    page = await statusPage();
    page.summary = { status: { description: 'All Systems Operational' }, components: [], incidents: [] };
    // The status page is read again after a tenth of a second (real time), not after a minute.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outage-merge-'));
    const policyFile = path.join(dir, 'policy.json');
    fs.writeFileSync(policyFile, JSON.stringify({ statusPage: { cacheSeconds: 0.1 } }));
    server = await startTestApp({
      env: { STATUS_PAGE_URL: page.url, POLICY_FILE: policyFile },
      overrides: { clock: () => now, lifecycleSweepMs: 50 },
    });
  });
  afterAll(async () => {
    for (const customer of customers) customer.close();
    await server?.cleanup();
    await page?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Files a P0 report; gives its ticket id. */
  async function outageReport(words: string): Promise<{ customer: WebCustomer; ticketId: string }> {
    const customer = await webCustomer(server.url);
    customers.push(customer);
    await customer.sayAll([words, 'Platform']);
    const filed = textOf(await customer.say('P0'));
    const ticketId = /ticket (T-[2-9A-Z]{5})/.exec(filed)?.[1];
    if (!ticketId) throw new Error(`no ticket: ${filed}`);
    return { customer, ticketId };
  }

  it('merges the waiting ones within the dedupe window, tells their customers, and leaves older ones queued', async () => {
    // A P0 from long before (outside the policy's 12-hour window): not this outage.
    const old = await outageReport('everything is down, no calls at all');
    now += 13 * HOUR;
    const first = await outageReport('all our calls fail, the whole platform seems down');
    now += 5 * 60_000;
    const second = await outageReport('nothing connects for anyone, total outage');
    // Nothing confirmed yet: each is queued on its own, at the top.
    const queued = await server.app.store.listConversations({ modes: ['queued'] });
    expect(queued.map((c) => c.priority)).toEqual([0, 0, 0]);

    now += 60_000;
    const heard = nextEvent<{ text: string }>(
      second.customer.socket,
      'message',
      (m) => m.text.includes('confirmed a platform-wide outage'),
      10_000,
    );
    page.summary = {
      status: { description: 'Major System Outage' },
      components: [{ name: 'SIP Switch', status: 'major_outage' }],
      incidents: [INCIDENT],
    };
    const told = (await heard).text;

    // The earliest waiting report in the window became the incident's outage ticket...
    expect(await server.app.store.getTicket(first.ticketId)).toMatchObject({
      status: 'open',
      outage: { source: 'status-page', by: INCIDENT.name, confirmedAt: now },
    });
    // ...the other joined it: closed with a note, out of the queue, its customer told where to look.
    expect(told).toContain(
      `Update on your report ${second.ticketId}: the team has confirmed a platform-wide outage, tracked as ticket ${first.ticketId}`,
    );
    expect(told).toContain('status.connexcs.com');
    const merged = await waitFor(async () => {
      const t = await server.app.store.getTicket(second.ticketId);
      return t?.status === 'resolved' ? t : undefined;
    });
    expect(merged.closedAt).toBe(now);
    expect(merged.closeNote).toContain(`Merged into outage ticket ${first.ticketId}`);
    expect(merged.events?.at(-1)).toMatchObject({ event: 'merged' });
    const outage = await server.app.store.getTicket(first.ticketId);
    expect(outage?.brief.linkedReports).toEqual([
      expect.objectContaining({ conversationId: merged.conversationId }),
    ]);
    const secondConversation = await server.app.store.getConversation(merged.conversationId);
    expect(secondConversation).toMatchObject({ mode: 'resolved', brief: { ticketId: first.ticketId } });

    // The old report is another matter: still queued, its ticket untouched.
    expect(await server.app.store.getTicket(old.ticketId)).toMatchObject({ status: 'open' });
    expect((await server.app.store.listConversations({ modes: ['queued'] })).length).toBe(2);

    // Later sweeps change nothing more: merged once, told once.
    const transcript = await server.app.store.getMessages(merged.conversationId, 0, 500);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const after = await server.app.store.getMessages(merged.conversationId, 0, 500);
    expect(after.length).toBe(transcript.length);
  });
});
