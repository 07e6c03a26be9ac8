import type { Reminder, UpcomingReminder } from '../../generated/client/types.gen.js';
import type { ContactRow } from '../store/contacts.js';
import type { Db } from '../store/db.js';
import type { ReminderRow } from '../store/reminders.js';
import { contactObject } from './contactSummary.js';
import { bool, type PresentContext } from './context.js';
import { dateToTimestamp } from './dates.js';
import { presentWithContacts } from './withContacts.js';

/** Presents a reminder; `contact` is the row of the reminder's contact. */
export function presentReminder(row: ReminderRow, contact: ContactRow, ctx: PresentContext): Reminder {
  const fields = {
    title: row.title,
    description: row.description,
    frequency_type: row.frequency_type,
    frequency_number: row.frequency_number,
    initial_date: dateToTimestamp(row.initial_date),
    delible: bool(row.delible),
  };
  return contactObject(row, 'reminder', fields, contact, ctx);
}

/** Presents a page of reminders, loading their contacts with one query. */
export function presentReminders(db: Db, accountId: number, rows: readonly ReminderRow[], ctx: PresentContext): Reminder[] {
  return presentWithContacts(db, accountId, rows, 'reminder', (row, contact) => presentReminder(row, contact, ctx));
}

/**
 * One planned occurrence of a reminder, due on `day` (`YYYY-MM-DD`). A reminder has one planned occurrence at a time
 * (Monica's outbox holds the next one, planned when the reminder was last written), so the reminder's id names it too.
 */
export function presentUpcomingReminder(row: ReminderRow, day: string, contact: ContactRow, ctx: PresentContext): UpcomingReminder {
  const reminder = presentReminder(row, contact, ctx);
  return {
    id: reminder.id,
    reminder_id: reminder.id,
    object: 'reminder',
    planned_date: `${day}T00:00:00.000000Z`,
    title: reminder.title,
    description: reminder.description,
    frequency_type: reminder.frequency_type,
    frequency_number: reminder.frequency_number,
    initial_date: reminder.initial_date,
    delible: reminder.delible,
    account: reminder.account,
    contact: reminder.contact,
    created_at: reminder.updated_at,
    updated_at: reminder.updated_at,
  };
}
