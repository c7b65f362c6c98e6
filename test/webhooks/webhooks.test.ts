import { verifyWebhookSignature, SIGNATURE_HEADER } from '../../src/webhooks/webhook-signature';
import type { WebhookEvent } from '../../src/webhooks/webhook-event';
import type { Ticket } from '../../src/model/ticket';
import { signIn, startTestApp, request, type TestApp } from '../support/start-app';
import { webCustomerWaiting } from '../support/web-handoff';
import { waitFor } from '../support/wait-for';
import { startWebhookReceiver, type ReceivedWebhook } from '../support/webhook-receiver';

const SECRET = 'whsec-test-0123456789abcdef';

const eventOf = (hit: ReceivedWebhook) => JSON.parse(hit.body) as WebhookEvent;
const delivered = (received: ReceivedWebhook[], type: string) =>
  received.filter((hit) => hit.status === 200 && eventOf(hit).type === type);

describe('outgoing webhooks', () => {
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let started: TestApp | undefined;
  const env = () => ({
    WEBHOOK_URLS: receiver.url,
    WEBHOOK_SECRET: SECRET,
    WEBHOOK_RETRY_BASE_MS: '100',
  });

  beforeEach(async () => {
    receiver = await startWebhookReceiver();
  });
  afterEach(async () => {
    await started?.cleanup();
    started = undefined;
    await receiver.close();
  });

  it('signs each event so the receiver can verify it, and a changed body or another key fails', async () => {
    started = await startTestApp({ env: env() });
    const { customer, agent, id } = await webCustomerWaiting(started.url);
    const [hit] = await waitFor(() => {
      const found = delivered(receiver.received, 'handoff.requested');
      return found.length ? found : undefined;
    });
    const header = hit!.headers[SIGNATURE_HEADER] as string;
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(SECRET, hit!.body, header)).toBe(true);
    expect(verifyWebhookSignature(SECRET, hit!.body.replace('queued', 'bot'), header)).toBe(false);
    expect(verifyWebhookSignature('another-secret-0123456789', hit!.body, header)).toBe(false);
    // An old signature is refused: a captured request cannot be replayed later.
    expect(verifyWebhookSignature(SECRET, hit!.body, header, Math.floor(Date.now() / 1000) + 3600)).toBe(
      false,
    );

    const event = eventOf(hit!);
    expect(hit!.headers['handoff-event-id']).toBe(event.id);
    expect(event).toMatchObject({
      type: 'handoff.requested',
      data: { conversation: { id, channel: 'web', mode: 'queued' }, transition: { event: 'request' } },
    });

    // The agent takes it, then resolves it: one event each.
    expect(await request<{ ok: boolean }>(agent, 'claim', { conversationId: id })).toMatchObject({
      ok: true,
    });
    await waitFor(() => delivered(receiver.received, 'conversation.assigned')[0]);
    expect(await request<{ ok: boolean }>(agent, 'resolve', { conversationId: id })).toMatchObject({
      ok: true,
    });
    const resolved = await waitFor(() => delivered(receiver.received, 'conversation.resolved')[0]);
    expect(eventOf(resolved).data).toMatchObject({ conversation: { id, mode: 'resolved' } });
    customer.disconnect();
    agent.disconnect();
  });

  it('announces tickets created and updated, whoever saves them', async () => {
    started = await startTestApp({ env: env() });
    const now = Date.now();
    const ticket: Ticket = {
      id: 'T-WEB42',
      conversationId: 'c-1',
      channel: 'web',
      customerId: 'w-1',
      status: 'open',
      title: 'Calls to Spain fail',
      brief: { description: 'Calls to Spain fail since noon' },
      createdAt: now,
      updatedAt: now,
      reopenedCount: 0,
    };
    await started.app.store.saveTicket(ticket);
    const created = await waitFor(() => delivered(receiver.received, 'ticket.created')[0]);
    expect(eventOf(created).data).toMatchObject({ ticket: { id: 'T-WEB42', status: 'open' } });
    await started.app.store.saveTicket({ ...ticket, status: 'resolved', updatedAt: now + 1000 });
    const updated = await waitFor(() => delivered(receiver.received, 'ticket.updated')[0]);
    expect(eventOf(updated).data).toMatchObject({ ticket: { status: 'resolved' }, previousStatus: 'open' });
  });

  it('retries after a 500 with the same event and body, and logs each attempt for admins', async () => {
    started = await startTestApp({ env: env() });
    let failures = 1;
    receiver.answer(() => (failures-- > 0 ? 500 : 200));
    const { customer, agent } = await webCustomerWaiting(started.url);
    await waitFor(() => delivered(receiver.received, 'handoff.requested')[0]);
    const [first, second] = receiver.received;
    expect(first!.status).toBe(500);
    expect(second!.status).toBe(200);
    expect(second!.body).toBe(first!.body);
    expect(first!.headers['handoff-delivery-attempt']).toBe('1');
    expect(second!.headers['handoff-delivery-attempt']).toBe('2');
    expect(verifyWebhookSignature(SECRET, second!.body, second!.headers[SIGNATURE_HEADER] as string)).toBe(
      true,
    );

    const cookie = await signIn(started.url);
    const log = await waitFor(async () => {
      const response = await fetch(`${started!.url}/console/api/webhooks/deliveries`, {
        headers: { cookie },
      });
      const body = (await response.json()) as {
        deliveries: { outcome: string; status?: number; attempt: number }[];
      };
      return body.deliveries.length >= 2 ? body : undefined;
    });
    expect(log.deliveries.slice(0, 2)).toMatchObject([
      { outcome: 'delivered', status: 200, attempt: 2, type: 'handoff.requested' },
      { outcome: 'retrying', status: 500, attempt: 1, type: 'handoff.requested' },
    ]);
    const metrics = await (await fetch(`${started.url}/metrics`)).text();
    expect(metrics).toContain(
      'handoff_webhook_deliveries_total{outcome="retrying",type="handoff.requested"} 1',
    );
    expect(metrics).toContain(
      'handoff_webhook_deliveries_total{outcome="delivered",type="handoff.requested"} 1',
    );
    customer.disconnect();
    agent.disconnect();
  });

  it('shows the delivery log to admins only', async () => {
    started = await startTestApp({ env: env() });
    const anonymous = await fetch(`${started.url}/console/api/webhooks/deliveries`);
    expect(anonymous.status).toBe(401);
    await started.app.directory.add({ username: 'sam', password: 'sam-password-1', displayName: 'Sam' });
    const agentCookie = await signIn(started.url, 'sam', 'sam-password-1');
    const agent = await fetch(`${started.url}/console/api/webhooks/deliveries`, {
      headers: { cookie: agentCookie },
    });
    expect(agent.status).toBe(403);
  });

  it('delivers what was pending at a restart once after it, and never sends a delivered event again', async () => {
    started = await startTestApp({ env: env() });
    const { customer, agent, id } = await webCustomerWaiting(started.url);
    await waitFor(() => delivered(receiver.received, 'handoff.requested')[0]);
    // The receiver goes down; the claim's event waits in the outbox while the server stops.
    receiver.answer(() => 503);
    expect(await request<{ ok: boolean }>(agent, 'claim', { conversationId: id })).toMatchObject({
      ok: true,
    });
    await waitFor(() => receiver.received.find((hit) => hit.status === 503));
    customer.disconnect();
    agent.disconnect();
    await started.stop();

    receiver.answer(() => 200);
    const dataDir = started.dataDir;
    started = await startTestApp({ env: env(), dataDir });
    await waitFor(() => delivered(receiver.received, 'conversation.assigned')[0], 10_000);
    // The outbox empties once the receiver's answer is in; a flush then finds nothing left to send.
    const webhooks = started.app.webhooks!;
    await waitFor(async () => (await webhooks.pending()) === 0);
    expect(await webhooks.flush()).toBe(0);
    const ids = receiver.received.filter((hit) => hit.status === 200).map((hit) => eventOf(hit).id);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
    // Queuing the same change again (a replayed engine event) sends nothing new.
    const requested = eventOf(delivered(receiver.received, 'handoff.requested')[0]!);
    await webhooks.dispatch(requested);
    expect(receiver.received.filter((hit) => eventOf(hit).id === requested.id)).toHaveLength(1);
  });

  it('refuses to start with endpoints but no signing key, in one line', async () => {
    await expect(startTestApp({ env: { WEBHOOK_URLS: receiver.url } })).rejects.toThrow(
      /WEBHOOK_SECRET: must be set when WEBHOOK_URLS is/,
    );
  });
});
