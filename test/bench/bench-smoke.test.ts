import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchResults } from '../../bench/results';

const projectDir = path.resolve(__dirname, '..', '..');

/** Runs `npm run bench -- --quick --json` on the project's own small kb/ and parses its one JSON object. */
function runQuickBench(outDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', path.join(projectDir, 'bench', 'run.ts'), '--quick', '--json', '--out', outDir],
      {
        cwd: projectDir,
        env: {
          ...process.env,
          KB_DIR: path.join(projectDir, 'kb'),
        },
        maxBuffer: 10 * 1024 * 1024,
        timeout: 280_000,
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('npm run bench -- --quick', () => {
  let outDir: string;
  beforeAll(() => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-bench-smoke-'));
  });
  afterAll(() => {
    fs.rmSync(outDir, { recursive: true, force: true });
  });

  it('runs every section end to end and reports one JSON object, a table and a plot', async () => {
    const { code, stdout, stderr } = await runQuickBench(outDir);
    expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stderr: '' });
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const results = JSON.parse(lines[0]!) as BenchResults;

    expect(results.machine.cores).toBeGreaterThan(0);
    expect(results.machine.node).toBe(process.version);
    expect(results.seed.source).toMatch(/built-in/);
    expect(results.seed.repeatShare).toBe(0.1);
    // Every customer message of the tiny load got its answer, from the echo and from the real app.
    expect(results.throughput?.limit?.answered).toBeGreaterThan(0);
    expect(results.throughput?.limit?.missing).toBe(0);
    // Every message got a reply; whether of the right kind depends on the tiny kb/ (not asserted).
    const bot = results.throughput!.bot!;
    expect(bot.answered + bot.wrongKind).toBe(bot.sent);
    expect(bot.sent).toBeGreaterThan(0);
    expect(bot.missing).toBe(0);
    // The server's own CPU time during the load, per message (read in the child, not guessed).
    expect(bot.serverCpuMsPerMessage).toBeGreaterThan(0);
    expect(typeof results.throughput?.ratio).toBe('number');
    // The echo and the app were given the same messages, and the app's replies were sorted by kind.
    expect(results.throughput?.limit?.accept).toBe('any');
    expect(results.throughput?.bot?.accept).toBe('kind');
    expect(results.throughput?.bot?.mix?.messages).toBe(results.throughput?.bot?.sent);
    // The fully cached row asks the seed verbatim: everything after the first pass is a repeat.
    const cached = results.throughput?.botCached?.mix;
    expect(cached?.messages).toBeGreaterThan(0);
    expect(cached?.repeats).toBe(Math.max(0, cached!.messages - results.seed.count));
    expect(results.botpress).toMatchObject({ customers: 10, missing: 0 });
    expect(results.handoff?.handoffs).toBe(3);
    expect(results.handoff?.missing).toBe(0);
    expect(results.channels?.telegram.available).toBe(true);
    expect(results.channels?.telegram.missingReplies).toBe(0);
    expect(results.memory?.connected).toBe(50);
    expect(results.retrieval?.sections).toBeGreaterThan(0);
    expect(results.growth?.map((level) => level.customers)).toEqual([2, 5, 10]);
    expect(results.targets.length).toBeGreaterThanOrEqual(5);

    const written = JSON.parse(fs.readFileSync(path.join(outDir, 'latest.json'), 'utf8')) as BenchResults;
    expect(written.startedAt).toBe(results.startedAt);
    expect(fs.readFileSync(path.join(outDir, 'latest.md'), 'utf8')).toContain('| measurement |');
    const svg = fs.readFileSync(path.join(outDir, 'latency-vs-customers.svg'), 'utf8');
    expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg.match(/<polyline /g)).toHaveLength(3);
  }, 300_000);
});
