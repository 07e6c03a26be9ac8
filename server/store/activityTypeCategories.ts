/**
 * Activity type categories: the groups activity types belong to ("Simple activities", "Sport", ...).
 * Built-in categories carry a translation key and no name; user-made ones carry a name.
 */
import { randomUUID } from 'node:crypto';
import { accountTable, type AccountRow } from './accountTable.js';
import type { Db } from './db.js';

export interface ActivityTypeCategoryInput {
  name: string | null;
  translation_key: string | null;
}

export interface ActivityTypeCategoryRow extends AccountRow, ActivityTypeCategoryInput {
  uuid: string | null;
}

export const activityTypeCategories = accountTable<ActivityTypeCategoryRow>('activity_type_categories');
/**
 * `getActivityTypeCategoriesByIds`: several categories of the account by id, in one query (unknown ids are absent).
 * `deleteActivityTypeCategory`: its activity types go with it (foreign key cascade) and their activities lose their
 * type (set null); false when the category is not in the account.
 */
export const {
  page: listActivityTypeCategories,
  get: getActivityTypeCategory,
  byIds: getActivityTypeCategoriesByIds,
  remove: deleteActivityTypeCategory,
} = activityTypeCategories;
const insertRow = activityTypeCategories.inserter('uuid, name, translation_key');
const setRow = activityTypeCategories.updater('name = ?, translation_key = ?');

/** Inserts a category; `at` is its creation time (null for the built-in ones, as in Monica). */
export function insertActivityTypeCategory(
  db: Db,
  accountId: number,
  input: ActivityTypeCategoryInput,
  at: string | null,
  uuid: string = randomUUID(),
): number {
  return insertRow(db, accountId, [uuid, input.name, input.translation_key], at);
}

export function createActivityTypeCategory(db: Db, accountId: number, input: ActivityTypeCategoryInput, now: string): ActivityTypeCategoryRow {
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
  return setRow(db, accountId, id, [input.name, input.translation_key], now);
}
