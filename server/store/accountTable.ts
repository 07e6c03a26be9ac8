/**
 * The statements every resource table shares, on one account's rows: a page of them (all, or one contact's), one
 * by id, whether one exists, several by id, deleting one, and the shapes of its insert and update. A store module
 * makes its table's once (`accountTable<NoteRow>('notes')`) and writes its own SQL for the rest. Every SQL text here
 * is built when the store module loads (only a list's ORDER BY varies with the request), so each statement is
 * prepared once per database. `table`, the options and the column lists are the store's own text, never user input;
 * every statement filters by account_id.
 */
import { childrenByParent, idList, stmt, type Db } from './db.js';
import { orderClause, pageOf, type Page, type PageOptions } from './pagination.js';

/** The columns every account-scoped resource row has. */
export interface AccountRow {
  id: number;
  account_id: number;
  created_at: string | null;
  updated_at: string | null;
}

/** The columns every row that belongs to one contact has besides. */
export interface ContactOwnedRow extends AccountRow {
  uuid: string | null;
  contact_id: number;
}

export interface AccountTable<Row> {
  /** One page of the account's rows, and how many there are. */
  page(db: Db, accountId: number, opts: PageOptions): Page<Row>;
  /** One page of the rows of one contact of the account. */
  pageOfContact(db: Db, accountId: number, contactId: number, opts: PageOptions): Page<Row>;
  get(db: Db, accountId: number, id: number): Row | undefined;
  exists(db: Db, accountId: number, id: number): boolean;
  /** Several rows by id, in one query; unknown ids are absent. */
  byIds(db: Db, accountId: number, ids: Iterable<number>): Map<number, Row>;
  /** Whether there was such a row to delete. */
  remove(db: Db, accountId: number, id: number): boolean;
  /** Deletes the row and answers it as it was (undefined when there was none). */
  removeReturning(db: Db, accountId: number, id: number): Row | undefined;
  /**
   * An insert of a row of the account with `columns` (`'uuid, name'`: account_id goes first, created_at and
   * updated_at last): the function takes the columns' values and the creation time, and answers the new row's id.
   */
  inserter(columns: string): (db: Db, accountId: number, values: readonly unknown[], now: string | null) => number;
  /**
   * An update of one row of the account: `assignments` (`'name = ?, type = ?'`, updated_at is added) take `values`.
   * Answers whether the account has such a row.
   */
  setter(assignments: string): (db: Db, accountId: number, id: number, values: readonly unknown[], now: string) => boolean;
  /** The same update, answering the row as it is then (undefined when the account has no such row). */
  updater(assignments: string): (db: Db, accountId: number, id: number, values: readonly unknown[], now: string) => Row | undefined;
}

export interface AccountTableOptions {
  /** A fixed ORDER BY for lists that ignore `sort` (reference data in creation order). */
  order?: string;
  /**
   * How rows are read, up to the WHERE: a join or a column list (default `SELECT * FROM table`). Counts, updates and
   * deletes use the table itself.
   */
  select?: string;
  /** The prefix of the table's own columns in `select` (`'f.'`). */
  alias?: string;
  /** The column that names a row's contact, for `pageOfContact` (default contact_id). */
  contactColumn?: string;
}

export function accountTable<Row extends { id: number }>(table: string, options: AccountTableOptions = {}): AccountTable<Row> {
  const { select = `SELECT * FROM ${table}`, alias = '', contactColumn = 'contact_id' } = options;
  const ofAccount = `${alias}account_id = ?`;
  const ofContact = `${ofAccount} AND ${alias}${contactColumn} = ?`;
  const countAll = `SELECT COUNT(*) AS n FROM ${table} WHERE account_id = ?`;
  const countOfContact = `${countAll} AND ${contactColumn} = ?`;
  const byId = `${select} WHERE ${ofAccount} AND ${alias}id = ?`;
  const byIdList = `${select} WHERE ${ofAccount} AND ${alias}id IN (SELECT value FROM json_each(?))`;
  const exists = `SELECT 1 FROM ${table} WHERE account_id = ? AND id = ?`;
  const remove = `DELETE FROM ${table} WHERE account_id = ? AND id = ?`;
  const removeReturning = `${remove} RETURNING *`;
  const order = (opts: PageOptions) => options.order ?? orderClause(opts.sort, alias);
  const get = (db: Db, accountId: number, id: number) => stmt<Row>(db, byId).get(accountId, id);
  const setter = (assignments: string) => {
    const sql = `UPDATE ${table} SET ${assignments}, updated_at = ? WHERE account_id = ? AND id = ?`;
    return (db: Db, accountId: number, id: number, values: readonly unknown[], now: string) =>
      stmt(db, sql).run(...values, now, accountId, id).changes > 0;
  };
  return {
    page: (db, accountId, opts) => pageOf<Row>(db, `${select} WHERE ${ofAccount} ${order(opts)}`, countAll, [accountId], opts),
    pageOfContact: (db, accountId, contactId, opts) =>
      pageOf<Row>(db, `${select} WHERE ${ofContact} ${order(opts)}`, countOfContact, [accountId, contactId], opts),
    get,
    exists: (db, accountId, id) => stmt(db, exists).get(accountId, id) !== undefined,
    byIds(db, accountId, ids) {
      const list = idList(ids);
      if (list === '[]') return new Map();
      const rows = stmt<Row>(db, byIdList).all(accountId, list);
      return new Map(rows.map((row) => [row.id, row]));
    },
    remove: (db, accountId, id) => stmt(db, remove).run(accountId, id).changes > 0,
    removeReturning: (db, accountId, id) => stmt<Row>(db, removeReturning).get(accountId, id),
    inserter(columns) {
      const placeholders = columns.split(',').map(() => ', ?').join('');
      const sql = `INSERT INTO ${table} (account_id, ${columns}, created_at, updated_at) VALUES (?${placeholders}, ?, ?)`;
      return (db, accountId, values, now) => Number(stmt(db, sql).run(accountId, ...values, now, now).lastInsertRowid);
    },
    setter,
    updater(assignments) {
      const set = setter(assignments);
      return (db, accountId, id, values, now) => (set(db, accountId, id, values, now) ? get(db, accountId, id) : undefined);
    },
  };
}

/** The assignments of an update that sets each of `columns` (`'a, b'` gives `'a = ?, b = ?'`). */
export const assignments = (columns: string): string =>
  columns
    .split(',')
    .map((column) => `${column.trim()} = ?`)
    .join(', ');

/**
 * Rows of several parents of the account read in one statement (see `childrenByParent`): `sql` takes the account id,
 * the parent ids' `idList` and any further `params`, and orders the rows; `split` gives a row's parent id and what to
 * list.
 */
export function childrenOfAccount<R, V = R>(
  sql: string,
  split: (row: R) => readonly [number, V],
): (db: Db, accountId: number, parentIds: Iterable<number>, ...params: unknown[]) => Map<number, V[]> {
  return (db, accountId, parentIds, ...params) =>
    childrenByParent(parentIds, (list) => stmt<R>(db, sql).all(accountId, list, ...params), split);
}

/** Whether a contact is the account's (the check many writes make before touching a contact's rows). */
export const contactInAccount = (db: Db, accountId: number, contactId: number): boolean =>
  stmt(db, 'SELECT 1 FROM contacts WHERE account_id = ? AND id = ?').get(accountId, contactId) !== undefined;
