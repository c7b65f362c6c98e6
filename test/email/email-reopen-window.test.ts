import type { ConversationSummary } from '../../src/realtime/socket-events';
import { startImapServer, type ImapServer } from '../support/imap-server';
import { nextEvent, request } from '../support/start-app';
import { waitFor } from '../support/wait-for';
import { startEmailDesk, SUPPORT, type EmailDesk } from './email-desk';
import { composeMail, customerMessageId } from './mail-fixtures';

const CUSTOMER = 'lee@customer.example';
const DAY = 24 * 3600_000;
/** 1 June next year, noon UTC: ahead of the real time the console's session timers run on. */
const START = Date.UTC(new Date().getUTCFullYear() + 1, 5, 1, 12);

describe('an e-mail about a ticket closed longer ago than the reopen window', () => {
  let imap: ImapServer;
  let desk: EmailDesk;
  let now = START;
  beforeAll(async () => {
    imap = await startImapServer();
    desk = await startEmailDesk(imap, {}, { clock: () => now });
  });
  afterAll(async () => {
    await desk.close();
    await imap.stop();
  });

  it('opens a new ticket linked to the old one instead of reopening it', async () => {
    const store = desk.server.app.store;
    const firstId = customerMessageId();
    const queued = nextEvent<ConversationSummary>(desk.agent, 'handoffRequested');
    await desk.mailbox.deliver(
      await composeMail({
        from: CUSTOMER,
        to: SUPPORT,
        subject: 'Registrations fail on the EU node',
        messageId: firstId,
        text: 'Our PBX cannot register since this morning.',
      }),
    );
    const { id } = await queued;
    const ticketId = await waitFor(async () => (await store.getConversation(id))?.brief?.ticketId);
    await request(desk.agent, 'resolve', { conversationId: id, resolveTickets: true });
    await waitFor(async () => (await store.getTicket(ticketId))?.status === 'resolved');

    now += 11 * DAY;
    const sentBefore = desk.smtp.sentTo(CUSTOMER).length;
    await desk.mailbox.deliver(
      await composeMail({
        from: CUSTOMER,
        to: SUPPORT,
        subject: `Back again [${ticketId}]`,
        messageId: customerMessageId(),
        text: 'The registrations fail again.',
      }),
    );
    const linked = await waitFor(async () =>
      (await store.listTickets({ customerId: CUSTOMER })).find((t) => t.id !== ticketId),
    );
    expect(linked).toMatchObject({ linkedTicketId: ticketId, status: 'open' });
    expect(await store.getTicket(ticketId)).toMatchObject({ status: 'resolved', reopenedCount: 0 });
    const ack = await waitFor(() =>
      desk.smtp
        .sentTo(CUSTOMER)
        .slice(sentBefore)
        .find((m) => m.text?.includes(linked.id)),
    );
    expect(ack.text).not.toContain('reopened');
  });
});
