import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');
const LEAK_CHECK = path.join(root, '..', 'shared', 'tools', 'eval-leak-check.mjs');
const PROBES = path.join(root, 'test', 'fixtures', 'heldout-probes');

(fs.existsSync(LEAK_CHECK) ? describe : describe.skip)('the team held-out probes', () => {
  it('are well formed', () => {
    const lines = fs
      .readFileSync(path.join(PROBES, 'team-probes.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line.trim());
    expect(lines.length).toBeGreaterThan(200);
    for (const line of lines) {
      const probe = JSON.parse(line) as { id: string; turns: string[]; expect: string };
      expect(probe.turns.length).toBeGreaterThan(0);
      expect(probe.expect).toMatch(/^(handoff|no-handoff|facts|report|decline|warn|no-warn|docs)$/);
    }
  });

  it('share no run of seven words with the corpus or the code (they measure, never train)', () => {
    let out: string;
    try {
      out = execFileSync(process.execPath, [LEAK_CHECK, '--eval', PROBES], { cwd: root, encoding: 'utf8' });
    } catch (error) {
      out = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(out.trim()).toBe('');
  });
});
