/**
 * An account's rows as one value, and back: what the control API (server/control/) keeps of an account right after
 * it was made, its starting state, and writes back when the account is reset.
 *
 * The tables are read from the schema itself: every table with an `account_id` column, so a table a later migration
 * adds is kept with no change here. Left out: `api_tokens` (a reset keeps the account's tokens working),
 * `contact_list_counts` (kept by the triggers on `contacts`) and this module's own table. `users` rows are written
 * back in place, never deleted: tokens and signatures hang on them. The `accounts` row itself never changes.
 *
 * Rows come back with their own ids. Ids are not AUTOINCREMENT, so an id the account freed (its newest row
 * deleted) may meanwhile be another account's: only then does the row get a new id, every reference to it
 * following, and the change is reported.
 */
import { stmt, type Db } from './db.js';

/** The rows of one table, as plain JSON values (a BLOB as `{ base64 }`). */
export interface TableRows {
  columns: string[];
  rows: unknown[][];
}

/** Every row an account owns, by table (`users` included). */
export type AccountRows = Record<string, TableRows>;

/** A row that came back under a new id, because another account holds its own. */
export interface Renumbered {
  table: string;
  from: number;
  to: number;
}

export interface StartingStateRow {
  account_id: number;
  demo_data: number;
  taken_at: string;
  /** JSON text: `{ rows: AccountRows, files: { [path]: base64 } }`. */
  state: string;
}

export interface AccountListRow {
  id: number;
  name: string;
  created_at: string;
  /** 1 or 0 when a starting state is kept, else null. */
  demo_data: number | null;
}

const SNAPSHOT_TABLE = 'control_account_snapshots';
/** Tables with an `account_id` that are not the account's data to restore (see the header). */
const NOT_RESTORED = new Set(['api_tokens', 'contact_list_counts', SNAPSHOT_TABLE]);
const USERS = 'users';

/** Ids kept inside JSON text rather than in a column of their own. */
const JSON_REFERENCES: ReadonlyArray<{ table: string; column: string; key: string; references: string }> = [
  { table: 'audit_logs', column: 'objects', key: 'contact_id', references: 'contacts' },
];

/** The control API's table of starting states; created when the control API is on. */
export function ensureStartingStateTable(db: Db): void {
  db.exec(`CREATE TABLE IF NOT EXISTS ${SNAPSHOT_TABLE} (
    account_id INTEGER PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
    demo_data INTEGER NOT NULL CHECK (demo_data IN (0, 1)),
    taken_at TEXT NOT NULL,
    state TEXT NOT NULL
  )`);
}

export function saveStartingState(db: Db, row: StartingStateRow): void {
  stmt(
    db,
    `INSERT INTO ${SNAPSHOT_TABLE} (account_id, demo_data, taken_at, state) VALUES (?, ?, ?, ?)
       ON CONFLICT (account_id) DO UPDATE SET demo_data = excluded.demo_data, taken_at = excluded.taken_at, state = excluded.state`,
  ).run(row.account_id, row.demo_data, row.taken_at, row.state);
}

export function findStartingState(db: Db, accountId: number): StartingStateRow | undefined {
  return stmt<StartingStateRow>(db, `SELECT * FROM ${SNAPSHOT_TABLE} WHERE account_id = ?`).get(accountId);
}

/** Every account, oldest first, with whether a starting state is kept for it. */
export function listAccountsWithStartingState(db: Db): AccountListRow[] {
  return stmt<AccountListRow>(
    db,
    `SELECT a.id, a.name, a.created_at, s.demo_data
       FROM accounts a LEFT JOIN ${SNAPSHOT_TABLE} s ON s.account_id = a.id
      ORDER BY a.id`,
  ).all();
}

