/**
 * Activity types ("ate at their place", "went to a concert", ...), each in a category of the same account.
 * Rows come with their category's columns joined in (`category_*`), so a type is presented without a second query.
 */
import { randomUUID } from 'node:crypto';
import { idList, stmt, type Db } from './db.js';
import { orderClause, pageOf, type Page, type PageOptions } from './pagination.js';

export interface ActivityTypeRow {
  id: number;
  account_id: number;
  uuid: string | null;
  activity_type_category_id: number;
  name: string | null;
  translation_key: string | null;
  location_type: string | null;
  created_at: string | null;
  updated_at: string | null;
  category_uuid: string | null;
  category_name: string | null;
  category_translation_key: string | null;
  category_created_at: string | null;
  category_updated_at: string | null;
}

export interface ActivityTypeInput {
  activity_type_category_id: number;
  name: string | null;
  translation_key: string | null;
}

const SELECT = `SELECT t.*, c.uuid AS category_uuid, c.name AS category_name, c.translation_key AS category_translation_key,
       c.created_at AS category_created_at, c.updated_at AS category_updated_at
  FROM activity_types t
  JOIN activity_type_categories c ON c.id = t.activity_type_category_id AND c.account_id = t.account_id`;

export function listActivityTypes(db: Db, accountId: number, opts: PageOptions): Page<ActivityTypeRow> {
  const select = `${SELECT} WHERE t.account_id = ? ${orderClause(opts.sort, 't.')}`;
  return pageOf<ActivityTypeRow>(db, select, 'SELECT COUNT(*) AS n FROM activity_types WHERE account_id = ?', [accountId], opts);
}

export function getActivityType(db: Db, accountId: number, id: number): ActivityTypeRow | undefined {
  return stmt<ActivityTypeRow>(db, `${SELECT} WHERE t.account_id = ? AND t.id = ?`).get(accountId, id);
}

/** Several types of the account by id, in one query; unknown ids are absent. */
export function getActivityTypesByIds(db: Db, accountId: number, ids: Iterable<number>): Map<number, ActivityTypeRow> {
  const list = idList(ids);
  if (list === '[]') return new Map();
  const rows = stmt<ActivityTypeRow>(
    db,
    `${SELECT} WHERE t.account_id = ? AND t.id IN (SELECT value FROM json_each(?))`,
  ).all(accountId, list);
  return new Map(rows.map((r) => [r.id, r]));
}

function categoryInAccount(db: Db, accountId: number, categoryId: number): boolean {
  return (
    stmt<{ found: number }>(db, 'SELECT 1 AS found FROM activity_type_categories WHERE account_id = ? AND id = ?').get(
      accountId,
      categoryId,
    ) !== undefined
  );
}

/** Inserts a type; `at` is its creation time (null for the built-in ones, as in Monica). */
export function insertActivityType(
  db: Db,
  accountId: number,
  input: ActivityTypeInput,
  at: string | null,
  uuid: string = randomUUID(),
): number {
  const result = stmt(
    db,
    `INSERT INTO activity_types (account_id, uuid, activity_type_category_id, name, translation_key, location_type, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, NULL, ?, ?)`,
  ).run(accountId, uuid, input.activity_type_category_id, input.name, input.translation_key, at, at);
  return Number(result.lastInsertRowid);
}

/** Creates a type; undefined when the category is not in the account. */
export function createActivityType(db: Db, accountId: number, input: ActivityTypeInput, now: string): ActivityTypeRow | undefined {
  if (!categoryInAccount(db, accountId, input.activity_type_category_id)) return undefined;
  return getActivityType(db, accountId, insertActivityType(db, accountId, input, now));
}

/** Replaces name, translation key and category; undefined when the type or the category is not in the account. */
export function updateActivityType(
  db: Db,
  accountId: number,
  id: number,
  input: ActivityTypeInput,
  now: string,
): ActivityTypeRow | undefined {
  if (!categoryInAccount(db, accountId, input.activity_type_category_id)) return undefined;
  const result = stmt(
    db,
    `UPDATE activity_types SET activity_type_category_id = ?, name = ?, translation_key = ?, updated_at = ?
      WHERE account_id = ? AND id = ?`,
  ).run(input.activity_type_category_id, input.name, input.translation_key, now, accountId, id);
  return result.changes === 0 ? undefined : getActivityType(db, accountId, id);
}

/** Deletes a type; its activities stay, without a type (foreign key set null). False when not in the account. */
export function deleteActivityType(db: Db, accountId: number, id: number): boolean {
  return stmt(db, 'DELETE FROM activity_types WHERE account_id = ? AND id = ?').run(accountId, id).changes > 0;
}
