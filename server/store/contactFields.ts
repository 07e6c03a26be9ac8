/**
 * Contact fields (e-mail addresses, phone numbers, social profiles) and the
 * account's contact field types.
 */
import { randomUUID } from 'node:crypto';
import { idList, stmt, type Db } from './db.js';

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

/** A contact field joined with its type (type columns prefixed `type_`). */
export interface ContactFieldRow {
  id: number;
  account_id: number;
  uuid: string | null;
  contact_id: number;
  contact_field_type_id: number;
  data: string;
  created_at: string | null;
  updated_at: string | null;
  type_uuid: string | null;
  type_name: string;
  type_fontawesome_icon: string | null;
  type_protocol: string | null;
  type_delible: number;
  type_type: string | null;
  type_created_at: string | null;
  type_updated_at: string | null;
}

/** Splits the type columns of a joined row back into a type row. */
export function fieldTypeOf(row: ContactFieldRow): ContactFieldTypeRow {
  return {
    id: row.contact_field_type_id,
    account_id: row.account_id,
    uuid: row.type_uuid,
    name: row.type_name,
    fontawesome_icon: row.type_fontawesome_icon,
    protocol: row.type_protocol,
    delible: row.type_delible,
    type: row.type_type,
    created_at: row.type_created_at,
    updated_at: row.type_updated_at,
  };
}

/** Contact fields of several contacts with their types, in one query (oldest first). */
export function contactFieldsForContacts(
  db: Db,
  accountId: number,
  contactIds: Iterable<number>,
): Map<number, ContactFieldRow[]> {
  const list = idList(contactIds);
  const out = new Map<number, ContactFieldRow[]>();
  for (const id of JSON.parse(list) as number[]) out.set(id, []);
  if (out.size === 0) return out;
  const rows = stmt<ContactFieldRow>(
    db,
    `SELECT f.*, t.uuid AS type_uuid, t.name AS type_name, t.fontawesome_icon AS type_fontawesome_icon,
            t.protocol AS type_protocol, t.delible AS type_delible, t.type AS type_type,
            t.created_at AS type_created_at, t.updated_at AS type_updated_at
       FROM contact_fields f
       JOIN contact_field_types t ON t.id = f.contact_field_type_id AND t.account_id = f.account_id
      WHERE f.account_id = ? AND f.contact_id IN (SELECT value FROM json_each(?))
      ORDER BY f.contact_id, f.created_at, f.id`,
  ).all(accountId, list);
  for (const row of rows) out.get(row.contact_id)?.push(row);
  return out;
}

export function listContactFieldTypes(db: Db, accountId: number): ContactFieldTypeRow[] {
  return stmt<ContactFieldTypeRow>(db, 'SELECT * FROM contact_field_types WHERE account_id = ? ORDER BY id').all(
    accountId,
  );
}

export function getContactFieldType(db: Db, accountId: number, id: number): ContactFieldTypeRow | undefined {
  return stmt<ContactFieldTypeRow>(db, 'SELECT * FROM contact_field_types WHERE account_id = ? AND id = ?').get(
    accountId,
    id,
  );
}

/**
 * Adds a contact field. Returns the new id, or undefined when the contact or
 * the field type is not in the account.
 */
export function addContactField(
  db: Db,
  accountId: number,
  contactId: number,
  typeId: number,
  data: string,
  now: string,
): number | undefined {
  const result = stmt(
    db,
    `INSERT INTO contact_fields (account_id, uuid, contact_id, contact_field_type_id, data, created_at, updated_at)
     SELECT c.account_id, ?, c.id, t.id, ?, ?, ?
       FROM contacts c JOIN contact_field_types t ON t.account_id = c.account_id
      WHERE c.account_id = ? AND c.id = ? AND t.id = ?`,
  ).run(randomUUID(), data, now, now, accountId, contactId, typeId);
  return result.changes === 0 ? undefined : Number(result.lastInsertRowid);
}
