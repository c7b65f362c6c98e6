/**
 * Writes a noisy copy of a questions file (see `load/noisy-questions.ts`): how retrieval holds up
 * to the way customers type. Run it over the team's own held-out questions only, never over the
 * dev sets.
 *
 *   npx tsx bench/noisy-questions.ts <in.jsonl> <out.jsonl> [variants] [seed]
 */
import fs from 'node:fs';
import { readQuestions } from '../src/knowledge/evaluation';
import { noisyCopies } from './load/noisy-questions';

const [input, output, variants = '3', seed = '20261130'] = process.argv.slice(2);
if (!input || !output) {
  process.stderr.write('usage: npx tsx bench/noisy-questions.ts <in.jsonl> <out.jsonl> [variants] [seed]\n');
  process.exit(2);
}
const noisy = noisyCopies(readQuestions(input), Number(variants), Number(seed));
fs.writeFileSync(output, `${noisy.map((question) => JSON.stringify(question)).join('\n')}\n`);
