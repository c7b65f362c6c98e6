import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import { loadConfig, type Config } from '../../src/config';
import { createLogger } from '../../src/logger';
import type {
  ChatClientEvents,
  ChatServerEvents,
  ConsoleClientEvents,
  ConsoleServerEvents,
} from '../../src/realtime/socket-events';
import { createApp, type App, type AppOverrides } from '../../app/create-app';

/** A real server on 127.0.0.1, port 0, with its own data folder. */
export interface TestApp {
  app: App;
  url: string;
  dataDir: string;
  config: Config;
  /** Stops the server; the data folder stays until `cleanup` (restart tests reuse it). */
  stop(): Promise<void>;
  cleanup(): Promise<void>;
}

export const ADMIN_PASSWORD = 'correct-horse-battery';

/** Starts the whole app as `npm start` would, with test settings. */
export async function startTestApp(
  options: { env?: Record<string, string>; overrides?: AppOverrides; dataDir?: string } = {},
): Promise<TestApp> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-test-'));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    ADMIN_PASSWORD,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    // Tests connect from loopback, which the product exempts from per-address limits by default.
    RATE_LIMIT_ALLOW: 'none',
    ...options.env,
  });
  // Agents here claim without classifying, as before that rule: its own tests turn it on
  // (test/console/classify-before-taking.test.ts).
  const app = await createApp(config, createLogger(config.LOG_LEVEL), {
    classifyBeforeTaking: false,
    ...options.overrides,
  });
  const url = await app.listen();
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await app.close();
  };
  return {
    app,
    url,
    dataDir,
    config,
    stop,
    cleanup: async () => {
      await stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type ChatSocket = Socket<ChatServerEvents, ChatClientEvents>;
export type ConsoleSocket = Socket<ConsoleServerEvents, ConsoleClientEvents>;

/** A customer's widget connection (socket.io-client, websocket transport). */
export function connectCustomer(url: string, auth: Record<string, unknown> = {}): ChatSocket {
  return connect(`${url}/chat`, { auth, transports: ['websocket'], forceNew: true, reconnection: false });
}

/** Signs an agent in over HTTP and returns the session cookie. */
export async function signIn(url: string, username = 'admin', password = ADMIN_PASSWORD): Promise<string> {
  const response = await fetch(`${url}/console/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.get('set-cookie');
  if (!cookie) throw new Error('sign-in set no cookie');
  return cookie.split(';')[0]!;
}

/** An agent's console connection, authenticated with the session cookie. */
export function connectAgent(url: string, cookie: string): ConsoleSocket {
  return connect(`${url}/console`, {
    transports: ['websocket'],
    extraHeaders: { cookie },
    forceNew: true,
    reconnection: false,
  });
}

/** Any socket.io socket, seen loosely: typed sockets' overloads do not fit one generic signature. */
interface LooseSocket {
  on(event: string, listener: (payload: unknown) => void): unknown;
  off(event: string, listener: (payload: unknown) => void): unknown;
  timeout(ms: number): { emitWithAck(event: string, ...args: unknown[]): Promise<unknown> };
}

/** Resolves with the first event of that name whose payload passes `where`. */
export function nextEvent<T>(
  socket: object,
  event: string,
  where: (payload: T) => boolean = () => true,
  timeoutMs = 5000,
): Promise<T> {
  const emitter = socket as LooseSocket;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      emitter.off(event, listener);
      reject(new Error(`timed out waiting for "${event}" (${timeoutMs} ms)`));
    }, timeoutMs);
    const listener = (payload: unknown) => {
      if (!where(payload as T)) return;
      clearTimeout(timer);
      emitter.off(event, listener);
      resolve(payload as T);
    };
    emitter.on(event, listener);
  });
}

/** Collects every event of that name from now on (for "nothing shown twice" checks). */
export function collect<T>(socket: object, event: string): T[] {
  const seen: T[] = [];
  (socket as LooseSocket).on(event, (payload) => seen.push(payload as T));
  return seen;
}

/** Emits with an acknowledgement and resolves with the server's answer. */
export function request<T>(
  socket: { timeout(ms: number): { emitWithAck(event: string, ...args: unknown[]): Promise<T> } },
  event: string,
  ...args: unknown[]
): Promise<T> {
  return socket.timeout(5000).emitWithAck(event, ...args);
}
