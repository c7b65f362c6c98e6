import os from 'node:os';
import { readFileSync } from 'node:fs';

/** The machine a figure was measured on. */
export interface MachineInfo {
  cores: number;
  cpuModel: string;
  node: string;
  memoryGiB: number;
  platform: string;
  /** The open-files limit of the benchmark process (caps how many sockets it can hold). */
  openFilesLimit?: number;
  /**
   * 1-minute load average when the run started: above the core count means other processes were
   * competing for the CPU and every figure is pessimistic.
   */
  loadAverageAtStart: number;
}

/** Describes this machine. */
export function describeMachine(openFilesLimit?: number): MachineInfo {
  const cpus = os.cpus();
  return {
    cores: os.availableParallelism?.() ?? cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    node: process.version,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverageAtStart: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
    ...(openFilesLimit !== undefined && { openFilesLimit }),
  };
}

/** The soft open-files limit of this process, read from /proc (Linux); undefined elsewhere. */
export function openFilesLimit(): number | undefined {
  try {
    const limits = readFileSync('/proc/self/limits', 'utf8');
    const line = limits.split('\n').find((l) => l.startsWith('Max open files'));
    const soft = line?.split(/\s{2,}/)[1];
    return soft && /^\d+$/.test(soft) ? Number(soft) : undefined;
  } catch {
    return undefined;
  }
}
