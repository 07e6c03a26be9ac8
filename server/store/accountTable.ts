/**
 * The statements every resource table shares, on one account's rows: a page of them (all, or one contact's), one
 * by id, whether one exists, several by id, and deleting one. A store module makes its table's once
 * (`accountTable<NoteRow>('notes')`) and writes its own SQL for the rest. `table` and `order` are the store's own
 * text, never user input; every statement filters by account_id.
 */
import { idList, stmt, type Db } from './db.js';
import { pageOfAccountRows, type Page, type PageOptions } from './pagination.js';

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
}

/** `order`: a fixed ORDER BY for tables whose lists ignore `sort` (reference data in creation order). */
export function accountTable<Row extends { id: number }>(table: string, options: { order?: string } = {}): AccountTable<Row> {
  return {
    page: (db, accountId, opts) => pageOfAccountRows<Row>(db, table, { accountId }, opts, options.order),
    pageOfContact: (db, accountId, contactId, opts) => pageOfAccountRows<Row>(db, table, { accountId, contactId }, opts, options.order),
    get: (db, accountId, id) => stmt<Row>(db, `SELECT * FROM ${table} WHERE account_id = ? AND id = ?`).get(accountId, id),
    exists: (db, accountId, id) => stmt(db, `SELECT 1 FROM ${table} WHERE account_id = ? AND id = ?`).get(accountId, id) !== undefined,
    byIds(db, accountId, ids) {
      const list = idList(ids);
      if (list === '[]') return new Map();
      const rows = stmt<Row>(db, `SELECT * FROM ${table} WHERE account_id = ? AND id IN (SELECT value FROM json_each(?))`).all(accountId, list);
      return new Map(rows.map((row) => [row.id, row]));
    },
    remove: (db, accountId, id) => stmt(db, `DELETE FROM ${table} WHERE account_id = ? AND id = ?`).run(accountId, id).changes > 0,
  };
}

/** Whether a contact is the account's (the check many writes make before touching a contact's rows). */
export const contactInAccount = (db: Db, accountId: number, contactId: number): boolean =>
  stmt(db, 'SELECT 1 FROM contacts WHERE account_id = ? AND id = ?').get(accountId, contactId) !== undefined;
