import type { Ticket } from '../model/ticket';

/** Sends a ticket to the support mailbox. */
export interface TicketMailer {
  send(ticket: Ticket, event: 'created' | 'reopened'): Promise<void>;
}

/** The plain-text body of a ticket email: every fact of the brief, one per line. */
export function ticketEmailText(ticket: Ticket): string {
  const b = ticket.brief;
  const lines = [
    `Ticket ${ticket.id} (${ticket.status}) from ${ticket.channel} customer ${ticket.customerId}`,
    `Category: ${b.category ?? 'not given'}`,
    `Severity: ${b.severity ?? 'not given'}`,
    b.callIds?.length ? `Call-IDs: ${b.callIds.join(', ')}` : 'Call-IDs: none given',
    `Started: ${b.startedAt ?? 'not given'}`,
    `Tried: ${b.tried ?? 'not given'}`,
    b.paidEscalationConsent ? `Paid escalation accepted: "${b.paidEscalationConsent.text}"` : '',
    b.attachments?.length ? `Attachments: ${b.attachments.join(', ')}` : '',
    b.suggestedDocs?.length ? `Docs already suggested: ${b.suggestedDocs.map((d) => d.url).join(', ')}` : '',
    '',
    b.description ?? '',
  ];
  return lines.filter((line, i) => line !== '' || i === lines.length - 2).join('\n');
}
