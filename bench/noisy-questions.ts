/**
 * Writes a noisy copy of a questions file: each question varied a few times by the load's message
 * generator (typing slips, extra words, reordered clauses, lower case), labels and gold pages
 * kept. For measuring how retrieval holds up to the way customers type; run it over the team's
 * own held-out questions only, never over the dev sets.
 *
 *   npx tsx bench/noisy-questions.ts <in.jsonl> <out.jsonl> [variants] [seed]
 */
import fs from 'node:fs';
import { readQuestions } from '../src/knowledge/evaluation';
import { vary } from './load/message-mix';

/** mulberry32, as the load uses: the same seed gives the same noisy set. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const [input, output, variants = '3', seed = '20261130'] = process.argv.slice(2);
if (!input || !output) {
  process.stderr.write('usage: npx tsx bench/noisy-questions.ts <in.jsonl> <out.jsonl> [variants] [seed]\n');
  process.exit(2);
}
const random = prng(Number(seed));
const lines: string[] = [];
for (const question of readQuestions(input)) {
  for (let i = 0; i < Number(variants); i += 1) {
    lines.push(
      JSON.stringify({ ...question, id: `${question.id}v${i}`, question: vary(question.question, random) }),
    );
  }
}
fs.writeFileSync(output, `${lines.join('\n')}\n`);
