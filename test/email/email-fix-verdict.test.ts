import type { ConversationSummary } from '../../src/realtime/socket-events';
import type { Ticket } from '../../src/model/ticket';
import { startImapServer, type ImapServer } from '../support/imap-server';
import { nextEvent, request } from '../support/start-app';
import { waitFor } from '../support/wait-for';
import { startEmailDesk, SUPPORT, type EmailDesk } from './email-desk';
import { composeMail, customerMessageId } from './mail-fixtures';

const CUSTOMER = 'rio@customer.example';
/** 1 June next year, noon UTC: ahead of the real time the console's session timers run on. */
const START = Date.UTC(new Date().getUTCFullYear() + 1, 5, 1, 12);

describe('an e-mail reply to a "fix proposed" ticket is read as works or still broken', () => {
  let imap: ImapServer;
  let desk: EmailDesk;
  beforeAll(async () => {
    imap = await startImapServer();
    desk = await startEmailDesk(imap, {}, { clock: () => START });
  });
  afterAll(async () => {
    await desk.close();
    await imap.stop();
  });

  const store = () => desk.server.app.store;

  /** The agent proposes a fix in the console; gives the e-mail that asks the customer to test it. */
  async function proposeFix(ticketId: string, note: string): Promise<string> {
    const before = desk.smtp.sentTo(CUSTOMER).length;
    const response = await fetch(`${desk.server.url}/console/api/tickets/${ticketId}/fix-proposed`, {
      method: 'POST',
      headers: { cookie: desk.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ note }),
    });
    expect(response.status).toBe(200);
    const asked = await waitFor(() =>
      desk.smtp
        .sentTo(CUSTOMER)
        .slice(before)
        .find((m) => m.text?.includes('does it work now?')),
    );
    expect(asked.text).toContain(note);
    return asked.messageId!;
  }

  /** The customer answers the question in the same thread. */
  async function reply(inReplyTo: string, ticketId: string, text: string): Promise<number> {
    const before = desk.smtp.sentTo(CUSTOMER).length;
    await desk.mailbox.deliver(
      await composeMail({
        from: CUSTOMER,
        to: SUPPORT,
        subject: `Re: Calls to Brazil fail [${ticketId}]`,
        messageId: customerMessageId(),
        inReplyTo,
        references: [inReplyTo],
        text,
      }),
    );
    return before;
  }

  const mailAfter = (before: number, words: string) =>
    waitFor(() =>
      desk.smtp
        .sentTo(CUSTOMER)
        .slice(before)
        .find((m) => m.text?.includes(words)),
    );

  it('still broken goes back to the agent with the history; works closes it with the confirmation', async () => {
    const queued = nextEvent<ConversationSummary>(desk.agent, 'handoffRequested');
    await desk.mailbox.deliver(
      await composeMail({
        from: CUSTOMER,
        to: SUPPORT,
        subject: 'Calls to Brazil fail',
        messageId: customerMessageId(),
        text: 'Since yesterday every call to Brazil mobiles ends with 503.',
      }),
    );
    const { id } = await queued;
    const ticketId = await waitFor(async () => (await store().getConversation(id))?.brief?.ticketId);
    expect((await request<{ ok: boolean }>(desk.agent, 'claim', { conversationId: id })).ok).toBe(true);

    // Still broken: the ticket reopens with the customer's words, the agent who proposed it has it again.
    let question = await proposeFix(ticketId, 'we moved Brazil to a new carrier');
    expect((await store().getTicket(ticketId))?.status).toBe('fix-proposed');
    let before = await reply(question, ticketId, 'No, it is still broken: the same 503 on every call.');
    const sorry = await mailAfter(before, 'Sorry it is still not right');
    expect(sorry.text).toContain(`reopened ticket ${ticketId}`);
    const reopened = await waitFor(async () => {
      const t = await store().getTicket(ticketId);
      return t?.status === 'reopened' ? t : undefined;
    });
    expect(reopened.events?.at(-1)).toMatchObject({
      event: 'fix-failed',
      note: expect.stringContaining('the same 503') as unknown,
    });
    expect(reopened.reopenedCount).toBe(1);
    await waitFor(async () => (await store().getConversation(id))?.mode === 'assigned');
    expect((await store().getConversation(id))?.assignedAgentName).toBe('Admin');

    // Works: the ticket closes with the customer's confirmation; no new ticket, no reopening.
    question = await proposeFix(ticketId, 'a second route through another carrier');
    before = await reply(
      question,
      ticketId,
      'I tested it this morning and the calls go through now. Thanks!',
    );
    const thanks = await mailAfter(before, 'Thank you for testing');
    expect(thanks.text).toContain(`Ticket ${ticketId} is now closed`);
    const closed = await waitFor(async () => {
      const t = await store().getTicket(ticketId);
      return t?.status === 'resolved' ? t : undefined;
    });
    expect(closed).toMatchObject({ closeNote: 'The customer confirmed the fix works', reopenedCount: 1 });
    expect(await store().listTickets({ customerId: CUSTOMER })).toHaveLength(1);
    expect((await store().getConversation(id))?.mode).toBe('resolved');
  });

  it('a reply that says neither goes to a person, the ticket still waiting for the verdict', async () => {
    const queued = nextEvent<ConversationSummary>(desk.agent, 'handoffRequested');
    await desk.mailbox.deliver(
      await composeMail({
        from: CUSTOMER,
        to: SUPPORT,
        subject: 'CDR export misses the carrier column',
        messageId: customerMessageId(),
        text: 'The nightly CDR export no longer has the carrier column.',
      }),
    );
    const { id } = await queued;
    const ticketId = await waitFor(async () => (await store().getConversation(id))?.brief?.ticketId);
    await request(desk.agent, 'claim', { conversationId: id });
    const question = await proposeFix(ticketId, 'the column is back in the template');
    const requeued = nextEvent<ConversationSummary>(desk.agent, 'handoffRequested', (c) => c.id === id);
    await reply(question, ticketId, 'Which template do you mean, the daily or the monthly one?');
    expect((await requeued).handoffReason).toMatch(/not read as "works" or "still broken"/);
    const ticket: Ticket | undefined = await store().getTicket(ticketId);
    expect(ticket?.status).toBe('fix-proposed');
  });
});
