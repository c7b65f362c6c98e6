import fs from 'node:fs';

/** Quiet time after the last change before reloading: an editor's save is several events. */
const DEBOUNCE_MS = 300;

/**
 * Calls `onChange` once a docs folder has been quiet for a moment after a change. Returns the
 * function that stops watching.
 */
export function watchDocs(dir: string, onChange: () => void, debounceMs = DEBOUNCE_MS): () => void {
  let timer: NodeJS.Timeout | undefined;
  const watcher = fs.watch(dir, { recursive: true, persistent: false }, (_event, file) => {
    if (file && !/\.(md|ya?ml)$/i.test(file.toString())) return;
    clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  });
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
