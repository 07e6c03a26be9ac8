// The counters of a contact's `statistics`, for a page of contacts: every kind counted by one statement.
import type { ContactStatistics } from '../../generated/client/types.gen.js';
import { emptyStatistics } from './contacts.js';
import { idList, stmt, type Db } from './db.js';

/** The tables whose rows a contact's statistics count; activities through their attendee links. */
const COUNTED: [keyof ContactStatistics, string][] = [
  ['number_of_notes', 'notes'],
  ['number_of_calls', 'calls'],
  ['number_of_activities', 'activity_contact'],
  ['number_of_reminders', 'reminders'],
  ['number_of_tasks', 'tasks'],
  ['number_of_gifts', 'gifts'],
  ['number_of_debts', 'debts'],
];

/**
 * One grouped count per table, in the same shape. The unary + keeps SQLite on the per-contact index instead
 * of walking every row of the account.
 */
function countPerContactSql(table: string, kind: number): string {
  return `SELECT ${kind} AS kind, contact_id, COUNT(*) AS n FROM ${table}
      WHERE +account_id = @account AND contact_id IN (SELECT value FROM json_each(@ids))
      GROUP BY contact_id`;
}

/** How many rows of `table` each contact has, within the account; contacts without any are absent. */
export function countRowsPerContact(db: Db, table: string, accountId: number, contactIds: Iterable<number>): Map<number, number> {
  const rows = stmt<{ contact_id: number; n: number }>(db, countPerContactSql(table, 0)).all({ account: accountId, ids: idList(contactIds) });
  return new Map(rows.map((r) => [r.contact_id, r.n]));
}

// Seven grouped counts glued into one statement: one call into SQLite per page instead of seven.
const STATISTICS_SQL = COUNTED.map(([, table], kind) => countPerContactSql(table, kind)).join('\n UNION ALL\n');

export function statisticsForContacts(db: Db, accountId: number, contactIds: readonly number[]): Map<number, ContactStatistics> {
  const ids = idList(contactIds);
  const stats = new Map<number, ContactStatistics>();
  for (const id of JSON.parse(ids) as number[]) stats.set(id, emptyStatistics());
  if (stats.size === 0) return stats;
  const rows = stmt<{ kind: number; contact_id: number; n: number }>(db, STATISTICS_SQL).all({ account: accountId, ids });
  for (const { kind, contact_id, n } of rows) stats.get(contact_id)![COUNTED[kind][0]] = n;
  return stats;
}
