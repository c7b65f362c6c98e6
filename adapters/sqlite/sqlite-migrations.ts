import type Database from 'better-sqlite3';

/**
 * Brings a database's schema up to date: each migration is a step of SQL, and the database's
 * `user_version` counts the steps it has applied (SQLite keeps that number in the file header for
 * this purpose). Each step runs in a transaction with its version bump, so a failed step leaves the
 * database as it was. A database written by a newer version of the app is refused rather than
 * used with a schema this code does not know.
 */
export function migrate(db: Database.Database, migrations: readonly string[], name = 'database'): number {
  const current = Number(db.pragma('user_version', { simple: true }));
  if (current > migrations.length) {
    throw new Error(
      `The ${name} is at schema version ${current}, newer than this app knows (${migrations.length}): run a newer version of the app, or restore a backup.`,
    );
  }
  for (let version = current + 1; version <= migrations.length; version += 1) {
    db.transaction(() => {
      db.exec(migrations[version - 1]!);
      // PRAGMA takes no bound parameters; `version` is a loop integer.
      db.pragma(`user_version = ${version}`);
    })();
  }
  return migrations.length;
}
