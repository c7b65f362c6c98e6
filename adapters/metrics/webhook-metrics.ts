import { Counter, type Registry } from 'prom-client';
import type { DeliveryRecord } from '../../src/webhooks/webhook-dispatcher';

/**
 * Counts webhook delivery attempts by outcome (delivered, retrying, failed) and event type; a
 * rising `failed` or `retrying` means a receiver is down or refusing the signature.
 */
export function webhookDeliveryCounter(registry: Registry): (record: DeliveryRecord) => void {
  const attempts = new Counter({
    name: 'handoff_webhook_deliveries_total',
    help: 'Outgoing webhook delivery attempts, by outcome (delivered, retrying, failed) and event type.',
    labelNames: ['outcome', 'type'] as const,
    registers: [registry],
  });
  return (record) => attempts.inc({ outcome: record.outcome, type: record.type });
}
