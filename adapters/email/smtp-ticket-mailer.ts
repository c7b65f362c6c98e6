import nodemailer, { type Transporter } from 'nodemailer';
import { ticketEmailText, type TicketMailer } from '../../src/tickets/ticket-mailer';

/** A mailer over SMTP (nodemailer), sending from and to the support address. */
export function smtpTicketMailer(smtpUrl: string, supportEmail: string): TicketMailer {
  const transport: Transporter = nodemailer.createTransport(smtpUrl);
  return {
    async send(ticket, event) {
      const severity = [ticket.brief.category, ticket.brief.severity].filter(Boolean).join(' ');
      await transport.sendMail({
        from: supportEmail,
        to: supportEmail,
        subject: `[${ticket.id}] ${event === 'reopened' ? 'Reopened: ' : ''}${ticket.title}${severity ? ` (${severity})` : ''}`,
        text: ticketEmailText(ticket),
      });
    },
  };
}
