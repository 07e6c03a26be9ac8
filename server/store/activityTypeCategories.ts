/**
 * Activity type categories: the groups activity types belong to ("Simple activities", "Sport", ...).
 * Built-in categories carry a translation key and no name; user-made ones carry a name.
 */
import { randomUUID } from 'node:crypto';
import { stmt, type Db } from './db.js';
import { accountTable } from './accountTable.js';

export interface ActivityTypeCategoryRow {
  id: number;
  account_id: number;
  uuid: string | null;
  name: string | null;
  translation_key: string | null;
  created_at: string | null;
  updated_at: string | null;
}

export interface ActivityTypeCategoryInput {
  name: string | null;
  translation_key: string | null;
}

const categories = accountTable<ActivityTypeCategoryRow>('activity_type_categories');
export const listActivityTypeCategories = categories.page;
export const getActivityTypeCategory = categories.get;
/** Several categories of the account by id, in one query; unknown ids are absent. */
export const getActivityTypeCategoriesByIds = categories.byIds;
/**
 * Deletes a category; its activity types go with it (foreign key cascade) and their activities lose their
 * type (set null). False when the category is not in the account.
 */
export const deleteActivityTypeCategory = categories.remove;

/** Inserts a category; `at` is its creation time (null for the built-in ones, as in Monica). */
export function insertActivityTypeCategory(
  db: Db,
  accountId: number,
  input: ActivityTypeCategoryInput,
  at: string | null,
  uuid: string = randomUUID(),
): number {
  const result = stmt(
    db,
    `INSERT INTO activity_type_categories (account_id, uuid, name, translation_key, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(accountId, uuid, input.name, input.translation_key, at, at);
  return Number(result.lastInsertRowid);
}

export function createActivityTypeCategory(
  db: Db,
  accountId: number,
  input: ActivityTypeCategoryInput,
  now: string,
): ActivityTypeCategoryRow {
  return getActivityTypeCategory(db, accountId, insertActivityTypeCategory(db, accountId, input, now))!;
}

/** Replaces the name and translation key; undefined when the category is not in the account. */
export function updateActivityTypeCategory(
  db: Db,
  accountId: number,
  id: number,
  input: ActivityTypeCategoryInput,
  now: string,
): ActivityTypeCategoryRow | undefined {
  const result = stmt(
    db,
    'UPDATE activity_type_categories SET name = ?, translation_key = ?, updated_at = ? WHERE account_id = ? AND id = ?',
  ).run(input.name, input.translation_key, now, accountId, id);
  return result.changes === 0 ? undefined : getActivityTypeCategory(db, accountId, id);
}
