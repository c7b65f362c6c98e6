import type { Logger } from '../../src/logger';

/**
 * At most `perMinute` log lines per source (an address, a webhook) in each minute, so a client
 * sending thousands of refused requests cannot flood the log; lines over the cap are dropped.
 */
export class LogCap {
  private readonly windows = new Map<string, { start: number; lines: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether a line from `source` may be logged now. */
  allow(source: string): boolean {
    const now = this.now();
    let window = this.windows.get(source);
    if (!window || now - window.start >= 60_000) {
      // Bounded memory: past 10,000 sources, every window starts again.
      if (this.windows.size >= 10_000) this.windows.clear();
      window = { start: now, lines: 0 };
      this.windows.set(source, window);
    }
    if (window.lines >= this.perMinute) return false;
    window.lines += 1;
    return true;
  }
}

/**
 * A child of `log` whose warnings go through `cap` under one `source` (a webhook route), for code
 * that logs refusals but does not know the request's source itself.
 */
export function withCappedWarnings(log: Logger, cap: LogCap, source: string): Logger {
  const child = log.child({});
  const warn = child.warn.bind(child);
  child.warn = (...args: Parameters<Logger['warn']>) => {
    if (cap.allow(source)) warn(...args);
  };
  return child;
}
