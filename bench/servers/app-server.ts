/**
 * The server under test: the real app (`createApp`, the same composition root `npm start` uses)
 * with the docs knowledge base, configured from the environment the benchmark passes in.
 */
import { loadConfig } from '../../src/config';
import { loadKnowledgeBase } from '../../src/knowledge';
import { createLogger } from '../../src/logger';
import { createApp } from '../../app/create-app';
import { controlFromParent } from './child-control';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL);
  const cacheDir = process.env.BENCH_KB_CACHE_DIR;
  const knowledge = await loadKnowledgeBase({
    dir: config.KB_DIR,
    baseUrl: config.KB_BASE_URL,
    answerCacheSize: config.ANSWER_CACHE_SIZE,
    pageQuestions: config.KB_QUESTIONS,
    ...(cacheDir && { cacheDir }),
  });
  const app = await createApp(config, log, { knowledge });
  const url = await app.listen();
  const stats = knowledge.stats();
  controlFromParent(
    {
      type: 'ready',
      url,
      info: { pages: stats.pages, sections: stats.sections, kbFromCache: knowledge.docs.stats().fromCache },
    },
    async () => {
      await app.close();
      knowledge.close();
    },
    () => {
      const { hits, misses } = knowledge.stats().answerCache;
      // CPU time, not wall time: on a shared machine it is what compares from run to run.
      const cpu = process.cpuUsage();
      return { answerCacheHits: hits, answerCacheMisses: misses, cpuMicros: cpu.user + cpu.system };
    },
  );
}

void main().catch((error: unknown) => {
  process.stderr.write(`bench app server failed: ${String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
