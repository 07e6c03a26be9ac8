import type { ContactField, ContactFieldLabel } from '../../generated/client/types.gen.js';
import { fieldTypeOf, labelsOf, type ContactFieldRow } from '../store/contactFields.js';
import { getContactsByIds, type ContactRow } from '../store/contacts.js';
import type { Db } from '../store/db.js';
import { STANDARD_LABELS, type LabelRow } from '../store/labels.js';
import { presentContactFieldType } from './contactFieldTypes.js';
import { contactAndTimes } from './contactSummary.js';
import { accountAndTimes, type PresentContext } from './context.js';

export type ContactFieldObject = ContactField;

/** A label: a standard one shows its key as `type` and its English text as `label`; a custom one its text in both. */
export function presentContactFieldLabel(row: LabelRow): ContactFieldLabel {
  const key = row.label_i18n;
  const text = key !== null ? (STANDARD_LABELS[key] ?? key) : (row.label ?? '');
  return {
    id: row.id,
    object: 'contactfieldlabel',
    type: key ?? text,
    label: text,
    ...accountAndTimes(row),
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
    labels: labelsOf(row).map(presentContactFieldLabel),
    ...contactAndTimes(row, contact, ctx),
  };
}

/** Presents a page of contact fields, loading their contacts with one query. */
export function presentContactFields(
  db: Db,
  accountId: number,
  rows: readonly ContactFieldRow[],
  ctx: PresentContext,
): ContactFieldObject[] {
  const contacts = getContactsByIds(db, accountId, rows.map((f) => f.contact_id));
  return rows.map((row) => {
    const contact = contacts.get(row.contact_id);
    if (!contact) throw new Error(`contact field ${row.id} refers to a contact outside account ${accountId}`);
    return presentContactField(row, contact, ctx);
  });
}
