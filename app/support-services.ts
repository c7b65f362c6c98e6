import type { Config } from '../src/config';
import type { FlowServices } from '../src/engine/flow-services';
import type { Logger } from '../src/logger';
import { StatusPageClient } from '../adapters/status-page/status-page-client';
import type { Store } from '../src/store/store';
import { smtpTicketMailer } from '../adapters/email/smtp-ticket-mailer';
import { TicketService } from '../src/tickets/ticket-service';
import { loadPolicy } from '../src/policy/load-policy';
import type { SupportPolicy } from '../src/policy/policy-schema';

/** The support services the flows use, built from configuration. */
export interface SupportServices extends FlowServices {
  policy: SupportPolicy;
  tickets: TicketService;
  statusPage?: StatusPageClient;
}

/**
 * Builds the policy (POLICY_FILE or the published defaults), the status page client (when
 * STATUS_PAGE_URL or the policy names one) and the ticket service (emailing tickets when SMTP_URL
 * and SUPPORT_EMAIL are set).
 */
export function createSupportServices(
  config: Config,
  deps: { store: Store; log: Logger; clock?: () => number },
): SupportServices {
  const policy = loadPolicy(config.POLICY_FILE);
  const mailer =
    config.SMTP_URL && config.SUPPORT_EMAIL
      ? smtpTicketMailer(config.SMTP_URL, config.SUPPORT_EMAIL)
      : undefined;
  const tickets = new TicketService({
    store: deps.store,
    log: deps.log,
    ...(mailer && { mailer }),
    ...(deps.clock && { clock: deps.clock }),
    reopenWindowDays: policy.ticketLifecycle.reopenWindowDays,
  });
  const statusUrl = config.STATUS_PAGE_URL ?? policy.statusPage.apiUrl;
  const statusPage = statusUrl
    ? new StatusPageClient({
        baseUrl: statusUrl,
        cacheMs: policy.statusPage.cacheSeconds * 1000,
        timeoutMs: policy.statusPage.timeoutMs,
        log: deps.log,
      })
    : undefined;
  return { policy, tickets, ...(statusPage && { statusPage }) };
}
