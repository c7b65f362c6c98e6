import { execFile } from 'node:child_process';
import path from 'node:path';

/** The property-based edge fuzzing (test/security/fuzz-edge.test.ts) at a benchmark's length. */
export interface LongFuzzResult {
  /** FUZZ_RUNS given to the test file (CI runs 15). */
  runs: number;
  passed: boolean;
  seconds: number;
  /** The first lines of jest's report when a property failed. */
  failure?: string;
}

/**
 * Runs the CI fuzz test file with a higher FUZZ_RUNS in a jest child: the same generators and
 * assertions (no 5xx, no error logged, a normal chat afterwards), many more generated payloads.
 */
export function runLongFuzz(projectDir: string, runs: number, timeoutMs: number): Promise<LongFuzzResult> {
  const started = performance.now();
  const jest = require.resolve('jest/bin/jest');
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [
        jest,
        '--runTestsByPath',
        path.join('test', 'security', 'fuzz-edge.test.ts'),
        `--testTimeout=${timeoutMs}`,
      ],
      {
        cwd: projectDir,
        env: { ...process.env, FUZZ_RUNS: String(runs) },
        timeout: timeoutMs + 120_000,
        maxBuffer: 20 * 1024 * 1024,
      },
      (error, _stdout, stderr) => {
        const seconds = Math.round((performance.now() - started) / 1000);
        if (!error) return resolve({ runs, passed: true, seconds });
        const failure = stderr
          .split('\n')
          .filter((line) => line.trim() !== '')
          .slice(0, 40)
          .join('\n');
        resolve({ runs, passed: false, seconds, failure });
      },
    );
  });
}
