/**
 * Jest's globalSetup: prepares the real services the tests use, before any test runs.
 *
 * For each service: a configured one is used (its env var), else the installed binary is started on
 * a free port with a throw-away data folder, else it is installed from Debian packages (as root on
 * Debian or Ubuntu), else setup stops with one line naming the command to run. The chosen addresses
 * are exported as env vars, which the test workers inherit. Nothing started here outlives the run:
 * globalTeardown stops it, and a leash stops it if this process dies first.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createClient } from 'redis';

/** One service started for the run. */
export interface Started {
  /** The address the tests reach it at. */
  address: string;
  stop: () => Promise<void>;
}

/** What setup needs to know about one service; adding a service to the tests is adding one of these. */
export interface ServiceSpec {
  name: string;
  /** Env var naming the binary, read first; then `commands` are looked up on PATH. */
  binaryVar: string;
  commands: string[];
  /** Debian packages providing the binary. */
  packages: string[];
  /** For a server: the env var carrying its address to the tests, how to start one, how to ask if one answers. */
  server?: {
    addressVar: string;
    start: (binary: string, dataDir: string) => Promise<Started>;
    answers: (address: string) => Promise<boolean>;
  };
}

/** Redis: the Redis store, socket.io adapter and lease tests; the binary also for private servers. */
export const redis: ServiceSpec = {
  name: 'Redis',
  binaryVar: 'REDIS_SERVER_PATH',
  commands: ['redis-server'],
  packages: ['redis-server'],
  server: { addressVar: 'TEST_REDIS_URL', start: startRedis, answers: redisAnswers },
};

/** Chromium: the end-to-end tests launch it themselves through playwright-core. */
export const chromium: ServiceSpec = {
  name: 'Chromium',
  binaryVar: 'CHROMIUM_PATH',
  commands: ['chromium', 'chromium-browser'],
  packages: ['chromium'],
};

/** Every service the test suite needs. */
export const TEST_SERVICES: ServiceSpec[] = [redis, chromium];

/** What setup needs from its surroundings; tests of setup replace these. */
export interface SetupOptions {
  env?: NodeJS.ProcessEnv;
  /** Whether missing packages may be installed (default: root on Debian or Ubuntu). */
  canInstall?: boolean;
  log?: (line: string) => void;
}

/** The services ready for a run: env vars for the tests, and how to stop what was started. */
export interface PreparedServices {
  env: Record<string, string>;
  stop: () => Promise<void>;
}

/** Thrown when a service can be neither found nor installed; the message is the one line to show. */
export class ServiceSetupError extends Error {
  override name = 'ServiceSetupError';
}

/** Finds, installs or starts every service in `services`; on failure nothing started is left running. */
export async function prepareServices(
  services: ServiceSpec[],
  { env = process.env, canInstall = rootOnDebian(), log = () => undefined }: SetupOptions = {},
): Promise<PreparedServices> {
  let binaries = services.map((service) => findBinary(service, env));
  const missing = services.filter((_, i) => !binaries[i]);
  if (missing.length) {
    const packages = missing.flatMap((service) => service.packages);
    const names = missing.map((service) => service.name).join(', ');
    if (!canInstall) {
      const vars = missing.map((service) => service.binaryVar).join(', ');
      throw new ServiceSetupError(
        `The tests need ${names}, not found: run \`sudo apt-get install -y ${packages.join(' ')}\` (or set ${vars}).`,
      );
    }
    log(`installing ${packages.join(' ')} (tests need ${names})`);
    await installPackages(packages);
    binaries = services.map((service) => findBinary(service, env));
  }

  const result: Record<string, string> = {};
  const started: Started[] = [];
  const stop = async () => {
    for (const one of started.splice(0).reverse()) await one.stop();
  };
  try {
    for (const [i, service] of services.entries()) {
      const binary = binaries[i];
      if (!binary) throw new ServiceSetupError(`${service.name}: still not found after installing it.`);
      result[service.binaryVar] = binary;
      if (!service.server) continue;
      const { addressVar, answers, start } = service.server;
      const configured = env[addressVar];
      if (configured) {
        if (!(await answers(configured))) {
          throw new ServiceSetupError(
            `${addressVar}=${redact(configured)} does not answer: start it or unset it.`,
          );
        }
        result[addressVar] = configured;
        log(`${service.name}: using ${addressVar}=${redact(configured)}`);
        continue;
      }
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `handoff-test-${service.commands[0]}-`));
      const server = await start(binary, dataDir).catch((error: unknown) => {
        fs.rmSync(dataDir, { recursive: true, force: true });
        throw error;
      });
      started.push({
        address: server.address,
        stop: async () => {
          await server.stop();
          fs.rmSync(dataDir, { recursive: true, force: true });
        },
      });
      result[addressVar] = server.address;
      log(`${service.name}: started ${binary} at ${server.address}`);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { env: result, stop };
}

