/**
 * The account's contact field types (Email, Phone, ...): the kinds of its contact fields, and the channels of its
 * conversations.
 */
import { randomUUID } from 'node:crypto';
import { stmt, type Db } from './db.js';
import { accountTable } from './accountTable.js';

export interface ContactFieldTypeRow {
  id: number;
  account_id: number;
  uuid: string | null;
  name: string;
  fontawesome_icon: string | null;
  protocol: string | null;
  delible: number;
  type: string | null;
  created_at: string | null;
  updated_at: string | null;
}

export function listContactFieldTypes(db: Db, accountId: number): ContactFieldTypeRow[] {
  return stmt<ContactFieldTypeRow>(db, 'SELECT * FROM contact_field_types WHERE account_id = ? ORDER BY id').all(
    accountId,
  );
}

const fieldTypes = accountTable<ContactFieldTypeRow>('contact_field_types', { order: 'ORDER BY created_at ASC, id ASC' });
/** One page of the account's contact field types, oldest first. */
export const listContactFieldTypesPage = fieldTypes.page;
export const getContactFieldType = fieldTypes.get;
/** Several contact field types of the account by id, in one query. Unknown ids are absent from the map. */
export const getContactFieldTypesByIds = fieldTypes.byIds;

/** A contact field type as written; on update, `undefined` members keep their stored values. */
export interface ContactFieldTypeInput {
  name: string;
  fontawesome_icon?: string | null;
  protocol?: string | null;
  delible?: boolean;
  type?: string | null;
}

export function createContactFieldType(db: Db, accountId: number, input: ContactFieldTypeInput, now: string): ContactFieldTypeRow {
  const result = stmt(
    db,
    `INSERT INTO contact_field_types
       (account_id, uuid, name, fontawesome_icon, protocol, delible, type, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    accountId,
    randomUUID(),
    input.name,
    input.fontawesome_icon ?? null,
    input.protocol ?? null,
    input.delible === false ? 0 : 1,
    input.type ?? null,
    now,
    now,
  );
  return getContactFieldType(db, accountId, Number(result.lastInsertRowid))!;
}

/** Changes the name and every other member given. Returns undefined when the type is not in the account. */
export function updateContactFieldType(
  db: Db,
  accountId: number,
  id: number,
  input: ContactFieldTypeInput,
  now: string,
): ContactFieldTypeRow | undefined {
  const given = (value: unknown) => (value === undefined ? 0 : 1);
  const result = stmt(
    db,
    `UPDATE contact_field_types
        SET name = ?,
            fontawesome_icon = CASE WHEN ? THEN ? ELSE fontawesome_icon END,
            protocol = CASE WHEN ? THEN ? ELSE protocol END,
            delible = CASE WHEN ? THEN ? ELSE delible END,
            type = CASE WHEN ? THEN ? ELSE type END,
            updated_at = ?
      WHERE account_id = ? AND id = ?`,
  ).run(
    input.name,
    given(input.fontawesome_icon),
    input.fontawesome_icon ?? null,
    given(input.protocol),
    input.protocol ?? null,
    given(input.delible),
    input.delible === undefined ? null : input.delible ? 1 : 0,
    given(input.type),
    input.type ?? null,
    now,
    accountId,
    id,
  );
  return result.changes === 0 ? undefined : getContactFieldType(db, accountId, id);
}

/** Deletes a type and, through the foreign key, every contact field of that type (with their label links). */
export function deleteContactFieldType(db: Db, accountId: number, id: number): boolean {
  return db.transaction(() => {
    stmt(db, 'DELETE FROM contact_fields WHERE account_id = ? AND contact_field_type_id = ?').run(accountId, id);
    return stmt(db, 'DELETE FROM contact_field_types WHERE account_id = ? AND id = ?').run(accountId, id).changes > 0;
  })();
}
