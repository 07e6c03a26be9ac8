// The counters of a contact's `statistics`, for a page of contacts: one query per kind of object.
import type { ContactStatistics } from '../../generated/client/types.gen.js';
import { countsForContacts } from './contacts.js';
import { idList, stmt, type Db } from './db.js';

/** The tables whose rows a contact's statistics count; activities through their attendee links. */
const COUNTED: [keyof ContactStatistics, string][] = [
  ['number_of_calls', 'calls'],
  ['number_of_activities', 'activity_contact'],
  ['number_of_reminders', 'reminders'],
  ['number_of_tasks', 'tasks'],
  ['number_of_gifts', 'gifts'],
  ['number_of_debts', 'debts'],
];

/**
 * How many rows of `table` each contact has, within the account; contacts without any are absent. The unary +
 * keeps SQLite on the per-contact index instead of walking every row of the account.
 */
export function countRowsPerContact(db: Db, table: string, accountId: number, contactIds: Iterable<number>): Map<number, number> {
  const rows = stmt<{ contact_id: number; n: number }>(
    db,
    `SELECT contact_id, COUNT(*) AS n FROM ${table}
      WHERE +account_id = ? AND contact_id IN (SELECT value FROM json_each(?))
      GROUP BY contact_id`,
  ).all(accountId, idList(contactIds));
  return new Map(rows.map((r) => [r.contact_id, r.n]));
}

export function statisticsForContacts(db: Db, accountId: number, contactIds: readonly number[]): Map<number, ContactStatistics> {
  // Notes are counted by the contacts store itself, every other kind here.
  const stats = countsForContacts(db, accountId, contactIds);
  for (const [key, table] of COUNTED) {
    for (const [contactId, n] of countRowsPerContact(db, table, accountId, contactIds)) {
      const entry = stats.get(contactId);
      if (entry) entry[key] = n;
    }
  }
  return stats;
}
