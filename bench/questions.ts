import fs from 'node:fs';
import path from 'node:path';
import { SEED_MESSAGES, type ExpectedKind, type SeedMessage } from './load/seed-messages';

const KINDS: readonly ExpectedKind[] = ['docs', 'policy', 'report', 'handoff'];

/**
 * The seed of the load: the built-in set (bench/load/seed-messages.ts), or a JSON file of
 * `[{ "text": "...", "kind": "docs" | "policy" | "report" | "handoff" }]` (BENCH_SEED) for a
 * desk that wants its own. Never the evaluation sets: the load is not to be tuned on them.
 */
export function loadSeed(file: string | undefined): { seed: readonly SeedMessage[]; source: string } {
  if (!file) return { seed: SEED_MESSAGES, source: 'built-in (bench/load/seed-messages.ts)' };
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  if (!Array.isArray(parsed)) throw new Error(`${file}: expected a JSON array of { text, kind }`);
  const seed = parsed.map((row: { text?: unknown; kind?: unknown }, i) => {
    if (typeof row?.text !== 'string' || !row.text.trim() || !KINDS.includes(row.kind as ExpectedKind))
      throw new Error(`${file}[${i}]: needs a text and a kind (${KINDS.join(', ')})`);
    return { text: row.text, kind: row.kind as ExpectedKind };
  });
  if (seed.length === 0) throw new Error(`no seed messages in ${file}`);
  return { seed, source: path.relative(process.cwd(), file) || file };
}
