import type Database from 'better-sqlite3';
import path from 'node:path';

/** A write waiting for the commit of the batch it joined. */
interface CommitWaiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * The group commits of this process by database file. Two connections to one file in one thread
 * (tests do this to play two instances) would deadlock on a batch left open by the other, so a
 * connection commits its siblings' open batches before it opens its own.
 */
const committersByFile = new Map<string, Set<GroupCommit>>();

/**
 * Group commit for one better-sqlite3 connection: the writes made in one turn of the event loop
 * join one transaction, committed on the next `setImmediate`, and each write's promise resolves
 * only once that commit is done. A caller that awaits a write (a webhook acknowledging a stored
 * message) still knows it is committed, but 200 busy conversations pay for one commit a turn
 * instead of one per write, which was the largest single cost of a bot answer in `npm run bench`.
 * Reads on the same connection see the batch's writes at once.
 */
export class GroupCommit {
  /** Writers of the transaction that is open now; `undefined` when none is. */
  private batch: CommitWaiter[] | undefined;
  private readonly siblings: Set<GroupCommit>;
  private readonly file: string | undefined;

  constructor(
    private readonly db: Database.Database,
    file: string,
  ) {
    // An in-memory database is this connection's alone: it has no siblings to know about.
    this.file = file === ':memory:' ? undefined : path.resolve(file);
    this.siblings = (this.file && committersByFile.get(this.file)) || new Set();
    this.siblings.add(this);
    if (this.file) committersByFile.set(this.file, this.siblings);
  }

  /**
   * Runs `work` atomically inside the current batch (opening one if none is open) and resolves
   * with its result once the batch is committed. If `work` throws, only its own changes are undone
   * (a savepoint) and the error is thrown at once; the batch goes on for everyone else.
   */
  write<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const result = this.stage(work);
      if (this.batch) this.batch.push({ resolve: () => resolve(result), reject });
      else resolve(result);
    });
  }

  /**
   * Runs `work` inside the current batch and gives its result at once, before the commit: for
   * writes nobody needs on disk before going on (short-lived claims). Until the commit no other
   * connection can write, so none can take a claim made here in the meantime.
   */
  stage<T>(work: () => T): T {
    if (!this.batch) {
      for (const sibling of this.siblings) if (sibling !== this) sibling.commit();
      this.db.prepare('BEGIN IMMEDIATE').run();
      this.batch = [];
      setImmediate(() => this.commit());
    }
    // Plain statements, not `db.transaction(work)`, which builds a new wrapper on every call.
    this.db.prepare('SAVEPOINT write').run();
    let result: T;
    try {
      result = work();
    } catch (error) {
      this.db.prepare('ROLLBACK TO write').run();
      this.db.prepare('RELEASE write').run();
      throw error;
    }
    this.db.prepare('RELEASE write').run();
    return result;
  }

  /** Commits the open batch and settles its writers; on failure every write in it is undone. */
  commit(): void {
    const waiters = this.batch;
    if (!waiters) return;
    this.batch = undefined;
    try {
      this.db.prepare('COMMIT').run();
    } catch (error) {
      if (this.db.inTransaction) this.db.prepare('ROLLBACK').run();
      for (const waiter of waiters) waiter.reject(error);
      return;
    }
    for (const waiter of waiters) waiter.resolve();
  }

  /** Commits what is open and leaves the siblings of this file (the connection is closing). */
  close(): void {
    this.commit();
    this.siblings.delete(this);
    if (this.file && this.siblings.size === 0) committersByFile.delete(this.file);
  }
}
