/**
 * The account's contact field types (Email, Phone, ...): the kinds of its contact fields, and the channels of its
 * conversations.
 */
import { randomUUID } from 'node:crypto';
import { accountTable, type AccountRow } from './accountTable.js';
import { stmt, type Db } from './db.js';

export interface ContactFieldTypeRow extends AccountRow {
  uuid: string | null;
  name: string;
  fontawesome_icon: string | null;
  protocol: string | null;
  delible: number;
  type: string | null;
}

export function listContactFieldTypes(db: Db, accountId: number): ContactFieldTypeRow[] {
  return stmt<ContactFieldTypeRow>(db, 'SELECT * FROM contact_field_types WHERE account_id = ? ORDER BY id').all(accountId);
}

const fieldTypes = accountTable<ContactFieldTypeRow>('contact_field_types', { order: 'ORDER BY created_at ASC, id ASC' });
/** `listContactFieldTypesPage`: oldest first. `getContactFieldTypesByIds`: in one query; unknown ids are absent. */
export const { page: listContactFieldTypesPage, get: getContactFieldType, byIds: getContactFieldTypesByIds } = fieldTypes;
const insertRow = fieldTypes.inserter('uuid, name, fontawesome_icon, protocol, delible, type');
const setRow = fieldTypes.updater(
  `name = ?, fontawesome_icon = CASE WHEN ? THEN ? ELSE fontawesome_icon END, protocol = CASE WHEN ? THEN ? ELSE protocol END,
   delible = CASE WHEN ? THEN ? ELSE delible END, type = CASE WHEN ? THEN ? ELSE type END`,
);

/** A contact field type as written; on update, `undefined` members keep their stored values. */
export interface ContactFieldTypeInput {
  name: string;
  fontawesome_icon?: string | null;
  protocol?: string | null;
  delible?: boolean;
  type?: string | null;
}

/** Stores a type and answers its id (also how a new account gets its default ones). */
export function insertContactFieldType(db: Db, accountId: number, input: ContactFieldTypeInput, now: string): number {
  const { name, fontawesome_icon = null, protocol = null, delible, type = null } = input;
  return insertRow(db, accountId, [randomUUID(), name, fontawesome_icon, protocol, delible === false ? 0 : 1, type], now);
}

export function createContactFieldType(db: Db, accountId: number, input: ContactFieldTypeInput, now: string): ContactFieldTypeRow {
  return getContactFieldType(db, accountId, insertContactFieldType(db, accountId, input, now))!;
}

/** An optional member's flag (given or not) and value, for its `CASE WHEN ? THEN ? ELSE ... END`. */
const optional = (value: unknown) => [value === undefined ? 0 : 1, value ?? null];

/** Changes the name and every other member given. Returns undefined when the type is not in the account. */
export function updateContactFieldType(db: Db, accountId: number, id: number, input: ContactFieldTypeInput, now: string): ContactFieldTypeRow | undefined {
  const delible = input.delible === undefined ? undefined : input.delible ? 1 : 0;
  const values = [input.name, ...optional(input.fontawesome_icon), ...optional(input.protocol), ...optional(delible), ...optional(input.type)];
  return setRow(db, accountId, id, values, now);
}

/**
 * An insert into `table` of a row of a contact on a type (its channel or kind) of the account, with one more
 * `column`: the statement itself checks that the contact and the type are the account's. The function answers the new
 * row's id, or undefined (and nothing is written) when either is not.
 */
export function inserterOfContactAndType(
  table: string,
  column: string,
): (db: Db, accountId: number, contactId: number, typeId: number, value: unknown, now: string) => number | undefined {
  const sql = `INSERT INTO ${table} (account_id, uuid, contact_id, contact_field_type_id, ${column}, created_at, updated_at)
     SELECT c.account_id, ?, c.id, t.id, ?, ?, ?
       FROM contacts c JOIN contact_field_types t ON t.account_id = c.account_id
      WHERE c.account_id = ? AND c.id = ? AND t.id = ?`;
  return (db, accountId, contactId, typeId, value, now) => {
    const result = stmt(db, sql).run(randomUUID(), value, now, now, accountId, contactId, typeId);
    return result.changes === 0 ? undefined : Number(result.lastInsertRowid);
  };
}

/** Deletes a type and, through the foreign key, every contact field of that type (with their label links). */
export function deleteContactFieldType(db: Db, accountId: number, id: number): boolean {
  return db.transaction(() => {
    stmt(db, 'DELETE FROM contact_fields WHERE account_id = ? AND contact_field_type_id = ?').run(accountId, id);
    return fieldTypes.remove(db, accountId, id);
  })();
}
