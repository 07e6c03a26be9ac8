import type { Contact, Group } from '../../generated/client/types.gen.js';
import type { Db } from '../store/db.js';
import { getContactsByIds } from '../store/contacts.js';
import { contactIdsForGroups, type GroupRow } from '../store/groups.js';
import { presentListedContacts } from './contacts.js';
import { accountAndTimes, type PresentContext } from './context.js';

export type GroupObject = Group;

/**
 * Presents a page of groups with their contacts in full. The members of every group, their rows and the
 * data the full contact shape embeds are loaded for the whole page at once, whatever its size.
 */
export function presentGroups(db: Db, accountId: number, rows: readonly GroupRow[], ctx: PresentContext): GroupObject[] {
  const members = contactIdsForGroups(db, accountId, rows.map((g) => g.id));
  const contactRows = getContactsByIds(db, accountId, [...members.values()].flat());
  const presented = new Map<number, Contact>();
  const listed = presentListedContacts(db, accountId, [...contactRows.values()], ctx, { withContactFields: false });
  for (const contact of listed) presented.set(contact.id, contact);
  return rows.map((row) => ({
    id: row.id,
    object: 'group',
    name: row.name,
    contacts: (members.get(row.id) ?? []).flatMap((id) => {
      const contact = presented.get(id);
      return contact ? [contact] : [];
    }),
    ...accountAndTimes(row),
  }));
}
