// Demo relationships, each stored with its reverse, and the legacy child links of a partial contact.
import type { Db } from '../../store/db.js';
import { getRelationshipTypeByName } from '../../store/relationshipTypes.js';
import { createRelationship, linkByTypeName } from '../../store/relationships.js';
import { contactIdsByName, daysAgoStamp } from './shared.js';
import type { DemoAccount } from './types.js';

/** [contact_is, type, of_contact]: of_contact is the type of contact_is (a first name, or `partial:<first name>`). */
const RELATIONSHIPS: ReadonlyArray<[string, string, string]> = [
  ['Amelia', 'spouse', 'Thomas'],
  ['Emma', 'sibling', 'Noah'],
  ['Emma', 'cousin', 'Amelia'],
  ['Oliver', 'colleague', 'Ava'],
  ['Arjun', 'protege', 'Oliver'],
  ['Priya', 'bestfriend', 'Amelia'],
  ['Benjamin', 'friend', 'Grace'],
  ['Daniel', 'friend', 'Samuel'],
  ['Chloe', 'date', 'Ethan'],
  ['Fatima', 'protege', 'Priya'],
  ['Hannah', 'ex', 'Marcus'],
  ['Noah', 'godfather', 'Henry'],
  ['Amelia', 'colleague', 'partial:Bob'],
  ['Thomas', 'uncle', 'partial:Uncle Ray'],
  ['Sofia', 'mentor', 'partial:Mrs.'],
];

/** Believable demo content for the demo account (called once, on an empty database, after contacts, tags and notes). */
export function addRelationshipsDemo(db: Db, demo: DemoAccount): void {
  const { accountId } = demo;
  const byName = contactIdsByName(db, demo);
  const at = (daysAgo: number) => daysAgoStamp(demo, daysAgo, 86_399);

  // Relationships (each with its reverse), and the legacy child link for a partial contact.
  RELATIONSHIPS.forEach(([is, typeName, of], index) => {
    const contactIs = byName.get(is);
    const ofContact = byName.get(of);
    const type = getRelationshipTypeByName(db, accountId, typeName);
    if (contactIs === undefined || ofContact === undefined || !type) return;
    createRelationship(db, accountId, { contact_is: contactIs, of_contact: ofContact, relationship_type_id: type.id }, at(300 - index * 15));
  });
  const sam = byName.get('partial:Sam');
  const amelia = byName.get('Amelia');
  const thomas = byName.get('Thomas');
  if (sam !== undefined && amelia !== undefined) linkByTypeName(db, accountId, amelia, sam, 'child', at(60));
  if (sam !== undefined && thomas !== undefined) linkByTypeName(db, accountId, thomas, sam, 'child', at(59));
}
