/**
 * Activities: something the user did with one or more contacts (the attendees, `activity_contact`) on a day,
 * of an optional activity type, with optional emotions (`activity_emotion`, pointing to the global emotions).
 *
 * Side effects kept here so every writer gets them:
 * - each attendee's `contacts.last_activity_together` is the latest `happened_at` of its activities, refreshed
 *   whenever an activity is created, changed or deleted (null once it has none);
 * - an activity whose last attendee is deleted is deleted too (trigger `activity_contact_last_attendee`), so
 *   attendee lists are replaced by inserting the new links before removing the old ones.
 */
import { randomUUID } from 'node:crypto';
import { accountTable, assignments, childrenOfAccount, type AccountRow } from './accountTable.js';
import { activityTypes } from './activityTypes.js';
import { idList, stmt, type Db } from './db.js';
import type { EmotionRow } from './emotions.js';
import { orderClause, pageOf, type Page, type PageOptions } from './pagination.js';

export interface ActivityRow extends AccountRow {
  uuid: string | null;
  activity_type_id: number | null;
  summary: string;
  description: string | null;
  happened_at: string;
}

export interface ActivityInput {
  activity_type_id: number | null;
  summary: string;
  description: string | null;
  /** `YYYY-MM-DD`. */
  happened_at: string;
  /** The attendees (contact ids of the account); at least one. */
  contacts: number[];
  /** Emotion ids; on update, null or empty keeps the activity's emotions. */
  emotions: number[] | null;
}

const unique = (ids: readonly number[]): number[] => [...new Set(ids)];

// ---------------------------------------------------------------------------
// Reads

const activities = accountTable<ActivityRow>('activities');
export const { page: listActivities, get: getActivity } = activities;
/** The columns an input sets, and their values in that order. */
const CONTENT = 'activity_type_id, summary, description, happened_at';
const contentOf = (input: ActivityInput) => [input.activity_type_id, input.summary, input.description, input.happened_at];
const insertRow = activities.inserter(`uuid, ${CONTENT}`);
const setRow = activities.setter(assignments(CONTENT));

/** The activities a contact attended. */
export function listActivitiesForContact(db: Db, accountId: number, contactId: number, opts: PageOptions): Page<ActivityRow> {
  return pageOf<ActivityRow>(
    db,
    `SELECT a.* FROM activities a
       JOIN activity_contact ac ON ac.activity_id = a.id AND ac.account_id = a.account_id
      WHERE a.account_id = ? AND ac.contact_id = ? ${orderClause(opts.sort, 'a.')}`,
    'SELECT COUNT(*) AS n FROM activity_contact WHERE account_id = ? AND contact_id = ?',
    [accountId, contactId],
    opts,
  );
}

/** The attendees' contact ids of each activity (ascending), in one query. */
export const attendeesOfActivities = childrenOfAccount<{ activity_id: number; contact_id: number }, number>(
  `SELECT activity_id, contact_id FROM activity_contact
    WHERE account_id = ? AND activity_id IN (SELECT value FROM json_each(?))
    ORDER BY activity_id, contact_id`,
  (row) => [row.activity_id, row.contact_id],
);

/** The emotions of each activity (by emotion id), in one query. */
export const emotionsOfActivities = childrenOfAccount<{ activity_id: number; id: number; name: string }, EmotionRow>(
  `SELECT ae.activity_id, e.id, e.name FROM activity_emotion ae JOIN emotions e ON e.id = ae.emotion_id
    WHERE ae.account_id = ? AND ae.activity_id IN (SELECT value FROM json_each(?))
    ORDER BY ae.activity_id, e.id`,
  (row) => [row.activity_id, { id: row.id, name: row.name }],
);

/**
 * How many activities of the whole account happened in each year (`meta.statistics` of the activity lists),
 * keyed by four-digit year; an empty object when there are none.
 */
export function activityStatistics(db: Db, accountId: number): Record<string, number> {
  const rows = stmt<{ year: string; n: number }>(
    db,
    `SELECT substr(happened_at, 1, 4) AS year, COUNT(*) AS n FROM activities
      WHERE account_id = ? GROUP BY year ORDER BY year`,
  ).all(accountId);
  return Object.fromEntries(rows.map((r) => [r.year, r.n]));
}

// ---------------------------------------------------------------------------
// Writes

/**
 * Whether every id the input names exists: the type and the contacts in the account, the emotions at all.
 */
