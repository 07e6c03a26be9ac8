/**
 * Reminders about contacts: once on `initial_date`, or repeating every
 * `frequency_number` weeks, months or years from it.
 */
import { randomUUID } from 'node:crypto';
import { stmt, type Db } from './db.js';
import { pageOfAccountRows, type Page, type PageOptions } from './pagination.js';

export type FrequencyType = 'one_time' | 'week' | 'month' | 'year';

export interface ReminderRow {
  id: number;
  account_id: number;
  uuid: string | null;
  contact_id: number;
  title: string;
  description: string | null;
  frequency_type: FrequencyType;
  frequency_number: number | null;
  /** `YYYY-MM-DD`. */
  initial_date: string;
  delible: number;
  created_at: string | null;
  updated_at: string | null;
}

/** A reminder's content, already validated and converted by the caller. */
export interface ReminderInput {
  contact_id: number;
  title: string;
  description: string | null;
  /** `YYYY-MM-DD`; may lie in the past. */
  initial_date: string;
  frequency_type: FrequencyType;
  frequency_number: number | null;
  delible: boolean;
}

function contactInAccount(db: Db, accountId: number, contactId: number): boolean {
  return (
    stmt<{ found: number }>(db, 'SELECT 1 AS found FROM contacts WHERE account_id = ? AND id = ?').get(accountId, contactId) !==
    undefined
  );
}

export function listReminders(db: Db, accountId: number, opts: PageOptions): Page<ReminderRow> {
  return pageOfAccountRows<ReminderRow>(db, 'reminders', { accountId }, opts);
}

export function listRemindersForContact(
  db: Db,
  accountId: number,
  contactId: number,
  opts: PageOptions,
): Page<ReminderRow> {
  return pageOfAccountRows<ReminderRow>(db, 'reminders', { accountId, contactId }, opts);
}

/** Every reminder of the account, for working out which come due in a month. */
export function allReminders(db: Db, accountId: number): ReminderRow[] {
  return stmt<ReminderRow>(db, 'SELECT * FROM reminders WHERE account_id = ? ORDER BY id').all(accountId);
}

export function getReminder(db: Db, accountId: number, id: number): ReminderRow | undefined {
  return stmt<ReminderRow>(db, 'SELECT * FROM reminders WHERE account_id = ? AND id = ?').get(accountId, id);
}

/** Creates a reminder; returns undefined when the contact is not in the account. */
export function createReminder(
  db: Db,
  accountId: number,
  input: ReminderInput,
  now: string,
  uuid: string = randomUUID(),
): ReminderRow | undefined {
  if (!contactInAccount(db, accountId, input.contact_id)) return undefined;
  const result = stmt(
    db,
    `INSERT INTO reminders (account_id, uuid, contact_id, title, description, frequency_type, frequency_number,
                            initial_date, delible, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    accountId,
    uuid,
    input.contact_id,
    input.title,
    input.description,
    input.frequency_type,
    input.frequency_number,
    input.initial_date,
    input.delible ? 1 : 0,
    now,
    now,
  );
  return getReminder(db, accountId, Number(result.lastInsertRowid));
}

/**
 * Replaces a reminder's content. The reminder keeps its contact: the update
 * only applies when `input.contact_id` is the reminder's own contact.
 * Returns undefined when the reminder is not in the account or the contact differs.
 */
export function updateReminder(db: Db, accountId: number, id: number, input: ReminderInput, now: string): ReminderRow | undefined {
  const result = stmt(
    db,
    `UPDATE reminders SET title = ?, description = ?, frequency_type = ?, frequency_number = ?, initial_date = ?,
            delible = ?, updated_at = ?
      WHERE account_id = ? AND id = ? AND contact_id = ?`,
  ).run(
    input.title,
    input.description,
    input.frequency_type,
    input.frequency_number,
    input.initial_date,
    input.delible ? 1 : 0,
    now,
    accountId,
    id,
    input.contact_id,
  );
  return result.changes === 0 ? undefined : getReminder(db, accountId, id);
}

export function deleteReminder(db: Db, accountId: number, id: number): boolean {
  return stmt(db, 'DELETE FROM reminders WHERE account_id = ? AND id = ?').run(accountId, id).changes > 0;
}

