import path from 'node:path';
import { loadConfig, ConfigError } from '../src/config';
import { createLogger } from '../src/logger';
import { loadKnowledgeBase } from '../src/knowledge';
import { createApp } from './create-app';
import { languageModelsFrom } from './language-models';

/** Starts the server from the environment: the README's first command ends up here. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger(config.LOG_LEVEL);
  const knowledge = await loadKnowledgeBase({
    dir: config.KB_DIR,
    baseUrl: config.KB_BASE_URL,
    answerCacheSize: config.ANSWER_CACHE_SIZE,
    cacheDir: path.join(config.DATA_DIR, 'kb-index'),
    watch: true,
    log: (level, msg, fields) => log[level](fields ?? {}, msg),
    ...languageModelsFrom(config),
  });
  const stats = knowledge.stats();
  log.info(
    { kbDir: config.KB_DIR, pages: stats.pages, sections: stats.sections, buildMs: stats.buildMs },
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

void main();
