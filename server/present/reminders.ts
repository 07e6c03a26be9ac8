import type { Reminder } from '../../generated/client/types.gen.js';
import { getContactsByIds, type ContactRow } from '../store/contacts.js';
import type { Db } from '../store/db.js';
import type { ReminderRow } from '../store/reminders.js';
import { presentContactSummary } from './contactSummary.js';
import { bool, type PresentContext } from './context.js';
import { dateToTimestamp, toApiTimestamp } from './dates.js';

/** Presents a reminder; `contact` is the row of the reminder's contact. */
export function presentReminder(row: ReminderRow, contact: ContactRow, ctx: PresentContext): Reminder {
  return {
    id: row.id,
    uuid: row.uuid,
    object: 'reminder',
    title: row.title,
    description: row.description,
    frequency_type: row.frequency_type,
    frequency_number: row.frequency_number,
    initial_date: dateToTimestamp(row.initial_date),
    delible: bool(row.delible),
    account: { id: row.account_id },
    contact: presentContactSummary(contact, ctx),
    created_at: toApiTimestamp(row.created_at),
    updated_at: toApiTimestamp(row.updated_at),
  };
}

/** Presents a page of reminders, loading their contacts with one query. */
export function presentReminders(db: Db, accountId: number, rows: readonly ReminderRow[], ctx: PresentContext): Reminder[] {
  const contacts = getContactsByIds(db, accountId, rows.map((r) => r.contact_id));
  return rows.map((row) => {
    const contact = contacts.get(row.contact_id);
    if (!contact) throw new Error(`reminder ${row.id} refers to a contact outside account ${accountId}`);
    return presentReminder(row, contact, ctx);
  });
}
