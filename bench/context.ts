import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startChildServer, type ChildServer } from './child-server';
import { MessageMix } from './load/message-mix';
import type { SeedMessage } from './load/seed-messages';
import type { BenchOptions } from './options';

/**
 * The loads a section can ask for: `realistic` (new variations of the seed, `repeatShare` of them
 * word-for-word repeats) or `cached` (the seed asked over and over unchanged). Every load of a kind
 * gets the same messages in the same order.
 */
export type MixKind = 'realistic' | 'cached';

/** Benchmark-wide settings every section gets. */
export interface BenchContext {
  options: BenchOptions;
  seed: readonly SeedMessage[];
  /** The seed's questions (docs and policy), for sections that ask one question at a time. */
  questions: readonly string[];
  /** A fresh message stream for one load. */
  mix(kind: MixKind): MessageMix;
  /** One progress line on stderr (stdout is kept for the table or the JSON). */
  progress(line: string): void;
  /** Starts the real app in a child process with a fresh data folder. */
  startApp(env?: Record<string, string>): Promise<ChildServer>;
  /** Starts the bare socket.io echo server in a child process. */
  startEcho(): Promise<ChildServer>;
}

/** The agent password the benchmark's app servers are started with. */
export const BENCH_ADMIN_PASSWORD = 'bench-admin-password';

/** Builds the context; data folders go under the OS temp folder and are removed when each server stops. */
export function createContext(options: BenchOptions, seed: readonly SeedMessage[]): BenchContext {
  // Shared by every app child of this run: the docs index is built once, then restored.
  const kbCache = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-bench-kb-'));
  process.once('exit', () => fs.rmSync(kbCache, { recursive: true, force: true }));
  const profile = (name: string) =>
    options.cpuProfileDir ? path.join(options.cpuProfileDir, name) : undefined;
  let started = 0;
  return {
    options,
    seed,
    questions: seed.filter((m) => m.kind === 'docs' || m.kind === 'policy').map((m) => m.text),
    mix: (kind) => new MessageMix(seed, { repeatShare: options.repeatShare, verbatim: kind === 'cached' }),
    progress: (line) => process.stderr.write(`[bench] ${line}\n`),
    startApp: async (env = {}) => {
      started += 1;
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-bench-data-'));
      const cpuProfileDir = profile(`app-${started}`);
      const server = await startChildServer({
        entry: 'app-server.ts',
        env: {
          PORT: '0',
          HOST: '127.0.0.1',
          DATA_DIR: dataDir,
          KB_DIR: options.kbDir,
          ADMIN_PASSWORD: BENCH_ADMIN_PASSWORD,
          LOG_LEVEL: 'error',
          BENCH_KB_CACHE_DIR: kbCache,
          // The load comes from one address and reuses sessions: the abuse limits are not what is measured.
          RATE_LIMIT_ALLOW: '127.0.0.1,::1,::ffff:127.0.0.1',
          RATE_MESSAGES_PER_SESSION: '1000000',
          RATE_FEEDBACK_PER_SESSION: '1000000',
          RATE_TYPING_PER_SESSION: '1000000',
          ...env,
        },
        ...(cpuProfileDir && { cpuProfileDir }),
      });
      return {
        ...server,
        stop: async () => {
          await server.stop();
          fs.rmSync(dataDir, { recursive: true, force: true });
        },
      };
    },
    startEcho: () => {
      const cpuProfileDir = profile('echo');
      return startChildServer({ entry: 'echo-server.ts', ...(cpuProfileDir && { cpuProfileDir }) });
    },
  };
}

/** Runs `body` against a server and always stops the server afterwards. */
export async function withServer<T>(
  server: Promise<ChildServer>,
  body: (server: ChildServer) => Promise<T>,
): Promise<T> {
  const running = await server;
  try {
    return await body(running);
  } finally {
    await running.stop();
  }
}
