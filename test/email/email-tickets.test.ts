import type { ConversationSummary } from '../../src/realtime/socket-events';
import type { Conversation } from '../../src/model/conversation';
import type { TranscriptMessage } from '../../src/model/message';
import { startImapServer, type ImapServer } from '../support/imap-server';
import { nextEvent, request } from '../support/start-app';
import { smallKnowledge } from '../support/small-knowledge';
import { waitFor } from '../support/wait-for';
import { startEmailDesk, SUPPORT, type EmailDesk } from './email-desk';
import { composeMail, customerMessageId } from './mail-fixtures';

const CUSTOMER = 'dana@customer.example';

describe('e-mail tickets through a real IMAP mailbox (dovecot) and a real SMTP receiver', () => {
  let imap: ImapServer;
  let desk: EmailDesk;

  beforeAll(async () => {
    imap = await startImapServer();
  });
  afterAll(async () => {
    await imap.stop();
  });
  beforeEach(async () => {
    desk = await startEmailDesk(imap);
  });
  afterEach(async () => {
    await desk.close();
  });

  const store = () => desk.server.app.store;
  const conversationOf = (key: string) => waitFor(() => store().findConversation('email', key));
  const transcript = (conversation: Conversation) => store().getMessages(conversation.id);
  const customerMessages = async (conversation: Conversation): Promise<TranscriptMessage[]> =>
    (await transcript(conversation)).filter((m) => m.author === 'customer');
  const mailsTo = (after: number) => waitFor(() => desk.smtp.sentTo(CUSTOMER)[after]);

  it('turns an e-mail into a ticket, threads the agent reply, joins the customer reply and reopens on a late reply', async () => {
    const firstId = customerMessageId();
    const queued = nextEvent<ConversationSummary>(desk.agent, 'handoffRequested');
    await desk.mailbox.deliver(
      await composeMail({
        from: `Dana Ruiz <${CUSTOMER}>`,
        to: SUPPORT,
        subject: 'Calls drop after 30 seconds',
        messageId: firstId,
        text: 'Since this morning every outbound call drops after 30 seconds.\n\n-- \nDana Ruiz\nACME Telecom',
      }),
    );
    const summary = await queued;
    expect(summary).toMatchObject({ channel: 'email', mode: 'queued' });
    const conversation = await conversationOf(firstId);
    expect(conversation.profile).toMatchObject({ email: CUSTOMER, displayName: 'Dana Ruiz' });
    const [first] = await customerMessages(conversation);
    expect(first?.text).toBe(
      'Subject: Calls drop after 30 seconds\n\nSince this morning every outbound call drops after 30 seconds.',
    );

    // One acknowledgement, threaded, with the ticket id and the hours, marked as automatic.
    const ack = await mailsTo(0);
    const ticketId = (await waitFor(() => store().getConversation(conversation.id))).brief?.ticketId;
    expect(ticketId).toMatch(/^T-[2-9A-HJKMNP-Z]{5}$/);
    expect(ack.subject).toBe(`Re: Calls drop after 30 seconds [${ticketId}]`);
    expect(ack.inReplyTo).toBe(firstId);
    expect(ack.headers.get('auto-submitted')).toBe('auto-replied');
    expect(ack.text).toContain(`ticket ${ticketId}`);
    expect(ack.text).toMatch(/support hours|around the clock/);
    expect(ack.from?.value[0]?.address).toBe(SUPPORT);
    expect((await store().getTicket(ticketId!))?.status).toBe('open');
    await waitFor(async () => (await desk.mailbox.unseen()) === 0);

    // The agent claims and answers: the mail continues the customer's thread. The "joined" notice
    // stays in the transcript but is not mailed: the first mail after the acknowledgement is the
    // agent's own reply, in their name.
    const before = desk.smtp.sentTo(CUSTOMER).length;
    await request(desk.agent, 'claim', { conversationId: conversation.id });
    const joinedNotice = (await transcript(conversation)).find((m) => m.notice === 'joined');
    expect(joinedNotice?.text).toMatch(/has joined the conversation/);
    expect(joinedNotice?.delivery?.status).toBe('skipped');
    await request(desk.agent, 'reply', {
      conversationId: conversation.id,
      text: 'Which Call-ID shows the drop?',
      clientId: 'r1',
    });
    const reply = await waitFor(() => desk.smtp.sentTo(CUSTOMER)[before]);
    expect(reply.text).toBe('Which Call-ID shows the drop?\n');
    expect(reply.subject).toBe(`Re: Calls drop after 30 seconds [${ticketId}]`);
    expect(reply.inReplyTo).toBe(firstId);
    expect(reply.references).toContain(firstId);
    expect(reply.messageId).toMatch(/^<handoff\.c_[\w-]+\.\d+@desk\.example>$/);
    expect(reply.headers.get('auto-submitted')).toBeUndefined();
    expect(reply.from?.value[0]?.name).toMatch(/^\S.* \(Support\)$/);

    // The customer answers from their client, quoting us: the quote is not stored, no robot answers.
    const sentBefore = desk.smtp.sentTo(CUSTOMER).length;
    const answerId = customerMessageId();
    await desk.mailbox.deliver(
      await composeMail({
        from: CUSTOMER,
        to: SUPPORT,
        subject: reply.subject,
        messageId: answerId,
        inReplyTo: reply.messageId,
        references: [firstId, reply.messageId!],
        text: `It is 8f2a9c41e7b3d5f6@10.0.0.5\n\nOn Mon, 30 Nov 2026 at 10:00, Support <${SUPPORT}> wrote:\n> Which Call-ID shows the drop?\n`,
      }),
    );
    const joined = await waitFor(async () =>
      (await customerMessages(conversation)).find((m) => m.externalId === answerId),
    );
    expect(joined.text).toBe('It is 8f2a9c41e7b3d5f6@10.0.0.5');

    // Resolved, then a new mail quoting only the ticket id reopens the same ticket. The resolution
    // is the next mail out: nothing answered the customer's reply in between.
    await request(desk.agent, 'resolve', { conversationId: conversation.id, resolveTickets: true });
    await waitFor(async () => (await store().getTicket(ticketId!))?.status === 'resolved');
    const resolvedMail = await waitFor(() => desk.smtp.sentTo(CUSTOMER)[sentBefore]);
    expect(resolvedMail.text).toBe(
      `We have marked ticket ${ticketId} as resolved. If the problem comes back, reply to this e-mail and the ticket reopens.\n`,
    );
    const requeued = nextEvent<ConversationSummary>(desk.agent, 'handoffRequested');
    const lateCount = desk.smtp.sentTo(CUSTOMER).length;
    await desk.mailbox.deliver(
      await composeMail({
        from: CUSTOMER,
        to: SUPPORT,
        subject: `Still broken [${ticketId}]`,
        messageId: customerMessageId(),
        text: 'The drops are back since 14:00.',
      }),
    );
    expect((await requeued).id).toBe(conversation.id);
    expect((await store().getTicket(ticketId!))?.status).toBe('reopened');
    const reopened = await waitFor(() =>
      desk.smtp
        .sentTo(CUSTOMER)
        .slice(lateCount)
        .find((m) => m.text?.includes('reopened')),
    );
    expect(reopened.subject).toBe(`Re: Calls drop after 30 seconds [${ticketId}]`);
  });

  it('a reply that arrives while an agent has the ticket stays in the transcript though the agent resolves it the same moment', async () => {
    const firstId = customerMessageId();
    const queued = nextEvent<ConversationSummary>(desk.agent, 'handoffRequested');
    await desk.mailbox.deliver(
      await composeMail({
        from: CUSTOMER,
        to: SUPPORT,
        subject: 'No audio',
        messageId: firstId,
        text: 'One-way audio on every call.',
      }),
    );
    const { id } = await queued;
    await request(desk.agent, 'claim', { conversationId: id });
    const ticketId = (await store().getConversation(id))?.brief?.ticketId;
    const admin = (await store().getAgentByUsername('admin'))!;
    const app = desk.server.app;
    // The agent resolves as soon as the reply is stored, before the e-mail step has decided what
    // the reply means: it was written to the agent, so it must not reopen the ticket.
    const replyId = customerMessageId();
    app.engine.events.on('message', ({ message }) => {
      if (message.externalId === replyId) void app.engine.handoff.resolve(id, admin);
    });
    await desk.mailbox.deliver(
      await composeMail({
        from: CUSTOMER,
        to: SUPPORT,
        subject: 'Re: No audio',
        messageId: replyId,
        inReplyTo: firstId,
        references: [firstId],
        text: 'Thanks, that fixed it.',
      }),
    );
    await waitFor(async () => (await desk.mailbox.unseen()) === 0);
    await waitFor(async () => (await store().getMessages(id)).some((m) => m.notice === 'resolved'));
    expect((await store().getConversation(id))?.mode).toBe('resolved');
    expect((await store().getTicket(ticketId!))?.status).not.toBe('reopened');
    const texts = (await store().getMessages(id)).map((m) => m.text);
    expect(texts.filter((t) => t.startsWith('Handoff requested'))).toHaveLength(1);
  });

  it('the same mail seen again after the ticket was resolved (a lost \\Seen flag, a retry) changes nothing', async () => {
    const firstId = customerMessageId();
    const mail = await composeMail({
      from: CUSTOMER,
      to: SUPPORT,
      subject: 'Fax to email broken',
      messageId: firstId,
      text: 'Faxes no longer arrive as e-mails.',
    });
    const queued = nextEvent<ConversationSummary>(desk.agent, 'handoffRequested');
    await desk.mailbox.deliver(mail);
    const { id } = await queued;
    await request(desk.agent, 'claim', { conversationId: id });
    await request(desk.agent, 'resolve', { conversationId: id, resolveTickets: true });
    const ticketId = (await store().getConversation(id))?.brief?.ticketId;
    await waitFor(async () => (await store().getTicket(ticketId!))?.status === 'resolved');
    await desk.mailbox.deliver(mail);
    await waitFor(async () => (await desk.mailbox.unseen()) === 0);
    expect((await store().getConversation(id))?.mode).toBe('resolved');
    expect((await store().getTicket(ticketId!))?.status).toBe('resolved');
    const texts = (await store().getMessages(id)).map((m) => m.text);
    expect(texts.filter((t) => t.startsWith('Handoff requested'))).toHaveLength(1);
  });

  it('out of hours, the acknowledgement gives the honest wait, offers paid escalation, and names docs that answer', async () => {
    await desk.close();
    // Monday 30 November 2026, 02:00 UTC: outside the support hours.
    desk = await startEmailDesk(
      imap,
      {},
      { knowledge: smallKnowledge(), clock: () => Date.UTC(2026, 10, 30, 2, 0) },
    );
    await desk.mailbox.deliver(
      await composeMail({
        from: CUSTOMER,
        to: SUPPORT,
        subject: 'Where is the Call-ID?',
        messageId: customerMessageId(),
        text: 'I cannot find the call id of a failed call in the portal.',
      }),
    );
    const ack = await waitFor(() => desk.smtp.sentTo(CUSTOMER)[0]);
    expect(ack.text).toMatch(/Our support hours are \S+ UTC and it is now .*expect a reply from/s);
    expect(ack.text).toMatch(
      /paid escalation out of hours is available at \$150 per hour \(minimum 1 hour\)/,
    );
    expect(ack.text).toContain(
      'Call-ID › Find a Call-ID: https://docs.example.com/guides/callid/#find-a-call-id',
    );

    // As the acknowledgement invites, a reply naming a severity raises the ticket, quietly.
    const first = await waitFor(() => desk.server.app.store.findConversation('email', ack.inReplyTo!));
    await desk.mailbox.deliver(
      await composeMail({
        from: CUSTOMER,
        to: SUPPORT,
        subject: ack.subject,
        messageId: customerMessageId(),
        inReplyTo: ack.messageId,
        references: [ack.inReplyTo!, ack.messageId!],
        text: 'Sorry, this is P1: no call connects at all.',
      }),
    );
    const raised = await waitFor(async () => {
      const now = await desk.server.app.store.getConversation(first.id);
      return now?.brief?.severity === 'P1' ? now : undefined;
    });
    expect(raised.priority).toBe(1);
    expect((await desk.server.app.store.getTicket(raised.brief!.ticketId!))?.brief.severity).toBe('P1');
    expect(desk.smtp.sentTo(CUSTOMER)).toHaveLength(1);

    const critical = customerMessageId();
    await desk.mailbox.deliver(
      await composeMail({
        from: 'noc@carrier.example',
        to: SUPPORT,
        subject: 'P1: calls failing to all destinations',
        messageId: critical,
        text: 'All our calls fail with 503 since 01:40.',
      }),
    );
    const urgent = await waitFor(() => desk.smtp.sentTo('noc@carrier.example')[0]);
    expect(urgent.text).toContain('P1 platform issues are handled around the clock');
    expect(urgent.text).not.toContain('paid escalation');
    expect(urgent.text).not.toContain('documentation');
    const conversation = await waitFor(() => desk.server.app.store.findConversation('email', critical));
    const brief = await waitFor(
      async () => (await desk.server.app.store.getConversation(conversation.id))?.brief,
    );
    expect(brief).toMatchObject({ severity: 'P1', category: 'platform' });
  });
});
