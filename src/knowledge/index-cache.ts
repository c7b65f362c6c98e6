import fs from 'node:fs';
import path from 'node:path';
import type { AsPlainObject } from 'minisearch';
import type { DocSection, SkippedPage } from './docs-section';

/** What is saved on disk so a restart does not rebuild an unchanged index. */
export interface CachedIndex {
  fingerprint: string;
  builtAt: number;
  buildMs: number;
  pages: number;
  sections: DocSection[];
  skipped: SkippedPage[];
  glossary: [string, string[]][];
  index: AsPlainObject;
}

const CACHE_FILE = 'docs-index.json';

/** Reads the cached index when it was built from the same docs (same fingerprint). */
export function readCachedIndex(cacheDir: string, fingerprint: string): CachedIndex | undefined {
  const file = path.join(cacheDir, CACHE_FILE);
  try {
    const cached = JSON.parse(fs.readFileSync(file, 'utf8')) as CachedIndex;
    return cached.fingerprint === fingerprint ? cached : undefined;
  } catch {
    return undefined; // absent or unreadable: rebuild
  }
}

/** Writes the index atomically (temp file, then rename) so a crash never leaves half a file. */
export function writeCachedIndex(cacheDir: string, cached: CachedIndex): void {
  fs.mkdirSync(cacheDir, { recursive: true });
  const file = path.join(cacheDir, CACHE_FILE);
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(cached));
  fs.renameSync(temp, file);
}
