import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { listMarkdownFiles } from './ingest-docs';

/** Bump when ingestion or index layout changes, so old caches are rebuilt. */
export const INDEX_FORMAT = 7;

/**
 * A hash of what the index is built from: every markdown file's path, size and modification time,
 * `mkdocs.yml`, the page-questions files, the base URL and the index format. Cheap (no file is
 * read) and changes whenever a page is added, removed or saved.
 */
export function docsFingerprint(dir: string, baseUrl: string, questionFiles: readonly string[] = []): string {
  const hash = createHash('sha256').update(`${INDEX_FORMAT}\n${baseUrl}\n`);
  for (const file of questionFiles) {
    const stat = fs.statSync(file);
    hash.update(`questions ${path.resolve(file)}\t${stat.size}\t${stat.mtimeMs}\n`);
  }
  const files = [...listMarkdownFiles(dir), 'mkdocs.yml', '../mkdocs.yml'];
  for (const file of files) {
    const full = path.join(dir, file);
    if (!fs.existsSync(full)) continue;
    const stat = fs.statSync(full);
    hash.update(`${file}\t${stat.size}\t${stat.mtimeMs}\n`);
  }
  return hash.digest('hex');
}
