import type { ContactFieldType } from '../../generated/client/types.gen.js';
import type { ContactFieldTypeRow } from '../store/contactFieldTypes.js';
import { accountAndTimes, bool } from './context.js';

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
    ...accountAndTimes(row),
  };
}
