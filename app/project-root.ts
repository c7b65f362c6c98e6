import fs from 'node:fs';
import path from 'node:path';

/**
 * The folder holding package.json: the same whether the app runs from source (`app/`) or compiled
 * (`dist/app/`), so static files and the default docs are found in both.
 */
export function projectRoot(from: string = __dirname): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return from;
    dir = parent;
  }
  return dir;
}
