/**
 * Groups: named sets of real contacts of one account. Deleting a group or a
 * contact removes the membership rows (ON DELETE CASCADE), never the contacts.
 */
import { accountTable, childrenOfAccount, type AccountRow } from './accountTable.js';
import { stmt, type Db } from './db.js';
import { trimInput } from '../text.js';

export interface GroupRow extends AccountRow {
  name: string;
}

const groups = accountTable<GroupRow>('contact_groups', { order: 'ORDER BY created_at, id' });
/** `listGroups`: oldest first; the order is fixed. */
export const { page: listGroups, get: getGroup, remove: deleteGroup } = groups;
const insertRow = groups.inserter('name');
const setRow = groups.updater('name = ?');

export function createGroup(db: Db, accountId: number, input: { name: string }, now: string): GroupRow {
  return getGroup(db, accountId, insertRow(db, accountId, [trimInput(input.name)], now))!;
}

export function updateGroup(db: Db, accountId: number, id: number, input: { name: string }, now: string): GroupRow | undefined {
  return setRow(db, accountId, id, [trimInput(input.name)], now);
}

/**
 * The real contacts of each group, in the order they joined, in one query
 * (groups without contacts map to an empty list). A contact that has become
 * partial since it joined is left out: partial contacts never belong to a group.
 */
export const contactIdsForGroups = childrenOfAccount<{ group_id: number; contact_id: number }, number>(
  `SELECT cg.group_id, cg.contact_id
     FROM contact_group cg
     JOIN contacts c ON c.id = cg.contact_id AND c.account_id = cg.account_id
    WHERE cg.account_id = ? AND cg.group_id IN (SELECT value FROM json_each(?)) AND c.is_partial = 0
    ORDER BY cg.group_id, cg.created_at, cg.rowid`,
  (row) => [row.group_id, row.contact_id],
);

/**
 * Adds contacts to a group in one transaction; contacts already in it stay
 * once. The caller has checked that every id is a real contact of the
 * account; the insert checks it again, so a foreign id is never linked.
 * Returns how many contacts joined, or undefined when the group is not in the account.
 */
export function attachContacts(db: Db, accountId: number, groupId: number, contactIds: readonly number[], now: string): number | undefined {
  return db.transaction(() => {
    if (!getGroup(db, accountId, groupId)) return undefined;
    const insert = stmt(
      db,
      `INSERT INTO contact_group (account_id, group_id, contact_id, created_at)
       SELECT ?, ?, c.id, ? FROM contacts c WHERE c.account_id = ? AND c.id = ? AND c.is_partial = 0
       ON CONFLICT (group_id, contact_id) DO NOTHING`,
    );
    let added = 0;
    for (const contactId of contactIds) added += insert.run(accountId, groupId, now, accountId, contactId).changes;
    if (added > 0) stmt(db, 'UPDATE contact_groups SET updated_at = ? WHERE account_id = ? AND id = ?').run(now, accountId, groupId);
    return added;
  })();
}
