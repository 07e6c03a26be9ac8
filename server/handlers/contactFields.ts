// Contact fields: a contact's e-mails, phone numbers and profiles, with their labels.
import type { ContactFieldWrite } from '../../generated/client/types.gen.js';
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { notFound, validationFailed } from '../http/errors.js';
import { presentContactField, presentContactFields } from '../present/contactFields.js';
import {
  createContactField,
  deleteContactField,
  emailTakenByAnotherField,
  getContactField,
  listContactFieldsForContact,
  updateContactField,
  type ContactFieldInput,
} from '../store/contactFields.js';
import { getContactFieldType } from '../store/contactFieldTypes.js';
import { emailFieldTypeId } from '../store/contacts.js';
import { findContactOr404 } from './contacts.js';
import { contactListHandler, createHandler, deleteHandler, getHandler, presentInBatches, updateHandler } from './crud.js';
import { labelTexts, toInt, trimInput } from './input.js';

const fields = presentInBatches(presentContactFields);

/**
 * An e-mail address already used by an Email field of the account. `POST /contacts` refuses its `email` in that case
 * with 422 code 35 (`emailTaken()`); the contract gives the contact field operations only the validation form of 422,
 * so the same rule answers code 32 here, with the same words.
 */
const duplicateEmail = () => validationFailed(['This email address is already taken']);

/**
 * The body as store input. The contact and the type must be the caller's (else 404); a value of the account's Email
 * type must not already be the value of another Email field of the account (else 422, see `duplicateEmail`): the
 * uniqueness `POST /contacts` relies on holds whichever way an e-mail address comes in.
 */
function contactFieldInput(body: ContactFieldWrite, context: Context, fieldId?: number): ContactFieldInput {
  const { db } = context;
  const { accountId } = context.caller;
  const contactId = toInt(body.contact_id) as number;
  const typeId = toInt(body.contact_field_type_id) as number;
  findContactOr404(context, contactId);
  if (!getContactFieldType(db, accountId, typeId)) throw notFound();
  const data = trimInput(body.data);
  if (typeId === emailFieldTypeId(db, accountId) && emailTakenByAnotherField(db, accountId, data, fieldId)) throw duplicateEmail();
  return { contact_id: contactId, contact_field_type_id: typeId, data, labels: labelTexts(body.labels) };
}

/** An update first needs the field to be the account's (404 before any check of the body). */
function contactFieldUpdateInput(body: ContactFieldWrite, context: Context, id: number): ContactFieldInput {
  if (!getContactField(context.db, context.caller.accountId, id)) throw notFound();
  return contactFieldInput(body, context, id);
}

export const contactFieldsHandlers = {
  listContactContactFields: contactListHandler('listContactContactFields', listContactFieldsForContact, (rows, context, contact) =>
    rows.map((row) => presentContactField(row, contact, context)),
  ),
  getContactField: getHandler('getContactField', getContactField, fields.row),
  createContactField: createHandler('createContactField', contactFieldInput, createContactField, fields.row),
  updateContactField: updateHandler('updateContactField', contactFieldUpdateInput, updateContactField, fields.row),
  deleteContactField: deleteHandler('deleteContactField', deleteContactField),
} satisfies Partial<Handlers<Context>>;
