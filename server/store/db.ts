/**
 * Opening the SQLite database, applying migrations, and a small cache of
 * prepared statements shared by the store modules.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrations } from './migrations.js';

export type Db = Database.Database;
export type { Database };

/**
 * Opens (or creates) the database at `path` and brings its schema up to date.
 * Use `':memory:'` for a throw-away database.
 */
export function openDatabase(path: string): Db {
  const inMemory = path === ':memory:' || path === '';
  if (!inMemory) mkdirSync(dirname(path), { recursive: true });

  const db = new Database(path);
  db.pragma('foreign_keys = ON');
  if (!inMemory) db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  registerTextFunctions(db);

  migrate(db);
  return db;
}

/**
 * Case folding beyond ASCII (SQLite's own `lower`, `LIKE` and `NOCASE` fold only A-Z):
 * `unicode_lower` folds case, as for e-mail addresses; `unicode_fold` also drops accents, as search does
 * (Monica's MySQL collation matches "Élodie" with "elodie").
 */
export function unicodeLower(text: string): string {
  return text.toLowerCase();
}
export function unicodeFold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}
function registerTextFunctions(db: Db): void {
  const nullable = (f: (s: string) => string) => (value: unknown) => (typeof value === 'string' ? f(value) : value);
  db.function('unicode_lower', { deterministic: true }, nullable(unicodeLower));
  db.function('unicode_fold', { deterministic: true }, nullable(unicodeFold));
}

/** Applies every migration newer than the database's `user_version`. */
export function migrate(db: Db): void {
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const migration of ordered) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      // PRAGMA does not accept bound parameters; the version is a trusted integer.
      db.pragma(`user_version = ${Math.trunc(migration.version)}`);
    })();
  }
}

/** The schema version currently recorded in the database. */
export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

type Stmt = Database.Statement<unknown[], unknown>;
const statementCache = new WeakMap<Db, Map<string, Stmt>>();

/**
 * Returns a prepared statement for `sql`, prepared once per database
 * connection and reused afterwards. `R` is the row type the caller expects.
 */
export function stmt<R = unknown>(db: Db, sql: string): Database.Statement<unknown[], R> {
  let perDb = statementCache.get(db);
  if (!perDb) {
    perDb = new Map();
    statementCache.set(db, perDb);
  }
  let s = perDb.get(sql);
  if (!s) {
    s = db.prepare<unknown[], unknown>(sql);
    perDb.set(sql, s);
  }
  return s as Database.Statement<unknown[], R>;
}

/** Encodes a list of ids for use with `json_each(?)` in a single prepared statement. */
export function idList(ids: Iterable<number>): string {
  return JSON.stringify([...new Set(ids)].filter((id) => Number.isInteger(id)));
}

/**
 * Rows of several parents read in one query: `query` gets the parent ids as an `idList` (it is not run when
 * there are none) and returns the rows in the order wanted; `split` gives a row's parent id and what to list.
 * Every parent id asked for is a key, with an empty list when it has no rows.
 */
export function childrenByParent<R, V>(
  parentIds: Iterable<number>,
  query: (list: string) => R[],
  split: (row: R) => readonly [number, V],
): Map<number, V[]> {
  const list = idList(parentIds);
  const out = new Map<number, V[]>();
  for (const id of JSON.parse(list) as number[]) out.set(id, []);
  if (out.size === 0) return out;
  for (const row of query(list)) {
    const [parentId, value] = split(row);
    out.get(parentId)?.push(value);
  }
  return out;
}
