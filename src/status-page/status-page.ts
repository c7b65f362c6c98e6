import type { StatusSummary } from './status-summary';

/**
 * The public status page as the flows see it: what it says right now, or `undefined` when it
 * cannot be read (a report goes on without it). `adapters/status-page/` reads a real one.
 */
export interface StatusPage {
  summary(): Promise<StatusSummary | undefined>;
}
