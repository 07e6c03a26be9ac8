import type { ContactFieldType } from '../../generated/client/types.gen.js';
import type { ContactFieldTypeRow } from '../store/contactFieldTypes.js';
import { bool } from './context.js';
import { toApiTimestamp } from './dates.js';

export type ContactFieldTypeObject = ContactFieldType;

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
