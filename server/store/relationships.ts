/**
 * Relationships between two contacts of an account. Monica keeps every link twice, once in each direction:
 * a row says that `of_contact` is the relationship type of `contact_is`, and its reverse (from `of_contact` to
 * `contact_is`) has the type named by the first type's `name_reverse_relationship`. Every write here changes
 * both rows in one transaction.
 */
import { randomUUID } from 'node:crypto';
import { accountTable, contactInAccount, type AccountRow } from './accountTable.js';
import { deleteContact } from './contacts.js';
import { idList, stmt, type Db } from './db.js';
import { getRelationshipType, getRelationshipTypeByName, reverseTypeOf, type RelationshipTypeRow } from './relationshipTypes.js';

export interface RelationshipRow extends AccountRow {
  uuid: string | null;
  relationship_type_id: number;
  contact_is: number;
  of_contact: number;
}

/** A relationship with the names of its type and of the type's group. */
export interface RelationshipWithTypeRow extends RelationshipRow {
  type_name: string;
  group_name: string;
}

export interface RelationshipInput {
  contact_is: number;
  of_contact: number;
  relationship_type_id: number;
}

/** Why a write changed nothing: an id that names nothing of the account, or a type whose reverse is missing. */
export type RelationshipFailure = 'contact' | 'type' | 'relationship' | 'reverse_type';

export type RelationshipResult = { row: RelationshipRow } | { failure: RelationshipFailure };

const relationships = accountTable<RelationshipRow>('relationships');
export const getRelationship = relationships.get;
const insertLink = relationships.inserter('uuid, relationship_type_id, contact_is, of_contact');
const setType = relationships.setter('relationship_type_id = ?');

/** Every relationship whose `contact_is` is the contact, oldest first. */
export function listRelationshipsOfContact(db: Db, accountId: number, contactId: number): RelationshipRow[] {
  return stmt<RelationshipRow>(
    db,
    'SELECT * FROM relationships WHERE account_id = ? AND contact_is = ? ORDER BY id',
  ).all(accountId, contactId);
}

/** The relationships of several contacts (as `contact_is`) with their type and group names, in one query. */
export function relationshipsOfContacts(db: Db, accountId: number, contactIds: Iterable<number>): RelationshipWithTypeRow[] {
  const list = idList(contactIds);
  if (list === '[]') return [];
  return stmt<RelationshipWithTypeRow>(
    db,
    `SELECT r.*, t.name AS type_name, g.name AS group_name
       FROM relationships r
       JOIN relationship_types t ON t.id = r.relationship_type_id AND t.account_id = r.account_id
       JOIN relationship_type_groups g ON g.id = t.relationship_type_group_id AND g.account_id = r.account_id
      WHERE r.account_id = ? AND r.contact_is IN (SELECT value FROM json_each(?))
      ORDER BY r.contact_is, r.id`,
  ).all(accountId, list);
}

function insertRow(db: Db, accountId: number, typeId: number, contactIs: number, ofContact: number, now: string): number {
  return insertLink(db, accountId, [randomUUID(), typeId, contactIs, ofContact], now);
}

/** The row going the other way with the given type (the oldest, should the link have been made twice). */
function findLink(db: Db, accountId: number, contactIs: number, ofContact: number, typeId: number): RelationshipRow | undefined {
  return stmt<RelationshipRow>(
    db,
    `SELECT * FROM relationships
      WHERE account_id = ? AND contact_is = ? AND of_contact = ? AND relationship_type_id = ?
      ORDER BY id LIMIT 1`,
  ).get(accountId, contactIs, ofContact, typeId);
}

/** The reverse of a relationship: from its `of_contact` to its `contact_is`, of the reverse of its type. */
function findReverse(db: Db, row: RelationshipRow): RelationshipRow | undefined {
  const type = getRelationshipType(db, row.account_id, row.relationship_type_id);
  const reverse = type && reverseTypeOf(db, type);
  if (!reverse) return undefined;
  return stmt<RelationshipRow>(
    db,
    `SELECT * FROM relationships
      WHERE account_id = ? AND contact_is = ? AND of_contact = ? AND relationship_type_id = ? AND id <> ?
      ORDER BY id LIMIT 1`,
  ).get(row.account_id, row.of_contact, row.contact_is, reverse.id, row.id);
}

/** Checks the ids of a new link; the type's reverse is returned with the type. */
function checkLink(db: Db, accountId: number, input: RelationshipInput): { failure: RelationshipFailure } | { type: RelationshipTypeRow; reverse: RelationshipTypeRow } {
  if (!contactInAccount(db, accountId, input.contact_is) || !contactInAccount(db, accountId, input.of_contact)) return { failure: 'contact' };
  const type = getRelationshipType(db, accountId, input.relationship_type_id);
  if (!type) return { failure: 'type' };
  const reverse = reverseTypeOf(db, type);
  if (!reverse) return { failure: 'reverse_type' };
  return { type, reverse };
}

