import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const ROOT_DIR = path.join(os.tmpdir(), 'handoff-test-docs-index');
/** Cache folders of other code versions are removed once they are this old. */
const STALE_MS = 24 * 3600_000;

let codeHash: string | undefined;

/**
 * A docs index cache folder (the knowledge base's `cacheDir`) that tests over a large corpus share,
 * so the index is built once and every later test restores it, as the app does after a restart.
 * The cache itself checks the docs (their fingerprint); the folder is also keyed by every source file
 * under src/ and the lockfile, so a change to how the index is built (even without a bump of
 * INDEX_FORMAT) never reads an index built by other code. The index's own tests (posting scorer,
 * persistence and reload) still build from scratch and compare built with restored.
 */
export function sharedDocsIndexCache(dir: string, baseUrl: string): string {
  codeHash ??= hashCode();
  const key = createHash('sha256')
    .update(`${codeHash}\n${path.resolve(dir)}\n${baseUrl}`)
    .digest('hex')
    .slice(0, 16);
  pruneStale(key);
  return path.join(ROOT_DIR, key);
}

function hashCode(): string {
  const hash = createHash('sha256');
  const files = fs
    .readdirSync(path.join(root, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .sort();
  for (const file of files) {
    hash.update(`${file}\n`).update(fs.readFileSync(path.join(root, 'src', file)));
  }
  const lockfile = path.join(root, 'package-lock.json');
  if (fs.existsSync(lockfile)) hash.update(fs.readFileSync(lockfile));
  return hash.digest('hex');
}

/** Removes other versions' folders not written for a day (best effort: another run may hold one). */
function pruneStale(keep: string): void {
  try {
    for (const entry of fs.readdirSync(ROOT_DIR)) {
      if (entry === keep) continue;
      const full = path.join(ROOT_DIR, entry);
      if (Date.now() - fs.statSync(full).mtimeMs > STALE_MS)
        fs.rmSync(full, { recursive: true, force: true });
    }
  } catch {
    // No folder yet, or one removed by a parallel run: nothing to do.
  }
}
