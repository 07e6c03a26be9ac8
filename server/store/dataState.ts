// A stamp of the database's contents: it changes whenever any row is written, by this connection (through the
// API, the control API, the seeders or a test's direct statement) or by another one (a second process on the
// same file). Whatever is derived from the data may be kept while the stamp stays the same.
import type { Db } from './db.js';

export type DataStamp = string;

export function createDataState(db: Db): { stamp(): DataStamp } {
  // total_changes(): rows written by this connection since it opened; data_version: commits by other connections.
  const changes = db.prepare('SELECT total_changes()').pluck();
  const version = db.prepare('PRAGMA data_version').pluck();
  return { stamp: () => `${changes.get() as number}:${version.get() as number}` };
}
