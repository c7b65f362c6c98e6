/**
 * How test setup provides one service: a configured one is used (its env var), else the installed
 * binary is started on a free port with a throw-away data folder, else it is installed from Debian
 * packages (as root on Debian or Ubuntu), else setup stops with one line naming the command to run.
 * A started server is leashed to this process, so it never outlives the test run.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** A running server and how to stop it. */
export interface Started {
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
  /** For a server the tests connect to (rather than launch themselves). */
  server?: {
    /** Env var carrying its address to the tests; when set beforehand, that server is used. */
    addressVar: string;
    /** Launches the binary (through `spawnLeashed`) on `port`, its files and `log` in `dataDir`. */
    start: (binary: string, port: number, dataDir: string) => Started;
    answers: (address: string) => Promise<boolean>;
  };
}

/** What setup needs from its surroundings; tests of setup replace these. */
export interface SetupOptions {
  env?: NodeJS.ProcessEnv;
  /** Whether missing packages may be installed (default: root on Debian or Ubuntu). */
  canInstall?: boolean;
  log?: (line: string) => void;
}

/** Thrown when a service cannot be provided; the message is the one line to show. */
export class ServiceSetupError extends Error {
  override name = 'ServiceSetupError';
}

/**
 * Finds, installs or starts every service in `services`. Returns the env vars for the tests and how to
 * stop what was started; on failure nothing started is left running.
 */
export async function prepareServices(
  services: ServiceSpec[],
  { env = process.env, canInstall = rootOnDebian(), log = () => undefined }: SetupOptions = {},
): Promise<{ env: Record<string, string>; stop: () => Promise<void> }> {
  const binaries = await findOrInstall(services, env, canInstall, log);
  const chosen: Record<string, string> = {};
  const started: Started[] = [];
  const stop = async () => {
    for (const server of started.splice(0).reverse()) await server.stop();
  };
  try {
    for (const [i, service] of services.entries()) {
      const binary = binaries[i]!;
      chosen[service.binaryVar] = binary;
      if (!service.server) continue;
      const { addressVar, answers } = service.server;
      const configured = env[addressVar];
      if (configured && !(await answers(configured))) {
        throw new ServiceSetupError(
          `${addressVar}=${redact(configured)} does not answer: start it or unset it.`,
        );
      }
      if (configured) {
        chosen[addressVar] = configured;
        log(`${service.name}: using ${addressVar}=${redact(configured)}`);
        continue;
      }
      const server = await startServer(service, binary);
      started.push(server);
      chosen[addressVar] = server.address;
      log(`${service.name}: started ${binary} at ${server.address}`);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { env: chosen, stop };
}

/** Each service's binary; the missing ones are installed in one go when allowed. */
async function findOrInstall(
  services: ServiceSpec[],
  env: NodeJS.ProcessEnv,
  canInstall: boolean,
  log: (line: string) => void,
): Promise<string[]> {
  const missing = services.filter((service) => !findBinary(service, env));
  if (missing.length) {
    const packages = missing.flatMap((service) => service.packages).join(' ');
    const names = missing.map((service) => service.name).join(', ');
    if (!canInstall) {
      const vars = missing.map((service) => service.binaryVar).join(', ');
      throw new ServiceSetupError(
        `The tests need ${names}, not found: run \`sudo apt-get install -y ${packages}\` (or set ${vars}).`,
      );
    }
    log(`installing ${packages} (the tests need ${names})`);
    await installPackages(packages.split(' '));
  }
  return services.map((service) => {
    const binary = findBinary(service, env);
    if (!binary) throw new ServiceSetupError(`${service.name}: not found even after installing it.`);
    return binary;
  });
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
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...packages]]) {
    const code = await new Promise<number | null>((resolve, reject) => {
      const aptGet = spawn('apt-get', [...apt, ...args], { env, stdio: ['ignore', 'ignore', 'inherit'] });
      aptGet.once('error', reject).once('exit', resolve);
    });
    if (code !== 0) throw new ServiceSetupError(`\`apt-get ${args.join(' ')}\` failed (exit ${code}).`);
  }
}

/** Starts a server on a free port with a throw-away folder; resolves once it answers. */
async function startServer(service: ServiceSpec, binary: string): Promise<Started> {
  const { start, answers } = service.server!;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `handoff-test-${service.commands[0]}-`));
  const server = start(binary, await freePort(), dataDir);
  const stop = async () => {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  for (const deadline = Date.now() + 10_000; !(await answers(server.address));) {
    if (Date.now() > deadline) {
      const log = path.join(dataDir, 'log');
      const lastLines = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n').slice(-3) : [];
      await stop();
      throw new ServiceSetupError(`${binary} did not answer at ${server.address}: ${lastLines.join(' | ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { address: server.address, stop };
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

/** The address without its password, for messages. */
function redact(address: string): string {
  try {
    const url = new URL(address);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return address;
  }
}
