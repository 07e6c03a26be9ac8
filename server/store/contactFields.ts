/**
 * Contact fields (e-mail addresses, phone numbers, social profiles), each of a contact field type of the account
 * (see contactFieldTypes.ts), with their labels.
 */
import { accountTable, childrenOfAccount, type ContactOwnedRow } from './accountTable.js';
import { inserterOfContactAndType, type ContactFieldTypeRow } from './contactFieldTypes.js';
import { emailFieldTypeId } from './contacts.js';
import { stmt, type Db } from './db.js';
import { relabel, setContactFieldLabels, type LabelRow } from './labels.js';
import { trimInput } from '../text.js';

/** A contact field joined with its type (type columns prefixed `type_`). */
export interface ContactFieldRow extends ContactOwnedRow {
  contact_field_type_id: number;
  data: string;
  type_uuid: string | null;
  type_name: string;
  type_fontawesome_icon: string | null;
  type_protocol: string | null;
  type_delible: number;
  type_type: string | null;
  type_created_at: string | null;
  type_updated_at: string | null;
  /** The field's labels as a JSON array of label rows (see `labelsOf`). */
  labels_json: string;
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

/** The field's labels, oldest label first. */
export function labelsOf(row: ContactFieldRow): LabelRow[] {
  const labels = JSON.parse(row.labels_json || '[]') as Omit<LabelRow, 'account_id'>[];
  return labels.map((l) => ({ ...l, account_id: row.account_id })).sort((a, b) => a.id - b.id);
}

/** A contact field joined with its type and carrying its labels (one row per field, whatever the number of labels). */
const SELECT_FIELD = `
  SELECT f.*, t.uuid AS type_uuid, t.name AS type_name, t.fontawesome_icon AS type_fontawesome_icon,
         t.protocol AS type_protocol, t.delible AS type_delible, t.type AS type_type,
         t.created_at AS type_created_at, t.updated_at AS type_updated_at,
         (SELECT json_group_array(json_object('id', l.id, 'label_i18n', l.label_i18n, 'label', l.label,
                                              'created_at', l.created_at, 'updated_at', l.updated_at))
            FROM contact_field_contact_field_label p
            JOIN contact_field_labels l ON l.id = p.contact_field_label_id AND l.account_id = p.account_id
           WHERE p.account_id = f.account_id AND p.contact_field_id = f.id) AS labels_json
    FROM contact_fields f
    JOIN contact_field_types t ON t.id = f.contact_field_type_id AND t.account_id = f.account_id`;

const fields = accountTable<ContactFieldRow>('contact_fields', { select: SELECT_FIELD, alias: 'f.', order: 'ORDER BY f.created_at ASC, f.id ASC' });
/** `listContactFieldsForContact`: oldest first. */
export const { pageOfContact: listContactFieldsForContact, get: getContactField, remove: deleteContactField } = fields;

/** Contact fields of several contacts with their types and labels, in one query (oldest first). */
export const contactFieldsForContacts = childrenOfAccount<ContactFieldRow>(
  `${SELECT_FIELD}
    WHERE f.account_id = ? AND f.contact_id IN (SELECT value FROM json_each(?))
    ORDER BY f.contact_id, f.created_at, f.id`,
  (row) => [row.contact_id, row],
);

/**
 * Whether `email` (trimmed, case-insensitive) is already the value of a contact field of the account's Email type
 * (`emailFieldTypeId`, the type `createContact` stores e-mails with), other than the field `exceptFieldId`. This is
 * the rule behind 422 code 35: an e-mail address belongs to at most one Email field of an account, whether it came
 * in through `POST /contacts` or through the contact field API.
 */
export function emailTakenByAnotherField(db: Db, accountId: number, email: string, exceptFieldId?: number): boolean {
  const typeId = emailFieldTypeId(db, accountId);
  if (typeId === undefined) return false;
  const row = stmt<{ found: number }>(
    db,
    `SELECT 1 AS found FROM contact_fields
      WHERE account_id = ? AND contact_field_type_id = ? AND unicode_lower(trim(data)) = unicode_lower(?)
        AND id IS NOT ?
      LIMIT 1`,
  ).get(accountId, typeId, trimInput(email), exceptFieldId ?? null);
  return row !== undefined;
}

/** A contact field as written. */
export interface ContactFieldInput {
  contact_id: number;
  contact_field_type_id: number;
  data: string;
  /** Label texts; a non-empty list replaces the field's labels, an empty one or null keeps them. */
  labels: readonly string[] | null;
}

/**
 * Creates a contact field and its labels in one transaction. Returns undefined (and writes nothing) when the contact
 * or the type is not in the account.
 */
export function createContactField(db: Db, accountId: number, input: ContactFieldInput, now: string): ContactFieldRow | undefined {
  return db.transaction(() => {
    const id = addContactField(db, accountId, input.contact_id, input.contact_field_type_id, input.data, now);
    if (id === undefined) return undefined;
    relabel(setContactFieldLabels, db, accountId, id, input.labels, now);
    return getContactField(db, accountId, id);
  })();
}

const UPDATE = `UPDATE contact_fields SET contact_id = ?, contact_field_type_id = ?, data = ?, updated_at = ?
  WHERE account_id = ? AND id = ?
    AND EXISTS (SELECT 1 FROM contacts c WHERE c.account_id = ? AND c.id = ?)
    AND EXISTS (SELECT 1 FROM contact_field_types t WHERE t.account_id = ? AND t.id = ?)`;

/**
 * Replaces a contact field's value, type and contact (labels only when a non-empty list is given), in one
 * transaction. Returns undefined (and writes nothing) when the field, the contact or the type is not in the account.
 */
export function updateContactField(db: Db, accountId: number, id: number, input: ContactFieldInput, now: string): ContactFieldRow | undefined {
  return db.transaction(() => {
    const { contact_id, contact_field_type_id, data } = input;
    const result = stmt(db, UPDATE).run(contact_id, contact_field_type_id, data, now, accountId, id, accountId, contact_id, accountId, contact_field_type_id);
    if (result.changes === 0) return undefined;
    relabel(setContactFieldLabels, db, accountId, id, input.labels, now);
    return getContactField(db, accountId, id);
  })();
}

const insertField = inserterOfContactAndType('contact_fields', 'data');

/**
 * Adds a contact field. Returns the new id, or undefined when the contact or
 * the field type is not in the account.
 */
export function addContactField(db: Db, accountId: number, contactId: number, typeId: number, data: string, now: string): number | undefined {
  return insertField(db, accountId, contactId, typeId, data, now);
}
