import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(__dirname, '../..');
const MAIN = path.join(ROOT, 'app/main.ts');
// By file URL: the server runs in a folder of its own, where `--import tsx` would not resolve.
const TSX = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

/** The server the current test started (killed after it, whatever happened). */
let running: ChildProcess | undefined;

/** Runs `app/main.ts` as `npm start` does, in `cwd`, with only the environment given. */
function startMain(
  cwd: string,
  env: Record<string, string>,
): { child: ChildProcess; stderr: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', TSX, MAIN], {
    cwd,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.resume();
  running = child;
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, stderr: () => stderr, exit };
}

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('starting the server', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-start-'));
  });
  afterEach(() => {
    running?.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads .env, and stops on a bad policy file with one line naming the field, no stack trace', async () => {
    fs.writeFileSync(path.join(dir, 'policy.json'), JSON.stringify({ businessHours: { open: '25:00' } }));
    // The policy file is named only in .env: the error proves the file was read.
    fs.writeFileSync(path.join(dir, '.env'), 'POLICY_FILE=./policy.json\nDATA_DIR=./data\n');
    const run = startMain(dir, {});
    expect(await run.exit).toBe(2);
    const lines = run.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^handoff cannot start: Invalid support policy: businessHours\.open: /);
    expect(run.stderr()).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('gives up on an unreachable Redis after the set attempts, showing the retry state on /readyz', async () => {
    const port = await freePort();
    const deadRedis = await freePort();
    const run = startMain(dir, {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: path.join(dir, 'data'),
      REDIS_URL: `redis://:redis-password@127.0.0.1:${deadRedis}`,
      REDIS_CONNECT_ATTEMPTS: '3',
    });
    let ready:
      | {
          status: number;
          body: {
            ready: boolean;
            redis?: { state: string; attempt: number; maxAttempts: number; lastError?: string };
          };
        }
      | undefined;
    for (let i = 0; i < 100 && !ready?.body.redis?.lastError; i += 1) {
      const response = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined);
      if (response)
        ready = {
          status: response.status,
          body: (await response.json()) as NonNullable<typeof ready>['body'],
        };
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(ready?.status).toBe(503);
    expect(ready?.body).toMatchObject({
      ready: false,
      redis: { state: 'retrying', attempt: 1, maxAttempts: 3 },
    });
    expect(ready?.body.redis?.lastError).toContain('ECONNREFUSED');
    expect(await run.exit).toBe(2);
    const lines = run.stderr().trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(
          `^handoff cannot start: Cannot reach Redis at redis://127\\.0\\.0\\.1:${deadRedis} \\(REDIS_URL\\) after 3 attempts: .*ECONNREFUSED`,
        ),
      ),
    ]);
    expect(run.stderr()).not.toContain('redis-password');
  }, 60_000);
});
