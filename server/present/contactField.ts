import type { ContactField, ContactFieldType } from '../../generated/client/types.gen.js';
import type { ContactRow } from '../store/contacts.js';
import { fieldTypeOf, type ContactFieldRow, type ContactFieldTypeRow } from '../store/contactFields.js';
import { presentContactSummary } from './contactSummary.js';
import { bool, type PresentContext } from './context.js';
import { toApiTimestamp } from './dates.js';

export type ContactFieldTypeObject = ContactFieldType;

export type ContactFieldObject = ContactField;

export function presentContactFieldType(row: ContactFieldTypeRow): ContactFieldTypeObject {
  return {
    id: row.id,
    uuid: row.uuid,
    object: 'contactfieldtype',
    name: row.name,
    fontawesome_icon: row.fontawesome_icon,
    protocol: row.protocol,
    delible: bool(row.delible),
    type: row.type,
    account: { id: row.account_id },
    created_at: toApiTimestamp(row.created_at),
    updated_at: toApiTimestamp(row.updated_at),
  };
}

/** Presents a contact field; `contact` is the row of the field's contact. */
export function presentContactField(row: ContactFieldRow, contact: ContactRow, ctx: PresentContext): ContactFieldObject {
  return {
    id: row.id,
    uuid: row.uuid,
    object: 'contactfield',
    content: row.data,
    contact_field_type: presentContactFieldType(fieldTypeOf(row)),
    labels: [],
    account: { id: row.account_id },
    contact: presentContactSummary(contact, ctx),
    created_at: toApiTimestamp(row.created_at),
    updated_at: toApiTimestamp(row.updated_at),
  };
}