/** Creates a relationship and its reverse; answers the one asked for. */
export function createRelationship(db: Db, accountId: number, input: RelationshipInput, now: string): RelationshipResult {
  return db.transaction((): RelationshipResult => {
    const checked = checkLink(db, accountId, input);
    if ('failure' in checked) return checked;
    const id = insertRow(db, accountId, checked.type.id, input.contact_is, input.of_contact, now);
    insertRow(db, accountId, checked.reverse.id, input.of_contact, input.contact_is, now);
    return { row: getRelationship(db, accountId, id)! };
  })();
}

/** Gives a relationship a new type, and its reverse the new type's reverse (recreating the reverse if it is missing). */
export function updateRelationshipType(db: Db, accountId: number, id: number, typeId: number, now: string): RelationshipResult {
  return db.transaction((): RelationshipResult => {
    const row = getRelationship(db, accountId, id);
    if (!row) return { failure: 'relationship' };
    const type = getRelationshipType(db, accountId, typeId);
    if (!type) return { failure: 'type' };
    const reverse = reverseTypeOf(db, type);
    if (!reverse) return { failure: 'reverse_type' };
    const reverseRow = findReverse(db, row);
    setType(db, accountId, row.id, [type.id], now);
    if (reverseRow) setType(db, accountId, reverseRow.id, [reverse.id], now);
    else insertRow(db, accountId, reverse.id, row.of_contact, row.contact_is, now);
    return { row: getRelationship(db, accountId, id)! };
  })();
}

function hasRelationships(db: Db, accountId: number, contactId: number): boolean {
  return (
    stmt<{ found: number }>(
      db,
      'SELECT 1 AS found FROM relationships WHERE account_id = ? AND (contact_is = ? OR of_contact = ?) LIMIT 1',
    ).get(accountId, contactId, contactId) !== undefined
  );
}

/**
 * Deletes a relationship and its reverse. A partial `of_contact` that no relationship links any more is deleted
 * too, since it existed only through the link. Answers false when the relationship is not in the account.
 */
export function deleteRelationship(db: Db, accountId: number, id: number): boolean {
  return db.transaction((): boolean => {
    const row = getRelationship(db, accountId, id);
    if (!row) return false;
    const reverseRow = findReverse(db, row);
    relationships.remove(db, accountId, row.id);
    if (reverseRow) relationships.remove(db, accountId, reverseRow.id);
    const other = stmt<{ is_partial: number }>(db, 'SELECT is_partial FROM contacts WHERE account_id = ? AND id = ?').get(
      accountId,
      row.of_contact,
    );
    if (other?.is_partial && !hasRelationships(db, accountId, row.of_contact)) deleteContact(db, accountId, row.of_contact);
    return true;
  })();
}

/**
 * Makes `ofContact` the `typeName` of `contactIs`, with the reverse, unless that link already exists (the legacy
 * partners and kids calls). Answers a failure when the type or its reverse is missing from the account.
 */
export function linkByTypeName(db: Db, accountId: number, contactIs: number, ofContact: number, typeName: string, now: string): RelationshipFailure | undefined {
  return db.transaction((): RelationshipFailure | undefined => {
    const type = getRelationshipTypeByName(db, accountId, typeName);
    if (!type) return 'type';
    const checked = checkLink(db, accountId, { contact_is: contactIs, of_contact: ofContact, relationship_type_id: type.id });
    if ('failure' in checked) return checked.failure;
    if (!findLink(db, accountId, contactIs, ofContact, type.id)) insertRow(db, accountId, type.id, contactIs, ofContact, now);
    if (!findLink(db, accountId, ofContact, contactIs, checked.reverse.id)) insertRow(db, accountId, checked.reverse.id, ofContact, contactIs, now);
    return undefined;
  })();
}

/**
 * Removes every link that makes `ofContact` the `typeName` of `contactIs`, and its reverse. Neither contact is
 * deleted. Answers how many rows went.
 */
export function unlinkByTypeName(db: Db, accountId: number, contactIs: number, ofContact: number, typeName: string): number {
  return db.transaction((): number => {
    const type = getRelationshipTypeByName(db, accountId, typeName);
    if (!type) return 0;
    const reverse = reverseTypeOf(db, type);
    const remove = stmt(
      db,
      'DELETE FROM relationships WHERE account_id = ? AND contact_is = ? AND of_contact = ? AND relationship_type_id = ?',
    );
    let removed = remove.run(accountId, contactIs, ofContact, type.id).changes;
    if (reverse) removed += remove.run(accountId, ofContact, contactIs, reverse.id).changes;
    return removed;
  })();
}
