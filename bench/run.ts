/**
 * `npm run bench`: measures the real app against a bare socket.io server on this machine, over
 * loopback, in bounded time, and prints a table (or, with `--json`, one JSON object).
 * Flags: --quick (tiny load), --json, --only SECTION[,SECTION], --out DIR, --profile DIR, --no-docs.
 * The abuse soak runs only when asked for: `--only abuse`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../app/project-root';
import { createContext } from './context';
import { describeMachine, openFilesLimit } from './machine';
import { parseOptions, type BenchOptions, type Section } from './options';
import { loadSeed } from './questions';
import { updateBenchmarksDoc } from './report/benchmarks-doc';
import { latencyPlotSvg } from './report/latency-plot';
import { renderTable } from './report/table';
import { checkTargets, type BenchResults } from './results';
import { measureAbuse } from './sections/abuse';
import { measureChannels } from './sections/channels';
import { measureHandoff } from './sections/handoff';
import { measureIdleMemory } from './sections/idle-memory';
import { measureRetrieval } from './sections/retrieval';
import { measureBotpressShape, measureCostGrowth, measureThroughputPair } from './sections/throughput';

/** Botpress v12's published benchmark (1,000 users x 5 messages on localhost): 12 s average latency. */
const BOTPRESS_REFERENCE = { label: 'Botpress v12, 1,000 users x 5 msgs: 12 s average', ms: 12_000 };

/** No run may take longer than this, whatever hangs: the benchmark always stops by itself. */
const HARD_LIMIT_MS = { quick: 4 * 60_000, full: 25 * 60_000 };

async function main(): Promise<void> {
  const root = projectRoot();
  let options: BenchOptions;
  try {
    options = parseOptions(process.argv.slice(2), root);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  const watchdog = setTimeout(
    () => {
      process.stderr.write('[bench] hard time limit reached; stopping\n');
      process.exit(3);
    },
    options.quick ? HARD_LIMIT_MS.quick : HARD_LIMIT_MS.full,
  );
  watchdog.unref();

  const files = openFilesLimit();
  const machine = describeMachine(files);
  const { seed, source } = loadSeed(options.seedFile);
  const plan = options.plan;
  if (files !== undefined && plan.idleCustomers + 500 > files) {
    process.stderr.write(
      `[bench] open-files limit ${files} is below ${plan.idleCustomers} sockets; raise it (ulimit -n 20000) for the memory section\n`,
    );
    plan.idleCustomers = Math.max(100, files - 500);
  }
  const context = createContext(options, seed);
  const started = Date.now();
  const partial: Omit<BenchResults, 'targets' | 'durationS'> = {
    startedAt: new Date(started).toISOString(),
    command: options.command,
    quick: options.quick,
    machine,
    setup:
      `loopback 127.0.0.1; each server under test in its own child process, all clients in the benchmark ` +
      `process, on the same ${machine.cores}-core machine (clients and server compete for the cores)`,
    kbDir: path.relative(root, options.kbDir) || options.kbDir,
    seed: { source, count: seed.length, repeatShare: options.repeatShare },
    scale: options.scale,
  };
  const errors: string[] = [];
  const run = async (section: Section, body: () => Promise<void>) => {
    if (!options.sections.includes(section)) return;
    try {
      await body();
    } catch (error) {
      errors.push(`${section}: ${(error as Error).message}`);
      context.progress(`${section} failed: ${(error as Error).stack ?? String(error)}`);
    }
  };
  const limit = options.sections.includes('limit');
  const bot = options.sections.includes('bot');
  if (limit || bot) {
    await run(limit ? 'limit' : 'bot', async () => {
      partial.throughput = await measureThroughputPair(context, { limit, bot });
    });
  }
  await run('botpress', async () => {
    partial.botpress = await measureBotpressShape(context);
  });
  await run('handoff', async () => {
    partial.handoff = await measureHandoff(context);
  });
  await run('channels', async () => {
    partial.channels = await measureChannels(context);
  });
  await run('memory', async () => {
    partial.memory = await measureIdleMemory(context);
  });
  await run('retrieval', async () => {
    partial.retrieval = await measureRetrieval(context);
  });
  await run('growth', async () => {
    partial.growth = await measureCostGrowth(context);
  });
  await run('abuse', async () => {
    partial.abuse = await measureAbuse(context);
  });

  const results: BenchResults & { errors?: string[] } = {
    ...partial,
    durationS: Math.round((Date.now() - started) / 1000),
    targets: checkTargets(partial),
    ...(errors.length && { errors }),
  };
  writeOutputs(options, results, root);
  process.stdout.write(options.json ? `${JSON.stringify(results)}\n` : `${renderTable(results)}\n`);
  process.exit(errors.length ? 1 : 0);
}

function writeOutputs(options: BenchOptions, results: BenchResults, root: string): void {
  fs.mkdirSync(options.outDir, { recursive: true });
  fs.writeFileSync(path.join(options.outDir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  const table = renderTable(results);
  fs.writeFileSync(path.join(options.outDir, 'latest.md'), `${table}\n`);
  const levels = results.growth ?? [];
  if (levels.length) {
    const m = results.machine;
    const caption = `${m.cores} cores ${m.cpuModel}, Node ${m.node}, loopback, client and server on one machine, ${results.startedAt.slice(0, 10)}`;
    fs.writeFileSync(
      path.join(options.outDir, 'latency-vs-customers.svg'),
      latencyPlotSvg(levels, caption, BOTPRESS_REFERENCE),
    );
  }
  if (options.updateDocs) updateBenchmarksDoc(path.join(root, 'BENCHMARKS.md'), table);
}

void main().catch((error: unknown) => {
  process.stderr.write(`[bench] failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
