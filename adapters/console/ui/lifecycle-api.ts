import type { Ticket } from '../../../src/model/ticket';
import type { OutageReporter } from '../../../src/tickets/outages';
import { ConsoleApiError } from './console-api';

async function post<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(`/console/api${path}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await response.json().catch(() => ({}))) as T & {
    error?: { code?: string; message?: string };
  };
  if (!response.ok) {
    throw new ConsoleApiError(
      json.error?.code ?? 'http_error',
      json.error?.message ?? `HTTP ${response.status}`,
    );
  }
  return json;
}

const path = (ticketId: string, action: string): string =>
  `/tickets/${encodeURIComponent(ticketId)}/${action}`;

/** Marks a fix proposed: the customer is asked on their channel to test and confirm it. */
export async function proposeFix(ticketId: string, note: string): Promise<Ticket> {
  return (await post<{ ticket: Ticket }>(path(ticketId, 'fix-proposed'), note ? { note } : {})).ticket;
}

/** Moves the ticket to the next support line (or to `line`), with the agent's reason. */
export async function escalate(ticketId: string, reason: string, line?: 2 | 3): Promise<Ticket> {
  return (await post<{ ticket: Ticket }>(path(ticketId, 'escalate'), { reason, ...(line && { line }) }))
    .ticket;
}

/** Confirms (or ends) a platform-wide outage on the ticket; gives everyone who reported it. */
export async function setOutage(
  ticketId: string,
  confirmed: boolean,
): Promise<{ ticket: Ticket; reporters: OutageReporter[] }> {
  return post(path(ticketId, 'outage'), { confirmed });
}

/** Sends one message to every customer who reported the outage; gives how many were sent. */
export async function messageReporters(ticketId: string, text: string): Promise<number> {
  return (await post<{ sent: number }>(path(ticketId, 'broadcast'), { text })).sent;
}
