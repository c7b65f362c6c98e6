import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { AppOverrides } from '../../app/create-app';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../support/start-app';
import { TEST_REDIS_URL } from '../store/redis-test-prefix';

const ROOT = path.resolve(__dirname, '..', '..');

/** Starts an in-process instance sharing Redis (and the key prefix) with its peers. */
export function startInstance(
  prefix: string,
  redisUrl = TEST_REDIS_URL,
  options: { env?: Record<string, string>; overrides?: AppOverrides } = {},
): Promise<TestApp> {
  return startTestApp({
    env: { REDIS_URL: redisUrl, REDIS_PREFIX: prefix, ...options.env },
    ...(options.overrides && { overrides: options.overrides }),
  });
}

/** An instance running as its own process, so it can be SIGKILLed. */
export interface ChildInstance {
  url: string;
  process: ChildProcess;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `run-instance.ts` under tsx with the same Redis settings and its own data folder. */
export async function startChildInstance(
  prefix: string,
  redisUrl = TEST_REDIS_URL,
  env: Record<string, string> = {},
): Promise<ChildInstance> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-child-'));
  // node itself with tsx as a loader (not the tsx CLI, which forks): the pid we kill is the server.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'run-instance.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: prefix,
      DATA_DIR: dataDir,
      ADMIN_PASSWORD,
      LOG_LEVEL: 'silent',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`instance did not start: ${stderr}`)), 20_000);
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once('exit', (code) => reject(new Error(`instance exited with ${code}: ${stderr}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    process: child,
    kill: async (signal = 'SIGKILL') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Polls until `check` passes. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false>,
  timeoutMs = 15_000,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