/** The binary named by the service's env var (which must exist), else its first command on PATH. */
export function findBinary(service: ServiceSpec, env: NodeJS.ProcessEnv): string | undefined {
  const configured = env[service.binaryVar];
  if (configured) {
    if (!isExecutable(configured)) {
      throw new ServiceSetupError(`${service.binaryVar}=${configured} is not an executable file.`);
    }
    return configured;
  }
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const command of service.commands) {
    const found = dirs.map((dir) => path.join(dir, command)).find(isExecutable);
    if (found) return found;
  }
  return undefined;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function rootOnDebian(): boolean {
  return process.getuid?.() === 0 && fs.existsSync('/etc/debian_version');
}

async function installPackages(packages: string[]): Promise<void> {
  // Waits for another apt run's lock instead of failing (several people may set up at once).
  const apt = ['-o', 'DPkg::Lock::Timeout=600', '-qq'];
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...packages]]) {
    const code = await run('apt-get', [...apt, ...args], {
      ...process.env,
      DEBIAN_FRONTEND: 'noninteractive',
    });
    if (code !== 0) throw new ServiceSetupError(`apt-get ${args.join(' ')} failed (exit ${code}).`);
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
    child.once('error', reject);
    child.once('exit', resolve);
  });
}

/**
 * Runs `command` under a small shell that kills it when our end of its stdin closes: on stop(), and
 * also when this process dies without a teardown (a crash, SIGKILL), so no server outlives the run.
 */
export function spawnLeashed(command: string, args: string[]): { stop: () => Promise<void> } {
  const leash = [
    `"$@" </dev/null >/dev/null 2>&1 & pid=$!`,
    `trap 'kill "$pid" 2>/dev/null; wait "$pid"' EXIT`,
    `trap 'exit 143' TERM HUP`,
    `trap '' INT`, // Ctrl-C ends jest; its exit closes our stdin, which stops the server.
    `read -r _ || true`,
  ].join('\n');
  const shell = spawn('sh', ['-c', leash, 'leash', command, ...args], {
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  const exited = new Promise<void>((resolve) => shell.once('exit', () => resolve()));
  return {
    stop: async () => {
      shell.stdin.end();
      await exited;
    },
  };
}

/** A private redis-server on a free port: no persistence, its files in `dataDir`. */
export async function startRedis(binary: string, dataDir: string): Promise<Started> {
  const port = await freePort();
  const logfile = path.join(dataDir, 'redis.log');
  const server = spawnLeashed(binary, [
    ...['--port', String(port), '--bind', '127.0.0.1', '--dir', dataDir, '--logfile', logfile],
    ...['--save', '', '--appendonly', 'no', '--daemonize', 'no'],
  ]);
  const address = `redis://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 10_000; !(await redisAnswers(address));) {
    if (Date.now() > deadline) {
      await server.stop();
      const lastLines = fs.existsSync(logfile)
        ? fs.readFileSync(logfile, 'utf8').trim().split('\n').slice(-3)
        : [];
      throw new ServiceSetupError(`redis-server did not start on port ${port}: ${lastLines.join(' | ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { address, stop: server.stop };
}

/** Whether a Redis at `url` answers PING. */
export async function redisAnswers(url: string): Promise<boolean> {
  const client = createClient({ url, socket: { connectTimeout: 2000, reconnectStrategy: false } });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    if (client.isOpen) client.destroy();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The URL without its password, for messages. */
function redact(address: string): string {
  try {
    const url = new URL(address);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return address;
  }
}

const STOP_KEY = Symbol.for('handoff.testServices.stop');
type WithStop = typeof globalThis & { [STOP_KEY]?: () => Promise<void> };

/** Jest globalSetup: prepares TEST_SERVICES and exports their addresses to the test workers. */
export default async function setup(): Promise<void> {
  try {
    const prepared = await prepareServices(TEST_SERVICES, {
      log: (line) => process.stderr.write(`test services: ${line}\n`),
    });
    Object.assign(process.env, prepared.env);
    (globalThis as WithStop)[STOP_KEY] = prepared.stop;
  } catch (error) {
    if (!(error instanceof ServiceSetupError)) throw error;
    process.stderr.write(`\n${error.message}\n\n`);
    process.exit(1);
  }
}

/** Jest globalTeardown: stops what setup started. */
export async function teardown(): Promise<void> {
  await (globalThis as WithStop)[STOP_KEY]?.();
}
