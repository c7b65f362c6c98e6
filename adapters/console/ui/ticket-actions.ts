import type { Ticket } from '../../../src/model/ticket';
import { el } from '../../web/widget/dom';
import type { FactRow } from './brief-card';
import { escalate, messageReporters, proposeFix, setOutage } from './lifecycle-api';
import { shortTime } from './relative-time';

const LINE_NAMES = ['1st line', '2nd line', '3rd line'] as const;

/** What the lifecycle controls need from the tickets view. */
export interface TicketActionHost {
  /** Shows the ticket as the server now has it. */
  changed(ticket: Ticket): void;
  notify(message: string, error?: boolean): void;
}

/** The lifecycle facts of a ticket for its card: line, proposed fix, outage, link, close note. */
export function lifecycleRows(ticket: Ticket): FactRow[] {
  const reporters = Array.isArray(ticket.brief.linkedReports) ? ticket.brief.linkedReports.length : 0;
  return [
    ['Line', LINE_NAMES[(ticket.line ?? 1) - 1]],
    [
      'Fix proposed',
      ticket.fixProposal &&
        `${shortTime(ticket.fixProposal.at)} by ${ticket.fixProposal.agentName}${ticket.fixProposal.note ? `: ${ticket.fixProposal.note}` : ''} (waiting for the customer until ${shortTime(ticket.fixProposal.dueAt)})`,
    ],
    [
      'Outage',
      ticket.outage &&
        `${ticket.outage.endedAt ? 'ended' : 'confirmed'} by ${ticket.outage.by}; ${reporters + 1} reporter${reporters ? 's' : ''} linked`,
    ],
    ['Linked to', ticket.linkedTicketId],
    ['Closed', ticket.closeNote && `${shortTime(ticket.closedAt ?? ticket.updatedAt)}: ${ticket.closeNote}`],
    [
      'History',
      ticket.events?.length
        ? ticket.events
            .map(
              (e) =>
                `${shortTime(e.at)} ${e.event}${e.agentName ? ` (${e.agentName})` : ''}${e.note ? `: ${e.note}` : ''}`,
            )
            .join('\n')
        : undefined,
    ],
  ];
}

/**
 * The agent's lifecycle controls under a ticket: propose a fix (the customer is asked to confirm),
 * escalate with a reason, confirm or end an outage, and message every reporter of an outage.
 * Each is a small form; text is sent as typed and every answer is shown as text.
 */
export function ticketActions(ticket: Ticket, host: TicketActionHost): HTMLElement {
  const box = el('div', 'ticket-actions');
  box.setAttribute('aria-label', 'Ticket lifecycle');
  const run = async (label: string, action: () => Promise<Ticket | undefined>) => {
    try {
      const updated = await action();
      if (updated) host.changed(updated);
      host.notify(label);
    } catch (error) {
      host.notify(error instanceof Error ? error.message : 'The request failed', true);
    }
  };
  if (ticket.status !== 'resolved') {
    box.append(
      form('Fix note for the customer (optional)', 'Fix proposed', false, (note) =>
        run(`Fix proposed on ${ticket.id}; the customer is asked to confirm it.`, () =>
          proposeFix(ticket.id, note),
        ),
      ),
    );
    if ((ticket.line ?? 1) < 3) {
      box.append(
        form(
          'Reason for escalating',
          `Escalate to ${LINE_NAMES[(ticket.line ?? 1) === 1 ? 1 : 2]}`,
          true,
          (reason) => run(`${ticket.id} escalated.`, () => escalate(ticket.id, reason)),
        ),
      );
    }
    const confirmed = ticket.outage !== undefined && ticket.outage.endedAt === undefined;
    const outage = el('button', 'btn small', confirmed ? 'End outage' : 'Confirm outage');
    outage.type = 'button';
    outage.addEventListener(
      'click',
      () =>
        void run(
          confirmed ? 'Outage ended.' : 'Outage confirmed: new outage reports join this ticket.',
          async () => (await setOutage(ticket.id, !confirmed)).ticket,
        ),
    );
    box.append(outage);
  }
  if (ticket.outage) {
    box.append(
      form('Message to every reporter', 'Message all reporters', true, (text) =>
        run('Sent to every reporter.', async () => {
          const sent = await messageReporters(ticket.id, text);
          host.notify(`Sent to ${sent} customer${sent === 1 ? '' : 's'}.`);
          return undefined;
        }),
      ),
    );
  }
  return box;
}

/** One labelled text field and its button. */
function form(
  label: string,
  action: string,
  required: boolean,
  submit: (text: string) => Promise<void>,
): HTMLElement {
  const element = el('form', 'ticket-action');
  const input = el('input');
  input.type = 'text';
  input.maxLength = 500;
  input.required = required;
  input.setAttribute('aria-label', label);
  input.placeholder = label;
  const send = el('button', 'btn small', action);
  send.type = 'submit';
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    send.disabled = true;
    void submit(input.value.trim()).finally(() => {
      send.disabled = false;
      input.value = '';
    });
  });
  element.append(input, send);
  return element;
}