export function activityReferencesExist(db: Db, accountId: number, input: ActivityInput): boolean {
  if (input.activity_type_id !== null && !activityTypes.exists(db, accountId, input.activity_type_id)) return false;
  const contacts = idList(input.contacts);
  const foundContacts = stmt<{ n: number }>(
    db,
    'SELECT COUNT(*) AS n FROM contacts WHERE account_id = ? AND id IN (SELECT value FROM json_each(?))',
  ).get(accountId, contacts)!.n;
  if (foundContacts !== unique(input.contacts).length) return false;
  if (input.emotions && input.emotions.length > 0) {
    const emotions = idList(input.emotions);
    const foundEmotions = stmt<{ n: number }>(
      db,
      'SELECT COUNT(*) AS n FROM emotions WHERE id IN (SELECT value FROM json_each(?))',
    ).get(emotions)!.n;
    if (foundEmotions !== unique(input.emotions).length) return false;
  }
  return true;
}

/** Sets each contact's `last_activity_together` to the latest day of its activities (null when none). */
export function refreshLastActivityTogether(db: Db, accountId: number, contactIds: Iterable<number>): void {
  stmt(
    db,
    `UPDATE contacts SET last_activity_together = (
         SELECT MAX(a.happened_at) FROM activity_contact ac
           JOIN activities a ON a.id = ac.activity_id AND a.account_id = ac.account_id
          WHERE ac.account_id = contacts.account_id AND ac.contact_id = contacts.id)
      WHERE account_id = ? AND id IN (SELECT value FROM json_each(?))`,
  ).run(accountId, idList(contactIds));
}

/** Makes the attendees exactly `contactIds`: new links first, so the activity never has none in between. */
function setAttendees(db: Db, accountId: number, activityId: number, contactIds: readonly number[]): void {
  const list = idList(contactIds);
  stmt(
    db,
    `INSERT OR IGNORE INTO activity_contact (account_id, activity_id, contact_id)
     SELECT ?, ?, value FROM json_each(?)`,
  ).run(accountId, activityId, list);
  stmt(
    db,
    `DELETE FROM activity_contact
      WHERE account_id = ? AND activity_id = ? AND contact_id NOT IN (SELECT value FROM json_each(?))`,
  ).run(accountId, activityId, list);
}

/** Replaces the emotions, unless `emotionIds` is null or empty (then the current ones stay). */
function setEmotions(db: Db, accountId: number, activityId: number, emotionIds: readonly number[] | null): void {
  if (!emotionIds || emotionIds.length === 0) return;
  stmt(db, 'DELETE FROM activity_emotion WHERE account_id = ? AND activity_id = ?').run(accountId, activityId);
  stmt(
    db,
    `INSERT OR IGNORE INTO activity_emotion (account_id, activity_id, emotion_id)
     SELECT ?, ?, value FROM json_each(?)`,
  ).run(accountId, activityId, idList(emotionIds));
}

/**
 * Creates an activity with its attendees and emotions, and refreshes the attendees' last activity, in one
 * transaction. Undefined (and nothing written) when the type, a contact or an emotion does not exist.
 */
export function createActivity(
  db: Db,
  accountId: number,
  input: ActivityInput,
  now: string,
  uuid: string = randomUUID(),
): ActivityRow | undefined {
  return db.transaction((): ActivityRow | undefined => {
    if (!activityReferencesExist(db, accountId, input)) return undefined;
    const id = insertRow(db, accountId, [uuid, ...contentOf(input)], now);
    setAttendees(db, accountId, id, input.contacts);
    setEmotions(db, accountId, id, input.emotions);
    refreshLastActivityTogether(db, accountId, input.contacts);
    return getActivity(db, accountId, id);
  })();
}

/**
 * Replaces an activity (type, summary, description, day, attendees; emotions only when given) and refreshes
 * the last activity of its former and new attendees, in one transaction. Undefined (and nothing written) when
 * the activity, its type, a contact or an emotion does not exist.
 */
export function updateActivity(
  db: Db,
  accountId: number,
  id: number,
  input: ActivityInput,
  now: string,
): ActivityRow | undefined {
  return db.transaction((): ActivityRow | undefined => {
    if (!getActivity(db, accountId, id) || !activityReferencesExist(db, accountId, input)) return undefined;
    const before = attendeesOfActivities(db, accountId, [id]).get(id) ?? [];
    setRow(db, accountId, id, contentOf(input), now);
    setAttendees(db, accountId, id, input.contacts);
    setEmotions(db, accountId, id, input.emotions);
    refreshLastActivityTogether(db, accountId, [...before, ...input.contacts]);
    return getActivity(db, accountId, id);
  })();
}

/** Deletes an activity (its links go with it) and refreshes its attendees' last activity. */
export function deleteActivity(db: Db, accountId: number, id: number): boolean {
  return db.transaction((): boolean => {
    const attendees = attendeesOfActivities(db, accountId, [id]).get(id) ?? [];
    const deleted = activities.remove(db, accountId, id);
    if (deleted) refreshLastActivityTogether(db, accountId, attendees);
    return deleted;
  })();
}