export function findAccountWithStartingState(db: Db, accountId: number): AccountListRow | undefined {
  return stmt<AccountListRow>(
    db,
    `SELECT a.id, a.name, a.created_at, s.demo_data
       FROM accounts a LEFT JOIN ${SNAPSHOT_TABLE} s ON s.account_id = a.id
      WHERE a.id = ?`,
  ).get(accountId);
}

/** The stored files of the account's photos and documents (paths relative to the files directory). */
export function storedFilesOfAccount(db: Db, accountId: number): string[] {
  return stmt<{ new_filename: string }>(
    db,
    `SELECT new_filename FROM photos WHERE account_id = ?
     UNION ALL
     SELECT new_filename FROM documents WHERE account_id = ?`,
  )
    .all(accountId, accountId)
    .map((r) => r.new_filename);
}

interface TableShape {
  name: string;
  columns: string[];
  /** The table's `id` is its rowid (an `INTEGER PRIMARY KEY`). */
  hasRowId: boolean;
  /** Columns holding the id of a row of another (or the same) table. */
  references: ReadonlyArray<{ column: string; table: string }>;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The tables holding account data, from the schema (users last, as they are restored last). */
function accountTables(db: Db): TableShape[] {
  const names = stmt<{ name: string }>(
    db,
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  )
    .all()
    .map((r) => r.name);
  const shapes: TableShape[] = [];
  for (const name of names) {
    if (NOT_RESTORED.has(name)) continue;
    const info = db.pragma(`table_info(${quote(name)})`) as Array<{ name: string; type: string; pk: number }>;
    if (!info.some((c) => c.name === 'account_id')) continue;
    const keys = db.pragma(`foreign_key_list(${quote(name)})`) as Array<{ table: string; from: string; to: string | null }>;
    shapes.push({
      name,
      columns: info.map((c) => c.name),
      hasRowId: info.some((c) => c.name === 'id' && c.pk === 1 && c.type.toUpperCase() === 'INTEGER') && info.filter((c) => c.pk > 0).length === 1,
      references: keys.filter((k) => k.table !== 'accounts' && (k.to === null || k.to === 'id')).map((k) => ({ column: k.from, table: k.table })),
    });
  }
  return [...shapes.filter((s) => s.name !== USERS), ...shapes.filter((s) => s.name === USERS)];
}

const toJson = (value: unknown) => (Buffer.isBuffer(value) ? { base64: value.toString('base64') } : value);
const fromJson = (value: unknown) =>
  value !== null && typeof value === 'object' && 'base64' in value ? Buffer.from(String((value as { base64: unknown }).base64), 'base64') : value;

/** Every row the account owns, table by table, in rowid order. */
export function captureAccountRows(db: Db, accountId: number): AccountRows {
  const out: AccountRows = {};
  for (const table of accountTables(db)) {
    const rows = db.prepare(`SELECT ${table.columns.map(quote).join(', ')} FROM ${quote(table.name)} WHERE account_id = ? ORDER BY rowid`).raw(true).all(accountId) as unknown[][];
    out[table.name] = { columns: table.columns, rows: rows.map((row) => row.map(toJson)) };
  }
  return out;
}

/**
 * Writes the account's rows back as `saved` holds them, in one transaction: every row of the account in the
 * restored tables is deleted, then the saved ones are inserted with their ids (foreign keys are checked at commit).
 * Users are updated in place. Returns the rows that had to take new ids, and `saved` as it was written.
 */
export function restoreAccountRows(db: Db, accountId: number, saved: AccountRows): { renumbered: Renumbered[]; written: AccountRows } {
  return db.transaction(() => {
    db.pragma('defer_foreign_keys = ON');
    const tables = accountTables(db);
    for (const table of tables) {
      if (table.name !== USERS) stmt(db, `DELETE FROM ${quote(table.name)} WHERE account_id = ?`).run(accountId);
    }
    const { renumbered, ids } = newIdsForTakenRows(db, tables, saved);
    const written = ids.size === 0 ? saved : mapIds(tables, saved, ids);
    for (const table of tables) {
      const data = written[table.name];
      if (!data || data.rows.length === 0) continue;
      // Only the columns the table still has: one a later migration added keeps its default. A user keeps its id.
      const kept = data.columns
        .map((c, i) => [c, i] as const)
        .filter(([c]) => table.columns.includes(c) && !(table.name === USERS && (c === 'id' || c === 'account_id')));
      const insert =
        table.name === USERS
          ? stmt(db, `UPDATE users SET ${kept.map(([c]) => `${quote(c)} = ?`).join(', ')} WHERE account_id = ? AND id = ?`)
          : stmt(db, `INSERT INTO ${quote(table.name)} (${kept.map(([c]) => quote(c)).join(', ')}) VALUES (${kept.map(() => '?').join(', ')})`);
      const idIndex = data.columns.indexOf('id');
      for (const row of data.rows) {
        const values = kept.map(([, i]) => fromJson(row[i]));
        if (table.name === USERS) insert.run(...values, accountId, row[idIndex]);
        else insert.run(...values);
      }
    }
    return { renumbered, written };
  })();
}

/** For each saved row whose id another account now holds, a free id (above every id in use or saved). */
function newIdsForTakenRows(db: Db, tables: TableShape[], saved: AccountRows): { renumbered: Renumbered[]; ids: Map<string, Map<number, number>> } {
  const renumbered: Renumbered[] = [];
  const ids = new Map<string, Map<number, number>>();
  for (const table of tables) {
    const data = saved[table.name];
    if (!table.hasRowId || table.name === USERS || !data) continue;
    const idIndex = data.columns.indexOf('id');
    const savedIds = data.rows.map((r) => r[idIndex] as number);
    const taken = stmt<{ id: number }>(db, `SELECT id FROM ${quote(table.name)} WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`)
      .all(JSON.stringify(savedIds))
      .map((r) => r.id);
    if (taken.length === 0) continue;
    const highest = stmt<{ id: number | null }>(db, `SELECT max(id) AS id FROM ${quote(table.name)}`).get()?.id ?? 0;
    let next = Math.max(highest, ...savedIds) + 1;
    const map = new Map<number, number>();
    for (const from of taken) {
      map.set(from, next);
      renumbered.push({ table: table.name, from, to: next });
      next += 1;
    }
    ids.set(table.name, map);
  }
  return { renumbered, ids };
}

/** `saved` with the renumbered ids, in the rows themselves and wherever a row names them. */
function mapIds(tables: TableShape[], saved: AccountRows, ids: Map<string, Map<number, number>>): AccountRows {
  const out: AccountRows = {};
  for (const table of tables) {
    const data = saved[table.name];
    if (!data) continue;
    const mappers = data.columns.map((column) => {
      const target = column === 'id' && table.hasRowId ? table.name : table.references.find((r) => r.column === column)?.table;
      const map = target ? ids.get(target) : undefined;
      const json = JSON_REFERENCES.find((j) => j.table === table.name && j.column === column);
      const jsonMap = json ? ids.get(json.references) : undefined;
      if (map) return (v: unknown) => (typeof v === 'number' ? (map.get(v) ?? v) : v);
      if (json && jsonMap) return (v: unknown) => mapJsonReference(v, json.key, jsonMap);
      return undefined;
    });
    out[table.name] = {
      columns: data.columns,
      rows: mappers.some(Boolean) ? data.rows.map((row) => row.map((v, i) => mappers[i]?.(v) ?? v)) : data.rows,
    };
  }
  return out;
}

function mapJsonReference(text: unknown, key: string, map: Map<number, number>): unknown {
  if (typeof text !== 'string') return text;
  try {
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return text;
    const id = (value as Record<string, unknown>)[key];
    if (typeof id !== 'number' || !map.has(id)) return text;
    return JSON.stringify({ ...value, [key]: map.get(id) });
  } catch {
    return text;
  }
}
