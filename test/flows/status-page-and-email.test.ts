import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { statusPage } from '../support/fake-status-page';
import { startTestApp, type TestApp } from '../support/start-app';
import { waitFor } from '../support/wait-for';
import { textOf, webCustomer } from './support/chat-driver';

const OPERATIONAL = {
  status: { description: 'All Systems Operational' },
  components: [{ name: 'SIP Switch UK', status: 'operational' }],
  incidents: [],
};
const INCIDENT = {
  status: { description: 'Partial System Outage' },
  components: [
    { name: 'SIP Switch UK', status: 'partial_outage' },
    { name: 'Control Panel', status: 'operational' },
  ],
  incidents: [
    {
      name: 'Calls failing on the UK switch',
      status: 'identified',
      impact: 'major',
      shortlink: 'https://stspg.io/abc123',
      incident_updates: [{ body: 'We have identified a faulty media server and are replacing it.' }],
      components: [{ name: 'SIP Switch UK' }],
    },
  ],
};

describe('step 1 of a report: the status page', () => {
  let page: Awaited<ReturnType<typeof statusPage>>;
  let server: TestApp;
  afterEach(async () => {
    await server.cleanup();
    await page.close();
  });

  async function start(summary: unknown, url?: string): Promise<void> {
    page = await statusPage();
    page.summary = summary;
    server = await startTestApp({ env: { STATUS_PAGE_URL: url ?? page.url } });
  }

  it.each([
    [
      'an incident that matches: the team already knows, updates are offered instead of a report',
      INCIDENT,
      'my calls are failing on the UK switch',
      /known incident our team is already working on: "Calls failing on the UK switch" \(identified\)\. Latest update: We have identified a faulty media server[\s\S]*https:\/\/stspg\.io\/abc123/,
    ],
    [
      'an incident about something else: mentioned, and the report goes on',
      { ...INCIDENT, incidents: [{ ...INCIDENT.incidents[0], name: 'Delayed invoices', components: [] }] },
      'the login page is blank',
      /status page currently shows: "Delayed invoices" \(identified\); SIP Switch UK is partial outage[\s\S]*Which category/,
    ],
    ['no incident: straight on to the report', OPERATIONAL, 'my calls are failing', /Which category/],
  ])('%s', async (_case, summary, text, expected) => {
    await start(summary);
    const customer = await webCustomer(server.url);
    const reply = textOf(await customer.say(text));
    expect(reply).toMatch(expected);
    customer.close();
  });

  it('a customer who follows the incident leaves without a ticket; "different" carries on', async () => {
    await start(INCIDENT);
    const follower = await webCustomer(server.url);
    await follower.say('calls failing on the UK switch');
    expect(textOf(await follower.say('I will follow the updates'))).toMatch(
      /follow https:\/\/status\.connexcs\.com/,
    );
    const other = await webCustomer(server.url);
    await other.say('calls failing on the UK switch');
    expect(textOf(await other.say('My problem is different'))).toMatch(/Which category/);
    expect(await server.app.store.listTickets()).toEqual([]);
    expect(page.requests).toBe(1);
    follower.close();
    other.close();
  });

  it('an unreachable status page does not stop the report', async () => {
    await start(OPERATIONAL, 'http://127.0.0.1:9/');
    const customer = await webCustomer(server.url);
    expect(textOf(await customer.say('my calls are failing'))).toMatch(/Which category/);
    customer.close();
  });
});

describe('step 4 of a report: the ticket email', () => {
  it('emails every new ticket to the support address over SMTP', async () => {
    const received: { from?: string; to: string[]; data: string }[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
        stream.on('end', () => {
          const from = session.envelope.mailFrom;
          received.push({
            ...(from && { from: from.address }),
            to: session.envelope.rcptTo.map((r) => r.address),
            data,
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    const server = await startTestApp({
      env: { SMTP_URL: `smtp://127.0.0.1:${port}`, SUPPORT_EMAIL: 'support@example.com' },
      overrides: { clock: () => Date.UTC(2026, 5, 1, 12) },
    });
    try {
      const customer = await webCustomer(server.url);
      await customer.sayAll(['my calls are failing', 'Platform', 'P2', 'a84b4c76e66710@10.0.0.1', 'at noon']);
      await customer.sayAll(['rebooted', 'every call gets 480']);
      const filed = textOf(await customer.say('no idea'));
      const ticketId = filed.match(/ticket (T-\w{5})/)![1]!;
      customer.close();
      const [mail] = await waitFor(() => (received.length ? received : undefined));
      expect(mail).toMatchObject({ from: 'support@example.com', to: ['support@example.com'] });
      expect(mail!.data).toContain(`Subject: [${ticketId}] my calls are failing (platform P2)`);
      expect(mail!.data).toContain('Call-IDs: a84b4c76e66710@10.0.0.1');
      expect(mail!.data).toContain('Observed: every call gets 480');
    } finally {
      await server.cleanup();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  });
});
