import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseOptions } from '../../bench/options';
import type { BenchResults } from '../../bench/results';

const projectDir = path.resolve(__dirname, '..', '..');

/** Runs `npm run bench -- --quick --only abuse --json` on the project's own small kb/. */
function runQuickAbuse(outDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(projectDir, 'bench', 'run.ts'),
        '--quick',
        '--only',
        'abuse',
        '--json',
        '--out',
        outDir,
      ],
      {
        cwd: projectDir,
        env: { ...process.env, KB_DIR: path.join(projectDir, 'kb') },
        maxBuffer: 10 * 1024 * 1024,
        timeout: 200_000,
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('npm run bench -- --only abuse', () => {
  it('is not part of a plain run, and is chosen by name', () => {
    expect(parseOptions([], projectDir).sections).not.toContain('abuse');
    expect(parseOptions(['--only', 'abuse'], projectDir).sections).toEqual(['abuse']);
  });

  it('floods a real app in --quick and reports memory, the attacks and the customers', async () => {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-abuse-smoke-'));
    try {
      const { code, stdout, stderr } = await runQuickAbuse(outDir);
      expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stderr: '' });
      const results = JSON.parse(stdout.trim()) as BenchResults;
      expect(results.throughput).toBeUndefined();
      const abuse = results.abuse!;
      expect(abuse.rssMiB.before).toBeGreaterThan(0);
      expect(abuse.rssMiB.after).toBeGreaterThan(0);
      const tallies = Object.values(abuse.attacks);
      for (const tally of tallies) expect(tally.sent).toBeGreaterThan(0);
      // What must hold under any flood: no 5xx, nothing on an invented token, no guessed password.
      expect(tallies.map((tally) => tally.serverErrors)).toEqual(tallies.map(() => 0));
      expect(abuse.attacks.inventedTokenUploads.accepted).toBe(0);
      expect(abuse.attacks.logins.accepted).toBe(0);
      expect(abuse.attacks.mintedSessions.accepted).toBeLessThanOrEqual(30);
      expect(abuse.customers.during.asked).toBeGreaterThan(0);
      expect(abuse.customers.during.missing).toBe(0);
      expect(abuse.healthyAfter).toBe(true);
      expect(abuse.fuzz).toBeUndefined();
      expect(results.targets.map((target) => target.target).join('\n')).toMatch(/abuse soak: RSS/);
      expect(fs.readFileSync(path.join(outDir, 'latest.md'), 'utf8')).toContain('9. abuse soak');
    } finally {
      fs.rmSync(outDir, { recursive: true, force: true });
    }
  }, 240_000);
});
