/**
 * The server under test: the real app (`createApp`, the same composition root `npm start` uses)
 * with the docs knowledge base, configured from the environment the benchmark passes in.
 */
import { loadConfig } from '../../src/config';
import { loadKnowledgeBase, type KnowledgeAnswer, type KnowledgeBase } from '../../src/knowledge';
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
    ...(cacheDir && { cacheDir }),
  });
  // Diagnosis only (`--cached-answers`): each distinct question is retrieved once, then served
  // from memory, to show what the bot path costs without docs retrieval.
  const cached = process.env.BENCH_CACHED_ANSWERS === '1' ? cachingAnswers(knowledge) : knowledge;
  const app = await createApp(config, log, { knowledge: cached });
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
  );
}

function cachingAnswers(knowledge: KnowledgeBase): KnowledgeBase {
  const answers = new Map<string, Promise<KnowledgeAnswer>>();
  return {
    search: (query, limit) => knowledge.search(query, limit),
    stats: () => knowledge.stats(),
    answer: (query) => {
      let answer = answers.get(query);
      if (!answer) answers.set(query, (answer = knowledge.answer(query)));
      return answer;
    },
  };
}

void main().catch((error: unknown) => {
  process.stderr.write(`bench app server failed: ${String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
