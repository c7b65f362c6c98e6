import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, type Config } from '../src/config';
import { createLogger, type Logger } from '../src/logger';
import { loadKnowledgeBase } from '../src/knowledge';
import { loadPolicy } from '../src/policy/load-policy';
import { createApp } from './create-app';
import { languageModelsFrom } from './language-models';
import { startupErrorLine } from './startup-error';
import { startStartupProbe } from './startup-probe';
import { waitForRedis, type RedisWaitState } from './wait-for-redis';

/** Starts the server from the environment: the README's first command ends up here. */
async function main(): Promise<void> {
  // Settings in ./.env are read first; a variable already set in the environment wins over the file.
  if (fs.existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  // A bad policy file is found now, in one line, before minutes of indexing the docs.
  loadPolicy(config.POLICY_FILE);
  const log = createLogger(config.LOG_LEVEL);
  if (config.REDIS_URL) await waitForRedisWithProbe(config, config.REDIS_URL, log);
  const knowledge = await loadKnowledgeBase({
    dir: config.KB_DIR,
    baseUrl: config.KB_BASE_URL,
    answerCacheSize: config.ANSWER_CACHE_SIZE,
    pageQuestions: config.KB_QUESTIONS,
    cacheDir: path.join(config.DATA_DIR, 'kb-index'),
    watch: true,
    log: (level, msg, fields) => log[level](fields ?? {}, msg),
    ...languageModelsFrom(config),
  });
  const stats = knowledge.stats();
  log.info(
    {
      kbDir: config.KB_DIR,
      pages: stats.pages,
      sections: stats.sections,
      pageQuestions: stats.pageQuestions,
      buildMs: stats.buildMs,
    },
    'docs loaded',
  );
  const app = await createApp(config, log, { knowledge });
  const url = await app.listen();
  log.info(
    { url, dataDir: config.DATA_DIR },
    `handoff is running: chat demo at ${url}/ , agent console at ${url}/console`,
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'draining');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    void app
      .close()
      .then(() => knowledge.close())
      .then(() => process.exit(0));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

/** Waits for Redis (bounded), answering `/readyz` with the retry state on the app's port meanwhile. */
async function waitForRedisWithProbe(config: Config, url: string, log: Logger): Promise<void> {
  let state: RedisWaitState = { state: 'connecting', attempt: 0, maxAttempts: config.REDIS_CONNECT_ATTEMPTS };
  const probe = await startStartupProbe({
    port: config.PORT,
    host: config.HOST,
    waitingFor: () => ({ redis: state }),
  });
  try {
    await waitForRedis({
      url,
      maxAttempts: config.REDIS_CONNECT_ATTEMPTS,
      onState: (next) => {
        state = next;
        if (next.state === 'retrying') {
          log.warn(next, `Redis does not answer (attempt ${next.attempt} of ${next.maxAttempts}); retrying`);
        }
      },
    });
  } finally {
    await probe.close();
  }
}

main().catch((error: unknown) => {
  const line = startupErrorLine(error);
  if (line === undefined) throw error;
  process.stderr.write(`handoff cannot start: ${line}\n`);
  process.exit(2);
});
