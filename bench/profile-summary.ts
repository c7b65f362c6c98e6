/**
 * Prints where a V8 CPU profile (`node --cpu-prof`, or `npm run bench -- --profile DIR`) spent its
 * time: the functions with the most self time, and the project files with the most total time.
 * Usage: npx tsx bench/profile-summary.ts FILE.cpuprofile [TOP] [--load-only]
 * `--load-only` keeps the samples from the first to the last one inside the engine's inbound
 * pipeline (the first and last customer message), leaving out start-up and shutdown.
 */
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The file whose frames mark a sample as handling a customer message. */
const LOAD_MARKER = 'src/engine/inbound-pipeline.ts';

/** Self time per function and total (inclusive) time per project source file, in ms. */
export function summarizeProfile(
  profile: CpuProfile,
  options: { loadOnly?: boolean } = {},
): {
  totalMs: number;
  self: [string, number][];
  files: [string, number][];
} {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  let first = 0;
  let last = profile.samples.length - 1;
  if (options.loadOnly) {
    const inLoad = (id: number) => {
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        if (byId.get(at)!.callFrame.url.endsWith(LOAD_MARKER)) return true;
      }
      return false;
    };
    first = profile.samples.findIndex(inLoad);
    last = profile.samples.findLastIndex(inLoad);
    if (first < 0) throw new Error(`no sample inside ${LOAD_MARKER}: was there any load?`);
  }
  const selfById = new Map<number, number>();
  for (let i = first; i <= last; i += 1) {
    const id = profile.samples[i]!;
    selfById.set(id, (selfById.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  const self = new Map<string, number>();
  const files = new Map<string, number>();
  for (const [id, ms] of selfById) {
    const frame = byId.get(id)!.callFrame;
    const key = `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + ms);
    // Inclusive time per project file: count each file once per sample stack.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const url = shortUrl(byId.get(at)!.callFrame.url);
      if (url && !url.includes('node_modules') && !url.startsWith('node:') && !seen.has(url)) {
        seen.add(url);
        files.set(url, (files.get(url) ?? 0) + ms);
      }
    }
  }
  const sorted = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]);
  const totalMs = [...selfById.values()].reduce((sum, ms) => sum + ms, 0);
  return { totalMs, self: sorted(self), files: sorted(files) };
}

function shortUrl(url: string): string {
  return url.replace(/^file:\/\//, '').replace(process.cwd() + '/', '');
}

function main(): void {
  // Piped into `head`: stop quietly when the reader has had enough.
  process.stdout.on('error', () => process.exit(0));
  const args = process.argv.slice(2);
  const loadOnly = args.includes('--load-only');
  const [file, top = '25'] = args.filter((arg) => arg !== '--load-only');
  if (!file) throw new Error('usage: npx tsx bench/profile-summary.ts FILE.cpuprofile [TOP] [--load-only]');
  const summary = summarizeProfile(JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile, { loadOnly });
  const pct = (ms: number) => `${((100 * ms) / summary.totalMs).toFixed(1).padStart(5)}%`;
  process.stdout.write(`total ${Math.round(summary.totalMs)} ms\n\nself time:\n`);
  for (const [name, ms] of summary.self.slice(0, Number(top))) process.stdout.write(`${pct(ms)}  ${name}\n`);
  process.stdout.write('\nproject files (inclusive):\n');
  for (const [name, ms] of summary.files.slice(0, Number(top))) process.stdout.write(`${pct(ms)}  ${name}\n`);
}

if (require.main === module) main();
