import type { ConversationSummary } from '../../src/realtime/socket-events';
import { startImapServer, type ImapServer } from '../support/imap-server';
import { nextEvent, request } from '../support/start-app';
import { waitFor } from '../support/wait-for';
import { startEmailDesk, SUPPORT, type EmailDesk } from './email-desk';
import { composeMail, customerMessageId } from './mail-fixtures';

const MADRID = 'lucia@operador.example';
const MONTERREY = 'carlos@carrier.example';
const LONDON = 'sam@carrier.example';
const BERLIN = 'jan@carrier.example';

describe('e-mail in the language the mail declares, through a real IMAP mailbox and SMTP receiver', () => {
  let imap: ImapServer;
  let desk: EmailDesk;

  beforeAll(async () => {
    imap = await startImapServer();
    desk = await startEmailDesk(imap);
  });
  afterAll(async () => {
    await desk.close();
    await imap.stop();
  });

  const store = () => desk.server.app.store;
  const ticketOf = (messageId: string) =>
    waitFor(async () => {
      const conversation = await store().findConversation('email', messageId);
      const ticketId = conversation && (await store().getConversation(conversation.id))?.brief?.ticketId;
      return conversation && ticketId ? { conversation, ticketId } : undefined;
    });

  it('a Spanish mail (Content-Language) gets its acknowledgement, resolution and reopening in Spanish', async () => {
    const firstId = customerMessageId();
    const queued = nextEvent<ConversationSummary>(desk.agent, 'handoffRequested');
    await desk.mailbox.deliver(
      await composeMail({
        from: `Lucía Gómez <${MADRID}>`,
        to: SUPPORT,
        subject: 'Las llamadas se cortan',
        messageId: firstId,
        headers: { 'Content-Language': 'es-ES' },
        text: 'Desde esta mañana todas las llamadas salientes se cortan a los 30 segundos.',
      }),
    );
    const { id } = await queued;
    const { conversation, ticketId } = await ticketOf(firstId);
    expect(conversation.profile).toMatchObject({ email: MADRID, locale: 'es-ES' });

    const ack = await waitFor(() => desk.smtp.sentTo(MADRID)[0]);
    expect(ack.subject).toBe(`Re: Las llamadas se cortan [${ticketId}]`);
    expect(ack.text).toContain(
      `Gracias por contactar con soporte. Hemos abierto el ticket ${ticketId} para su correo.`,
    );
    expect(ack.text).toContain(`Mantenga [${ticketId}] en el asunto`);
    expect(ack.text).toMatch(/horario de soporte|a cualquier hora/);
    expect(ack.text).not.toMatch(/Thank you|support hours|ticket .* for your e-mail/);

    await request(desk.agent, 'resolve', { conversationId: id, resolveTickets: true });
    await waitFor(async () => (await store().getTicket(ticketId))?.status === 'resolved');
    const resolved = await waitFor(() => desk.smtp.sentTo(MADRID)[1]);
    expect(resolved.text).toBe(
      `Hemos marcado el ticket ${ticketId} como resuelto. Si el problema vuelve, responda a este correo y el ticket se reabrirá.\n`,
    );

    // The reply carries no language header of its own: the thread keeps the first mail's language.
    await desk.mailbox.deliver(
      await composeMail({
        from: MADRID,
        to: SUPPORT,
        subject: `Re: Las llamadas se cortan [${ticketId}]`,
        messageId: customerMessageId(),
        inReplyTo: ack.messageId,
        references: [firstId, ack.messageId!],
        text: 'Vuelve a pasar desde las 14:00.',
      }),
    );
    await waitFor(async () => (await store().getTicket(ticketId))?.status === 'reopened');
    const reopened = await waitFor(() => desk.smtp.sentTo(MADRID)[2]);
    expect(reopened.text).toContain(
      `Gracias por su respuesta. Su ticket ${ticketId} estaba resuelto, así que lo hemos reabierto.`,
    );
  });

  it('a mail from an Outlook set to Spanish (Accept-Language) without a subject is answered in Spanish', async () => {
    const messageId = customerMessageId();
    await desk.mailbox.deliver(
      await composeMail({
        from: MONTERREY,
        to: SUPPORT,
        messageId,
        headers: { 'Accept-Language': 'es-MX, en-US' },
        text: 'No podemos registrar nuestras centralitas desde las 9.',
      }),
    );
    const { ticketId } = await ticketOf(messageId);
    const ack = await waitFor(() => desk.smtp.sentTo(MONTERREY)[0]);
    expect(ack.subject).toBe(`Re: Su solicitud de soporte [${ticketId}]`);
    expect(ack.text).toContain(`Hemos abierto el ticket ${ticketId}`);
  });

  it('a mail that declares no language, or one we do not speak, stays English', async () => {
    const plain = customerMessageId();
    await desk.mailbox.deliver(
      await composeMail({
        from: LONDON,
        to: SUPPORT,
        subject: 'Calls drop',
        messageId: plain,
        text: 'Every outbound call drops after 30 seconds.',
      }),
    );
    const german = customerMessageId();
    await desk.mailbox.deliver(
      await composeMail({
        from: BERLIN,
        to: SUPPORT,
        subject: 'Anrufe brechen ab',
        messageId: german,
        headers: { 'Content-Language': 'de-DE' },
        text: 'Alle ausgehenden Anrufe brechen nach 30 Sekunden ab.',
      }),
    );
    for (const [address, messageId] of [
      [LONDON, plain],
      [BERLIN, german],
    ] as const) {
      const { ticketId } = await ticketOf(messageId);
      const ack = await waitFor(() => desk.smtp.sentTo(address)[0]);
      expect(ack.text).toContain(
        `Thank you for contacting support. We have opened ticket ${ticketId} for your e-mail.`,
      );
      expect(ack.text).not.toContain('Gracias');
    }
  });
});
