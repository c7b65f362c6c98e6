import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import {
  prepareServices,
  ServiceSetupError,
  type ServiceSpec,
  type Started,
} from '../../scripts/prepare-services';
import { chromium, redis, redisAnswers } from '../../scripts/test-services';
import { serviceEnv } from '../support/service-env';
import { freePort } from '../multi-instance/instances';

const ROOT = path.resolve(__dirname, '..', '..');
const PATH = process.env.PATH ?? '';

/** Redis whose start() calls are recorded, so a test sees what setup started. */
function watchedRedis(): { spec: ServiceSpec; started: Started[] } {
  const server = redis.server!;
  const started: Started[] = [];
  const start = (binary: string, port: number, dataDir: string) => {
    const one = server.start(binary, port, dataDir);
    started.push(one);
    return one;
  };
  return { spec: { ...redis, server: { ...server, start } }, started };
}

describe('test service setup', () => {
  it('uses a Redis that is configured and answering, and starts none', async () => {
    const { spec, started } = watchedRedis();
    const configured = serviceEnv('TEST_REDIS_URL');
    const chromiumPath = process.execPath; // any executable stands for a configured Chromium

    const prepared = await prepareServices([spec, chromium], {
      env: { PATH, TEST_REDIS_URL: configured, CHROMIUM_PATH: chromiumPath },
      canInstall: false,
    });
    await prepared.stop();

    expect(started).toHaveLength(0);
    expect(prepared.env.TEST_REDIS_URL).toBe(configured);
    expect(prepared.env.CHROMIUM_PATH).toBe(chromiumPath);
    expect(await redisAnswers(configured)).toBe(true);
  });

  it('starts a private Redis on a free port when none is configured, and stops it', async () => {
    const { spec, started } = watchedRedis();

    const prepared = await prepareServices([spec], { env: { PATH }, canInstall: false });
    const url = prepared.env.TEST_REDIS_URL!;

    expect(started).toHaveLength(1);
    expect(url).toMatch(/^redis:\/\/127\.0\.0\.1:\d+$/);
    expect(url).not.toBe(serviceEnv('TEST_REDIS_URL'));
    expect(url).not.toMatch(/:6379$/);
    expect(prepared.env.REDIS_SERVER_PATH).toMatch(/redis-server$/);
    expect(await redisAnswers(url)).toBe(true);
    await prepared.stop();
    expect(await redisAnswers(url)).toBe(false);
  });

  it('fails with one line naming the install command when no binary is found', async () => {
    const emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-empty-path-'));
    try {
      const failure = prepareServices([redis, chromium], { env: { PATH: emptyDir }, canInstall: false });

      await expect(failure).rejects.toThrow(ServiceSetupError);
      await expect(failure).rejects.toThrow(
        'The tests need Redis, Chromium, not found: run `sudo apt-get install -y redis-server chromium` ' +
          '(or set REDIS_SERVER_PATH, CHROMIUM_PATH).',
      );
    } finally {
      fs.rmSync(emptyDir, { recursive: true, force: true });
    }
  });

  it('fails clearly on a configured binary that does not exist', async () => {
    const env = { PATH, CHROMIUM_PATH: '/nonexistent/chromium' };

    await expect(prepareServices([chromium], { env, canInstall: false })).rejects.toThrow(
      'CHROMIUM_PATH=/nonexistent/chromium is not an executable file.',
    );
  });

  it('fails on a configured Redis that does not answer, and stops what it had started', async () => {
    const { spec, started } = watchedRedis();
    const silent = `redis://127.0.0.1:${await freePort()}`;
    const configuredElsewhere: ServiceSpec = {
      ...redis,
      name: 'Other Redis',
      server: { ...redis.server!, addressVar: 'OTHER_REDIS_URL' },
    };

    await expect(
      prepareServices([spec, configuredElsewhere], {
        env: { PATH, OTHER_REDIS_URL: silent },
        canInstall: false,
      }),
    ).rejects.toThrow(`OTHER_REDIS_URL=${silent} does not answer: start it or unset it.`);

    expect(started).toHaveLength(1);
    expect(await redisAnswers(started[0]!.address)).toBe(false);
  });

  it('stops a started Redis when the process that started it dies without a teardown', async () => {
    const script = [
      "const { prepareServices } = require('./scripts/prepare-services.ts');",
      "const { redis } = require('./scripts/test-services.ts');",
      'prepareServices([redis], { canInstall: false }).then((p) => console.log(p.env.TEST_REDIS_URL));',
      'setInterval(() => undefined, 1000);',
    ].join('\n');
    const env = { ...process.env, TEST_REDIS_URL: '' };
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], {
      cwd: ROOT,
      env,
      stdio: 'pipe',
    });
    const url = await new Promise<string>((resolve) => {
      createInterface({ input: child.stdout }).once('line', resolve);
    });
    expect(await redisAnswers(url)).toBe(true);

    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;

    const deadline = Date.now() + 5000;
    while ((await redisAnswers(url)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await redisAnswers(url)).toBe(false);
  });
});
