import fs from 'node:fs';
import path from 'node:path';
import { commandIntent } from '../src/understanding/commands';

/** Questions asked when no question file is found: about the project's own `kb/`. */
const FALLBACK_QUESTIONS = [
  'what are your support hours?',
  'how do I report a problem?',
  'what does severity P1 mean?',
  'how fast do you respond to a critical issue?',
  'how can I contact support by email?',
  'my calls are failing, what should I send you?',
];

/** Reads the `question` field of every line of a JSONL file, dropping "Human" requests (they end the bot path). */
export function loadQuestions(file: string | undefined): { questions: string[]; source: string } {
  if (!file || !fs.existsSync(file))
    return { questions: FALLBACK_QUESTIONS, source: 'built-in (project kb/)' };
  const questions = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { question?: unknown }).question)
    .filter(
      (q): q is string => typeof q === 'string' && q.trim() !== '' && commandIntent(q) !== 'handoff.request',
    );
  if (questions.length === 0) throw new Error(`no questions in ${file}`);
  return { questions, source: path.relative(process.cwd(), file) || file };
}
