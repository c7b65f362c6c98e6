import { el } from '../../web/widget/dom';
import { ConsoleApiError, listWebhookDeliveries, type WebhookDeliveries } from './console-api';
import { recordTable } from './record-table';
import { exactTime, relativeTime } from './relative-time';

const OUTCOMES: Record<string, string> = {
  delivered: 'Delivered',
  retrying: 'Will retry',
  failed: 'Gave up',
};

/**
 * The outgoing webhooks' delivery log for admins: one row per attempt, newest first, with what the
 * receiver answered and when the next attempt is due.
 */
export class WebhooksView {
  private readonly summary = el('span', 'muted');
  private readonly table = recordTable({
    id: 'webhooks',
    title: 'Webhook deliveries',
    columns: ['When', 'Event', 'Endpoint', 'Attempt', 'Outcome', 'Answer'],
    controls: [this.summary],
    refresh: () => void this.refresh(),
  });
  readonly element = this.table.element;

  constructor(private readonly notify: (message: string, error?: boolean) => void) {}

  /** Puts the view on screen with a fresh list. */
  show(): void {
    void this.refresh();
  }

  /** Fetches the log again. */
  async refresh(): Promise<void> {
    try {
      this.render(await listWebhookDeliveries());
    } catch (error) {
      if (error instanceof ConsoleApiError && error.code === 'forbidden') {
        this.table.show([], 'Only an admin can see webhook deliveries.');
        return;
      }
      this.notify(`Webhooks: ${error instanceof Error ? error.message : 'request failed'}`, true);
    }
  }

  private render(log: WebhookDeliveries): void {
    this.summary.textContent = log.configured
      ? `${log.pending} waiting for a retry`
      : 'No endpoints configured (WEBHOOK_URLS)';
    this.table.show(
      log.deliveries.map((delivery) => {
        const row = el('tr');
        const when = el('td', 'when', relativeTime(delivery.at));
        when.title = exactTime(delivery.at);
        const answer = [delivery.status !== undefined ? `HTTP ${delivery.status}` : '', delivery.error ?? '']
          .filter(Boolean)
          .join(' · ');
        const outcome = el(
          'td',
          `outcome ${delivery.outcome}`,
          OUTCOMES[delivery.outcome] ?? delivery.outcome,
        );
        if (delivery.nextAt) outcome.title = `Next attempt ${exactTime(delivery.nextAt)}`;
        row.append(
          when,
          el('td', '', `${delivery.type} (${delivery.eventId})`),
          el('td', '', delivery.endpoint),
          el('td', '', String(delivery.attempt)),
          outcome,
          el('td', '', answer),
        );
        return row;
      }),
      'No deliveries yet. Each attempt to send an event to your endpoints is listed here.',
    );
  }
}
