/**
 * Reminders about contacts: once on `initial_date`, or repeating every
 * `frequency_number` weeks, months or years from it.
 */
import { randomUUID } from 'node:crypto';
import { accountTable, assignments, contactInAccount, type ContactOwnedRow } from './accountTable.js';
import { stmt, type Db } from './db.js';

export type FrequencyType = 'one_time' | 'week' | 'month' | 'year';

export interface ReminderRow extends ContactOwnedRow {
  title: string;
  description: string | null;
  frequency_type: FrequencyType;
  frequency_number: number | null;
  /** `YYYY-MM-DD`. */
  initial_date: string;
  delible: number;
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

const reminders = accountTable<ReminderRow>('reminders');
export const { page: listReminders, pageOfContact: listRemindersForContact, get: getReminder, remove: deleteReminder } = reminders;

/** The content's columns, and their values in that order. */
const CONTENT = 'title, description, frequency_type, frequency_number, initial_date, delible';
const contentOf = (r: ReminderInput) => [r.title, r.description, r.frequency_type, r.frequency_number, r.initial_date, r.delible ? 1 : 0];
const insertRow = reminders.inserter(`uuid, contact_id, ${CONTENT}`);
const UPDATE = `UPDATE reminders SET ${assignments(CONTENT)}, updated_at = ? WHERE account_id = ? AND id = ? AND contact_id = ?`;

/** Every reminder of the account, for working out which come due in a month. */
export function allReminders(db: Db, accountId: number): ReminderRow[] {
  return stmt<ReminderRow>(db, 'SELECT * FROM reminders WHERE account_id = ? ORDER BY id').all(accountId);
}

/** Creates a reminder; returns undefined when the contact is not in the account. */
export function createReminder(db: Db, accountId: number, input: ReminderInput, now: string, uuid: string = randomUUID()): ReminderRow | undefined {
  if (!contactInAccount(db, accountId, input.contact_id)) return undefined;
  return getReminder(db, accountId, insertRow(db, accountId, [uuid, input.contact_id, ...contentOf(input)], now));
}

/**
 * Replaces a reminder's content. The reminder keeps its contact: the update
 * only applies when `input.contact_id` is the reminder's own contact.
 * Returns undefined when the reminder is not in the account or the contact differs.
 */
export function updateReminder(db: Db, accountId: number, id: number, input: ReminderInput, now: string): ReminderRow | undefined {
  const result = stmt(db, UPDATE).run(...contentOf(input), now, accountId, id, input.contact_id);
  return result.changes === 0 ? undefined : getReminder(db, accountId, id);
}
