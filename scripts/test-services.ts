/**
 * Jest's globalSetup: prepares the real services the tests use before any test runs, and exports
 * their addresses as env vars, which the test workers inherit (see prepare-services.ts for how each
 * is found, started or installed). globalTeardown (test-services-stop.ts) stops what was started.
 * A new service for the tests is one more entry in TEST_SERVICES.
 */
import path from 'node:path';
import { createClient } from 'redis';
import { prepareServices, ServiceSetupError, spawnLeashed, type ServiceSpec } from './prepare-services';

/** Redis: the Redis store, socket.io adapter and lease tests; the binary also for private servers. */
export const redis: ServiceSpec = {
  name: 'Redis',
  binaryVar: 'REDIS_SERVER_PATH',
  commands: ['redis-server'],
  packages: ['redis-server'],
  server: {
    addressVar: 'TEST_REDIS_URL',
    start: (binary, port, dir) => ({
      address: `redis://127.0.0.1:${port}`,
      ...spawnLeashed(binary, [
        ...['--port', String(port), '--bind', '127.0.0.1', '--daemonize', 'no'],
        ...['--dir', dir, '--logfile', path.join(dir, 'log'), '--save', '', '--appendonly', 'no'],
      ]),
    }),
    answers: redisAnswers,
  },
};

/** Chromium: the end-to-end tests launch it themselves through playwright-core. */
export const chromium: ServiceSpec = {
  name: 'Chromium',
  binaryVar: 'CHROMIUM_PATH',
  commands: ['chromium', 'chromium-browser'],
  packages: ['chromium'],
};

/** Dovecot: the e-mail tests start throw-away IMAP servers from it (test/support/imap-server.ts). */
export const dovecot: ServiceSpec = {
  name: 'Dovecot',
  binaryVar: 'DOVECOT_BIN',
  commands: ['dovecot'],
  packages: ['dovecot-imapd'],
};

/** Every service the test suite needs. */
export const TEST_SERVICES: ServiceSpec[] = [redis, chromium, dovecot];

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

const STOP = Symbol.for('handoff.testServices.stop');
type WithStop = typeof globalThis & { [STOP]?: () => Promise<void> };

/** Jest globalSetup: prepares TEST_SERVICES and exports their addresses to the test workers. */
export default async function setup(): Promise<void> {
  try {
    const prepared = await prepareServices(TEST_SERVICES, {
      log: (line) => process.stderr.write(`test services: ${line}\n`),
    });
    Object.assign(process.env, prepared.env);
    (globalThis as WithStop)[STOP] = prepared.stop;
  } catch (error) {
    if (!(error instanceof ServiceSetupError)) throw error;
    process.stderr.write(`\n${error.message}\n\n`);
    process.exit(1); // the one line, without a stack trace under it
  }
}

/** Jest globalTeardown: stops what setup started. */
export async function teardown(): Promise<void> {
  await (globalThis as WithStop)[STOP]?.();
}
