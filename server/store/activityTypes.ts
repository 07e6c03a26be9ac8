/**
 * Activity types ("ate at their place", "went to a concert", ...), each in a category of the same account.
 * Rows come with their category's columns joined in (`category_*`), so a type is presented without a second query.
 */
import { randomUUID } from 'node:crypto';
import { accountTable, type AccountRow } from './accountTable.js';
import { activityTypeCategories } from './activityTypeCategories.js';
import type { Db } from './db.js';

export interface ActivityTypeInput {
  activity_type_category_id: number;
  name: string | null;
  translation_key: string | null;
}

export interface ActivityTypeRow extends AccountRow, ActivityTypeInput {
  uuid: string | null;
  location_type: string | null;
  category_uuid: string | null;
  category_name: string | null;
  category_translation_key: string | null;
  category_created_at: string | null;
  category_updated_at: string | null;
}

const SELECT = `SELECT t.*, c.uuid AS category_uuid, c.name AS category_name, c.translation_key AS category_translation_key,
       c.created_at AS category_created_at, c.updated_at AS category_updated_at
  FROM activity_types t
  JOIN activity_type_categories c ON c.id = t.activity_type_category_id AND c.account_id = t.account_id`;

export const activityTypes = accountTable<ActivityTypeRow>('activity_types', { select: SELECT, alias: 't.' });
/**
 * `getActivityTypesByIds`: several types of the account by id, in one query (unknown ids are absent).
 * `deleteActivityType`: its activities stay, without a type (foreign key set null); false when not in the account.
 */
export const { page: listActivityTypes, get: getActivityType, byIds: getActivityTypesByIds, remove: deleteActivityType } = activityTypes;
const insertRow = activityTypes.inserter('uuid, activity_type_category_id, name, translation_key, location_type');
const setRow = activityTypes.updater('activity_type_category_id = ?, name = ?, translation_key = ?');

const valuesOf = (input: ActivityTypeInput) => [input.activity_type_category_id, input.name, input.translation_key];

/** Inserts a type; `at` is its creation time (null for the built-in ones, as in Monica). */
export function insertActivityType(db: Db, accountId: number, input: ActivityTypeInput, at: string | null, uuid: string = randomUUID()): number {
  return insertRow(db, accountId, [uuid, ...valuesOf(input), null], at);
}

/** Creates a type; undefined when the category is not in the account. */
export function createActivityType(db: Db, accountId: number, input: ActivityTypeInput, now: string): ActivityTypeRow | undefined {
  if (!activityTypeCategories.exists(db, accountId, input.activity_type_category_id)) return undefined;
  return getActivityType(db, accountId, insertActivityType(db, accountId, input, now));
}

/** Replaces name, translation key and category; undefined when the type or the category is not in the account. */
export function updateActivityType(db: Db, accountId: number, id: number, input: ActivityTypeInput, now: string): ActivityTypeRow | undefined {
  if (!activityTypeCategories.exists(db, accountId, input.activity_type_category_id)) return undefined;
  return setRow(db, accountId, id, valuesOf(input), now);
}
