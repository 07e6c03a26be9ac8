/**
 * Relationships: the `relationship` object, and the `information.relationships` block of a full contact
 * (its relationships grouped by love, family, friend and work), built for a page of contacts at once.
 */
import type { Contact, Relationship } from '../../generated/client/types.gen.js';
import { getContactsByIds, type ContactRow } from '../store/contacts.js';
import type { Db } from '../store/db.js';
import { relationshipTypeGroupNames } from '../store/relationshipTypeGroups.js';
import { getRelationshipTypesByIds, type RelationshipTypeRow } from '../store/relationshipTypes.js';
import { relationshipsOfContacts, type RelationshipRow } from '../store/relationships.js';
import { presentContactSummary } from './contactSummary.js';
import { accountAndTimes, apiUrl, type PresentContext } from './context.js';
import { presentRelationshipType } from './relationshipTypes.js';

export type RelationshipObject = Relationship;
export type ContactRelationships = Contact['information']['relationships'];
type GroupKey = keyof ContactRelationships;

/** The keys of `information.relationships`, which are also the names of the account's type groups. */
export const RELATIONSHIP_GROUPS: readonly GroupKey[] = ['love', 'family', 'friend', 'work'];

export function presentRelationship(
  row: RelationshipRow,
  type: RelationshipTypeRow,
  contactIs: ContactRow,
  ofContact: ContactRow,
  ctx: PresentContext,
): RelationshipObject {
  return {
    id: row.id,
    uuid: row.uuid,
    object: 'relationship',
    contact_is: presentContactSummary(contactIs, ctx),
    relationship_type: presentRelationshipType(type),
    of_contact: presentContactSummary(ofContact, ctx),
    url: apiUrl(ctx, `relationships/${row.id}`),
    ...accountAndTimes(row),
  };
}

/** Presents relationships, loading their types and contacts with one query each. */
export function presentRelationships(
  db: Db,
  accountId: number,
  rows: readonly RelationshipRow[],
  ctx: PresentContext,
): RelationshipObject[] {
  const types = getRelationshipTypesByIds(db, accountId, rows.map((r) => r.relationship_type_id));
  const contacts = getContactsByIds(db, accountId, rows.flatMap((r) => [r.contact_is, r.of_contact]));
  return rows.map((row) => {
    const type = types.get(row.relationship_type_id);
    const contactIs = contacts.get(row.contact_is);
    const ofContact = contacts.get(row.of_contact);
    if (!type || !contactIs || !ofContact) throw new Error(`relationship ${row.id} refers to rows outside account ${accountId}`);
    return presentRelationship(row, type, contactIs, ofContact, ctx);
  });
}

/**
 * The `information.relationships` block of each contact in `contactRows`, keyed by contact id: for each group
 * (love, family, friend, work), the relationships whose `contact_is` is the contact, oldest first, each with the
 * type's name and the other contact (`of_contact`) as a summary. A group the account lacks has `contacts: null`,
 * as in Monica 4.x. Three queries whatever the number of contacts.
 */
export function relationshipsForContacts(
  db: Db,
  accountId: number,
  contactRows: readonly ContactRow[],
  ctx: PresentContext,
): Map<number, ContactRelationships> {
  const groupsOfAccount = relationshipTypeGroupNames(db, accountId);
  const rows = relationshipsOfContacts(db, accountId, contactRows.map((c) => c.id));
  const others = getContactsByIds(db, accountId, rows.map((r) => r.of_contact));

  const empty = (): ContactRelationships => {
    const group = (name: GroupKey) => ({ total: 0, contacts: groupsOfAccount.has(name) ? [] : null });
    return { love: group('love'), family: group('family'), friend: group('friend'), work: group('work') };
  };
  const out = new Map<number, ContactRelationships>();
  for (const contact of contactRows) out.set(contact.id, empty());
  for (const row of rows) {
    const block = out.get(row.contact_is);
    const other = others.get(row.of_contact);
    if (!block || !other || !RELATIONSHIP_GROUPS.includes(row.group_name as GroupKey)) continue;
    const group = block[row.group_name as GroupKey];
    group.total += 1;
    group.contacts?.push({
      relationship: { id: row.id, uuid: row.uuid, name: row.type_name },
      contact: presentContactSummary(other, ctx),
    });
  }
  return out;
}
