import { readFileSync } from 'node:fs';

/**
 * Samples another process's resident memory from /proc (Linux) without touching it: no GC is
 * forced, so the highest sample is the peak as the process really had it.
 */
export class RssSampler {
  private peakBytes = 0;
  private samples = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pid: number,
    everyMs = 250,
  ) {
    this.timer = setInterval(() => this.sample(), everyMs);
    this.timer.unref();
    this.sample();
  }

  /** The highest RSS seen, in bytes; undefined where /proc cannot be read. */
  stop(): number | undefined {
    clearInterval(this.timer);
    this.sample();
    return this.samples > 0 ? this.peakBytes : undefined;
  }

  private sample(): void {
    const bytes = readRss(this.pid);
    if (bytes === undefined) return;
    this.samples += 1;
    this.peakBytes = Math.max(this.peakBytes, bytes);
  }
}

/** The process's RSS in bytes from /proc/PID/status, or undefined. */
export function readRss(pid: number): number | undefined {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmRSS:'));
    const kib = line?.match(/(\d+)\s*kB/)?.[1];
    return kib ? Number(kib) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Clock ticks per second of /proc/PID/stat's times (USER_HZ: 100 on every Linux build in use). */
const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) the process has used so far, from /proc/PID/stat; undefined elsewhere. */
export function readCpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const user = Number(fields[11]);
    const system = Number(fields[12]);
    return Number.isFinite(user) && Number.isFinite(system) ? (user + system) / TICKS_PER_SECOND : undefined;
  } catch {
    return undefined;
  }
}
