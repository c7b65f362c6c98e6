import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import {
  isChildMessage,
  type MemoryMessage,
  type ParentMessage,
  type ReadyMessage,
  type StatsMessage,
} from './server-messages';

/** A server under test running in its own process, so its CPU and memory are its own. */
export interface ChildServer {
  url: string;
  info: ReadyMessage['info'];
  pid: number;
  /** RSS and heap of the child after a full GC. */
  memory(): Promise<MemoryMessage>;
  /** The child's counters right now (empty for the echo server). */
  stats(): Promise<Record<string, number>>;
  stop(): Promise<void>;
}

/** How a child server is started. */
export interface StartChildOptions {
  /** Entry file under `bench/servers/`. */
  entry: 'app-server.ts' | 'echo-server.ts';
  env?: Record<string, string>;
  /** Write a V8 CPU profile of the child into this folder (`node --cpu-prof`). */
  cpuProfileDir?: string;
  /** Longest wait for the child to listen. */
  startTimeoutMs?: number;
}

/** Starts a server under test with tsx in a child process and waits until it listens. */
export async function startChildServer(options: StartChildOptions): Promise<ChildServer> {
  const execArgv = ['--import', 'tsx', '--expose-gc'];
  if (options.cpuProfileDir) execArgv.push('--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`);
  const child = fork(path.join(__dirname, 'servers', options.entry), [], {
    execArgv,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await waitFor<ReadyMessage>(child, 'ready', options.startTimeoutMs ?? 120_000);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url: ready.url,
    info: ready.info,
    pid: child.pid ?? 0,
    memory: async () => {
      const answer = waitFor<MemoryMessage>(child, 'memory', 30_000);
      send(child, { type: 'memory' });
      return answer;
    },
    stats: async () => {
      const answer = waitFor<StatsMessage>(child, 'stats', 30_000);
      send(child, { type: 'stats' });
      return (await answer).stats;
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      send(child, { type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function send(child: ChildProcess, message: ParentMessage): void {
  if (child.connected) child.send(message);
}

function waitFor<T>(child: ChildProcess, type: string, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`server child sent no "${type}" within ${timeoutMs} ms`));
    }, timeoutMs);
    const onMessage = (message: unknown) => {
      if (!isChildMessage(message) || message.type !== type) return;
      cleanup();
      resolve(message as T);
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`server child exited (code ${code}) before "${type}"`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}
