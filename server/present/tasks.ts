import type { Task } from '../../generated/client/types.gen.js';
import { getContactsByIds, type ContactRow } from '../store/contacts.js';
import type { Db } from '../store/db.js';
import type { TaskRow } from '../store/tasks.js';
import { presentContactSummary } from './contactSummary.js';
import { bool, type PresentContext } from './context.js';
import { toApiTimestamp } from './dates.js';

/** Presents a task; `contact` is the row of the task's contact, or null for a task about no one. */
export function presentTask(row: TaskRow, contact: ContactRow | null, ctx: PresentContext): Task {
  return {
    id: row.id,
    uuid: row.uuid,
    object: 'task',
    title: row.title,
    description: row.description,
    completed: bool(row.completed),
    completed_at: toApiTimestamp(row.completed_at),
    account: { id: row.account_id },
    contact: contact ? presentContactSummary(contact, ctx) : null,
    created_at: toApiTimestamp(row.created_at),
    updated_at: toApiTimestamp(row.updated_at),
  };
}

/** Presents a page of tasks, loading their contacts with one query. */
export function presentTasks(db: Db, accountId: number, rows: readonly TaskRow[], ctx: PresentContext): Task[] {
  const contactIds = rows.flatMap((r) => (r.contact_id === null ? [] : [r.contact_id]));
  const contacts = getContactsByIds(db, accountId, contactIds);
  return rows.map((row) => {
    if (row.contact_id === null) return presentTask(row, null, ctx);
    const contact = contacts.get(row.contact_id);
    if (!contact) throw new Error(`task ${row.id} refers to a contact outside account ${accountId}`);
    return presentTask(row, contact, ctx);
  });
}
