// The counters of a contact's `statistics`, for a page of contacts: one query per kind of object.
import type { ContactStatistics } from '../../generated/client/types.gen.js';
import { countActivitiesForContacts } from './activities.js';
import { callCountsForContacts } from './calls.js';
import { countsForContacts } from './contacts.js';
import type { Db } from './db.js';
import { debtCountsForContacts } from './debts.js';
import { giftCountsForContacts } from './gifts.js';
import { countRemindersForContacts } from './reminders.js';
import { countTasksForContacts } from './tasks.js';

export function statisticsForContacts(db: Db, accountId: number, contactIds: readonly number[]): Map<number, ContactStatistics> {
  // Notes are counted by the contacts store itself; every other kind by its own store.
  const stats = countsForContacts(db, accountId, contactIds);
  const counters: [keyof ContactStatistics, Map<number, number>][] = [
    ['number_of_calls', callCountsForContacts(db, accountId, contactIds)],
    ['number_of_activities', countActivitiesForContacts(db, accountId, contactIds)],
    ['number_of_reminders', countRemindersForContacts(db, accountId, contactIds)],
    ['number_of_tasks', countTasksForContacts(db, accountId, contactIds)],
    ['number_of_gifts', giftCountsForContacts(db, accountId, contactIds)],
    ['number_of_debts', debtCountsForContacts(db, accountId, contactIds)],
  ];
  for (const [key, counts] of counters) {
    for (const [contactId, n] of counts) {
      const entry = stats.get(contactId);
      if (entry) entry[key] = n;
    }
  }
  return stats;
}
