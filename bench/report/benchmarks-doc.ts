import fs from 'node:fs';

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

/**
 * Replaces the generated block of BENCHMARKS.md (between the markers) with `block`, keeping the
 * prose around it. Returns false when the file or its markers are missing.
 */
export function updateBenchmarksDoc(file: string, block: string): boolean {
  if (!fs.existsSync(file)) return false;
  const text = fs.readFileSync(file, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) return false;
  fs.writeFileSync(file, `${text.slice(0, start + START.length)}\n${block}\n${text.slice(end)}`);
  return true;
}
