import type { Logger } from '../../src/logger';
import type { StatusPage } from '../../src/status-page/status-page';
import { parseSummary, type StatusSummary } from '../../src/status-page/status-summary';

/** Options of the status page client. */
export interface StatusPageOptions {
  /** Base URL of a Statuspage-compatible page; `/api/v2/summary.json` is read from it. */
  baseUrl: string;
  cacheMs: number;
  timeoutMs: number;
  log?: Logger;
  clock?: () => number;
}

/**
 * Reads the public status page, at most once per `cacheMs`, giving up after `timeoutMs`. When the
 * page cannot be reached it answers `undefined`, so a customer's report goes on without it.
 */
export class StatusPageClient implements StatusPage {
  private cached?: { at: number; summary: StatusSummary | undefined };
  private pending?: Promise<StatusSummary | undefined>;
  private readonly now: () => number;

  constructor(private readonly options: StatusPageOptions) {
    this.now = options.clock ?? Date.now;
  }

  /** The current summary, from cache when fresh; `undefined` when the page is unreachable. */
  async summary(): Promise<StatusSummary | undefined> {
    if (this.cached && this.now() - this.cached.at < this.options.cacheMs) return this.cached.summary;
    // Concurrent customers share one request instead of each asking the page.
    this.pending ??= this.fetchSummary().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async fetchSummary(): Promise<StatusSummary | undefined> {
    const url = new URL('api/v2/summary.json', this.options.baseUrl.replace(/\/?$/, '/'));
    let summary: StatusSummary | undefined;
    try {
      const response = await fetch(url, {
        signal: AbortSignal.timeout(this.options.timeoutMs),
        headers: { accept: 'application/json' },
      });
      if (!response.ok) throw new Error(`status page answered ${response.status}`);
      summary = parseSummary(await response.json());
    } catch (error) {
      this.options.log?.warn({ err: error, url: url.href }, 'status page unreachable');
      summary = undefined;
    }
    // A failure is cached too (briefly): an unreachable page must not slow every report down.
    this.cached = { at: this.now(), summary };
    return summary;
  }
}
