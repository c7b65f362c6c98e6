import { Worker } from 'node:worker_threads';

/** How often the write-ahead log is copied back into the database file. */
const CHECKPOINT_EVERY_MS = 1000;
/** Longest wait for the checkpointer to close its connection before it is cut off. */
const STOP_TIMEOUT_MS = 5000;

// Runs in the worker thread: a second connection to the same file that only checkpoints. PASSIVE
// never waits for the app's connection and never blocks it; it copies what it can and tries again.
const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy or closing: next round */ }
}, workerData.everyMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.postMessage('stopped');
});
parentPort.postMessage('started');
`;

/** A running checkpointer thread. */
export interface WalCheckpointer {
  /** Closes the checkpointer's connection and ends the thread. */
  stop(): Promise<void>;
}

/**
 * Checkpoints a WAL-mode SQLite file from a worker thread. SQLite's own automatic checkpoint runs
 * inside whichever commit crosses the threshold, on the app's only thread, and waits there for
 * the disk to sync (a visible share of every commit in `npm run bench`); here that work and that
 * wait happen beside the event loop. `onFailure` is told if the thread cannot run, so the caller
 * can fall back to automatic checkpoints.
 */
export function startWalCheckpointer(file: string, onFailure: (error: unknown) => void): WalCheckpointer {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, driver: require.resolve('better-sqlite3'), everyMs: CHECKPOINT_EVERY_MS },
  });
  worker.unref();
  let running = true;
  worker.once('error', (error) => {
    running = false;
    onFailure(error);
  });
  worker.once('exit', () => {
    running = false;
  });
  return {
    stop: async () => {
      if (!running) return;
      running = false;
      const stopped = new Promise<void>((resolve) => {
        const cutOff = setTimeout(resolve, STOP_TIMEOUT_MS);
        worker.on('message', (message) => {
          if (message !== 'stopped') return;
          clearTimeout(cutOff);
          resolve();
        });
        worker.once('exit', () => {
          clearTimeout(cutOff);
          resolve();
        });
      });
      worker.postMessage('stop');
      await stopped;
      await worker.terminate();
    },
  };
}
