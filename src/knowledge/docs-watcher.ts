import fs from 'node:fs';
import path from 'node:path';

/** Quiet time after the last change before reloading: an editor's save is several events. */
const DEBOUNCE_MS = 300;

/** The files of a docs folder whose change means a reload: pages and the MkDocs config. */
const DOCS_FILES = /\.(md|ya?ml)$/i;

/**
 * Calls `onChange` once a docs folder has been quiet for a moment after a change to a file whose
 * name `files` matches. Returns the function that stops watching.
 */
export function watchDocs(
  dir: string,
  onChange: () => void,
  debounceMs = DEBOUNCE_MS,
  files: (name: string) => boolean = (name) => DOCS_FILES.test(name),
): () => void {
  let timer: NodeJS.Timeout | undefined;
  const watcher = fs.watch(dir, { recursive: true, persistent: false }, (_event, file) => {
    if (file && !files(file.toString())) return;
    clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  });
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}

/**
 * Watches the page-questions folder (or the folder of the one file) for `.jsonl` changes; nothing
 * when there is none.
 */
export function watchPageQuestions(
  location: string | undefined,
  onChange: () => void,
): (() => void) | undefined {
  if (!location || !fs.existsSync(location)) return undefined;
  if (fs.statSync(location).isDirectory())
    return watchDocs(location, onChange, undefined, (file) => file.endsWith('.jsonl'));
  const name = path.basename(location);
  return watchDocs(path.dirname(location), onChange, undefined, (file) => path.basename(file) === name);
}
