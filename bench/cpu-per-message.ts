/**
 * CPU per message of the two in-process steps the bot path spends most on, outside the server:
 * the understanding step and the docs answer, over the realistic load's messages (no answer cache).
 * Usage: npx tsx bench/cpu-per-message.ts [MESSAGES] (run with --cpu-prof for a profile).
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { loadKnowledgeBase } from '../src/knowledge';
import { loadUnderstander } from '../src/understanding/load-understander';
import { MessageMix } from './load/message-mix';
import { SEED_MESSAGES } from './load/seed-messages';

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 4000);
  const root = path.resolve(__dirname, '..');
  const understander = loadUnderstander({
    corpusDir: path.join(root, 'nlu'),
    cacheDir: path.join(root, 'node_modules', '.cache', 'handoff-nlu'),
  });
  const knowledge = await loadKnowledgeBase({
    dir: process.env.KB_DIR ?? path.resolve(root, '..', 'shared', 'kb', 'connexcs-docs'),
    baseUrl: 'https://docs.example.com',
    answerCacheSize: 0,
    cacheDir: path.join(root, 'node_modules', '.cache', 'handoff-bench-kb'),
    pageQuestions: path.join(root, 'kb-questions'),
  });
  const mix = new MessageMix(SEED_MESSAGES, { repeatShare: 0.1 });
  const texts = Array.from({ length: count }, () => mix.next().text);
  const now = new Date('2026-11-30T12:00:00Z');
  // Warm up on other variations (a different seed), so that no measured message is remembered yet.
  const warmUp = new MessageMix(SEED_MESSAGES, { repeatShare: 0.1, randomSeed: 7 });
  for (let i = 0; i < 300; i += 1) {
    const { text } = warmUp.next();
    understander.understandNow(text, now);
    await knowledge.answer(text);
  }
  let started = process.cpuUsage();
  const understood = texts.map((text) => understander.understandNow(text, now));
  const understandingUs = process.cpuUsage(started);
  started = process.cpuUsage();
  const answers = [];
  for (const text of texts) answers.push(await knowledge.answer(text));
  const knowledgeUs = process.cpuUsage(started);
  // Fingerprints of every result: a change that should not change behaviour must keep them.
  const fingerprint = (value: unknown) =>
    createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 12);
  const perMessage = (usage: NodeJS.CpuUsage) => ((usage.user + usage.system) / count).toFixed(1);
  process.stdout.write(
    `${count} messages: understanding ${perMessage(understandingUs)} µs/message (results ${fingerprint(understood)}), ` +
      `docs answer ${perMessage(knowledgeUs)} µs/message (results ${fingerprint(answers)})\n`,
  );
  knowledge.close();
}

void main();
