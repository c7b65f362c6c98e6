import fs from 'node:fs';
import path from 'node:path';

/** The parts of one benchmark run, in the order they run. */
export const SECTIONS = [
  'limit',
  'bot',
  'botpress',
  'handoff',
  'channels',
  'memory',
  'retrieval',
  'growth',
] as const;
/** Parts run only when named with `--only`: the abuse soak floods for a minute and fuzzes for more. */
export const OPT_IN_SECTIONS = ['abuse'] as const;
/** One part of the benchmark (`--only` takes these names, comma separated). */
export type Section = (typeof SECTIONS)[number] | (typeof OPT_IN_SECTIONS)[number];

/** How much load each section applies; `--quick` swaps in a tiny plan for the smoke test. */
export interface LoadPlan {
  /** Concurrent customers of the throughput pair (limit and bot path). */
  throughputCustomers: number;
  throughputMs: number;
  botpressCustomers: number;
  botpressMessages: number;
  handoffs: number;
  repliesPerHandoff: number;
  /** Webhooks in flight at once, and for how long each channel is driven. */
  webhookConcurrency: number;
  webhookMs: number;
  idleCustomers: number;
  retrievalRounds: number;
  growthLevels: number[];
  /** A message with no answer after this long counts as missing. */
  answerTimeoutMs: number;
  /** Longest any one load may run before it stops asking. */
  loadDeadlineMs: number;
}

const FULL: LoadPlan = {
  throughputCustomers: 200,
  throughputMs: 10_000,
  botpressCustomers: 1000,
  botpressMessages: 5,
  handoffs: 200,
  repliesPerHandoff: 5,
  webhookConcurrency: 50,
  webhookMs: 5_000,
  idleCustomers: 10_000,
  retrievalRounds: 20,
  growthLevels: [100, 1000, 5000],
  answerTimeoutMs: 30_000,
  loadDeadlineMs: 60_000,
};

const QUICK: LoadPlan = {
  throughputCustomers: 5,
  throughputMs: 1_000,
  botpressCustomers: 10,
  botpressMessages: 2,
  handoffs: 3,
  repliesPerHandoff: 2,
  webhookConcurrency: 4,
  webhookMs: 500,
  idleCustomers: 50,
  retrievalRounds: 1,
  growthLevels: [2, 5, 10],
  answerTimeoutMs: 15_000,
  loadDeadlineMs: 20_000,
};

/** Everything a run is told on the command line, with defaults resolved. */
export interface BenchOptions {
  quick: boolean;
  json: boolean;
  sections: Section[];
  plan: LoadPlan;
  kbDir: string;
  /** A JSON file of seed messages (BENCH_SEED); the built-in seed when undefined. */
  seedFile: string | undefined;
  /** Share of word-for-word repeats in the realistic load (`--repeat-share`, default 0.1). */
  repeatShare: number;
  /** The plan's size against the full one (`--scale`, 1 = full). */
  scale: number;
  /** Where the JSON, the table and the SVG plot are written. */
  outDir: string;
  /** Rewrite the results block of BENCHMARKS.md (full runs of every section only). */
  updateDocs: boolean;
  /** Write CPU profiles of the servers under test here (`--cpu-prof`). */
  cpuProfileDir: string | undefined;
  /** The command line, as printed next to the results. */
  command: string;
}

const USAGE = `usage: npm run bench -- [--quick] [--json] [--only ${[...SECTIONS, ...OPT_IN_SECTIONS].join(',')}] [--out DIR] [--profile DIR] [--no-docs] [--repeat-share 0.1] [--scale 1]`;

/** Parses the command line; throws with the usage text on a bad flag. */
export function parseOptions(argv: readonly string[], projectDir: string): BenchOptions {
  let quick = false;
  let json = false;
  let only: Section[] | undefined;
  let outDir = path.join(projectDir, 'bench', 'results');
  let cpuProfileDir: string | undefined;
  let noDocs = false;
  let repeatShare = 0.1;
  let scale = 1;
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = () => {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new Error(`${flag} needs a value\n${USAGE}`);
      i += 1;
      return next;
    };
    if (flag === '--quick') quick = true;
    else if (flag === '--json') json = true;
    else if (flag === '--only') only = parseSections(value());
    else if (flag === '--out') outDir = path.resolve(value());
    else if (flag === '--profile') cpuProfileDir = path.resolve(value());
    else if (flag === '--no-docs') noDocs = true;
    else if (flag === '--repeat-share') repeatShare = fraction(flag, value(), 0, 1);
    else if (flag === '--scale') scale = fraction(flag, value(), 0.01, 1);
    else if (flag === '--help' || flag === '-h') throw new Error(USAGE);
    else throw new Error(`unknown flag ${flag}\n${USAGE}`);
  }
  const sharedKb = path.resolve(projectDir, '..', 'shared', 'kb', 'connexcs-docs');
  const kbDir = process.env.KB_DIR
    ? path.resolve(process.env.KB_DIR)
    : fs.existsSync(sharedKb)
      ? sharedKb
      : path.join(projectDir, 'kb');
  const seedFile = process.env.BENCH_SEED ? path.resolve(process.env.BENCH_SEED) : undefined;
  return {
    quick,
    json,
    sections: only ?? [...SECTIONS],
    plan: scaled(quick ? QUICK : FULL, scale),
    kbDir,
    seedFile,
    repeatShare,
    scale,
    outDir,
    // Only a full-size run of every section may rewrite the published figures.
    updateDocs: !quick && !noDocs && only === undefined && scale === 1,
    cpuProfileDir,
    command: ['npm run bench', ...(argv.length ? ['--', ...argv] : [])].join(' '),
  };
}

/**
 * A smaller plan for a busy machine (`--scale 0.2`): customers, messages and durations shrink;
 * timeouts do not, so a slow answer still counts as slow rather than missing.
 */
function scaled(plan: LoadPlan, scale: number): LoadPlan {
  if (scale === 1) return { ...plan, growthLevels: [...plan.growthLevels] };
  const at = (n: number, least = 1) => Math.max(least, Math.round(n * scale));
  return {
    ...plan,
    throughputCustomers: at(plan.throughputCustomers, 2),
    throughputMs: at(plan.throughputMs, 1000),
    botpressCustomers: at(plan.botpressCustomers, 2),
    handoffs: at(plan.handoffs, 2),
    webhookMs: at(plan.webhookMs, 500),
    idleCustomers: at(plan.idleCustomers, 50),
    retrievalRounds: at(plan.retrievalRounds),
    growthLevels: plan.growthLevels.map((level) => at(level, 2)),
  };
}

function fraction(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max)
    throw new Error(`${flag} takes a number from ${min} to ${max}, not "${text}"\n${USAGE}`);
  return value;
}

function parseSections(list: string): Section[] {
  const names = list.split(',').map((name) => name.trim());
  const known: readonly string[] = [...SECTIONS, ...OPT_IN_SECTIONS];
  for (const name of names) {
    if (!known.includes(name)) throw new Error(`unknown section "${name}"; sections: ${known.join(', ')}`);
  }
  return names as Section[];
}
