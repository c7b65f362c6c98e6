import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MessageMix } from '../../bench/load/message-mix';
import { SEED_MESSAGES } from '../../bench/load/seed-messages';

const take = (mix: MessageMix, count: number) => Array.from({ length: count }, () => mix.next());

/** The project's leak check (../shared/tools), from the main checkout or a worktree beside it. */
const LEAK_CHECK = [
  path.resolve(__dirname, '..', '..', '..', 'shared', 'tools', 'eval-leak-check.mjs'),
  path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'tools', 'eval-leak-check.mjs'),
].find((file) => fs.existsSync(file));

describe('the benchmark load generator', () => {
  it('makes mostly distinct messages, with the stated share of word-for-word repeats', () => {
    const mix = new MessageMix(SEED_MESSAGES, { repeatShare: 0.1 });
    const messages = take(mix, 5000);
    const stats = mix.stats();
    expect(stats.messages).toBe(5000);
    expect(stats.repeats / stats.messages).toBeGreaterThan(0.08);
    expect(stats.repeats / stats.messages).toBeLessThan(0.12);
    // A message flagged new was never sent before; a repeat was.
    const seen = new Set<string>();
    for (const message of messages) {
      expect(seen.has(message.text)).toBe(message.repeat);
      seen.add(message.text);
    }
    expect(seen.size).toBe(stats.distinct);
    // Variations, not the seed: at most a handful of new messages equal a seed message.
    const seedTexts = new Set(SEED_MESSAGES.map((m) => m.text));
    expect(messages.filter((m) => !m.repeat && seedTexts.has(m.text)).length).toBeLessThan(50);
    // Every kind keeps its share of the seed.
    for (const kind of ['docs', 'policy', 'report', 'handoff'] as const) {
      const share = SEED_MESSAGES.filter((m) => m.kind === kind).length / SEED_MESSAGES.length;
      expect(stats.byKind[kind] / stats.messages).toBeCloseTo(share, 1);
    }
  });

  it('honours the repeat share it is given, is the same on every run, and has a fully cached mode', () => {
    const none = new MessageMix(SEED_MESSAGES, { repeatShare: 0 });
    take(none, 2000);
    expect(none.stats().repeats).toBe(0);
    const half = new MessageMix(SEED_MESSAGES, { repeatShare: 0.5 });
    take(half, 2000);
    expect(half.stats().repeats / 2000).toBeCloseTo(0.5, 1);

    const a = take(new MessageMix(SEED_MESSAGES, { repeatShare: 0.1 }), 300).map((m) => m.text);
    const b = take(new MessageMix(SEED_MESSAGES, { repeatShare: 0.1 }), 300).map((m) => m.text);
    expect(a).toEqual(b);

    const cached = take(new MessageMix(SEED_MESSAGES, { repeatShare: 0.1, verbatim: true }), 300);
    expect(new Set(cached.map((m) => m.text))).toEqual(new Set(SEED_MESSAGES.map((m) => m.text)));
    expect(() => new MessageMix(SEED_MESSAGES, { repeatShare: 1.5 })).toThrow(/between 0 and 1/);
  });

  (LEAK_CHECK ? it : it.skip)(
    'repeats no wording of the evaluation sets (the shared leak check run over 3,000 generated messages)',
    () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mix-leak-'));
      try {
        const texts = take(new MessageMix(SEED_MESSAGES, { repeatShare: 0.1 }), 3000).map((m) => m.text);
        fs.writeFileSync(path.join(dir, 'generated.txt'), `${texts.join('\n')}\n`);
        const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
        git('init', '-q');
        git('add', 'generated.txt');
        const evalDir = path.resolve(path.dirname(LEAK_CHECK!), '..', 'eval');
        // Exits non-zero (and execFileSync throws, naming the lines) when any 7 words match.
        const out = execFileSync(process.execPath, [LEAK_CHECK!, '--eval', evalDir], {
          cwd: dir,
          encoding: 'utf8',
        });
        expect(out).toBe('');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
