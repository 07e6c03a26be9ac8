// Contact fields: a contact's e-mails, phone numbers and profiles, with their labels.
import type { ContactFieldWrite } from '../../generated/client/types.gen.js';
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { notFound, validationFailed } from '../http/errors.js';
import { presentContactField, presentContactFields } from '../present/contactFields.js';
import { presentDeleted } from '../present/deleted.js';
import {
  createContactField,
  deleteContactField,
  emailTakenByAnotherField,
  getContactField,
  listContactFieldsForContact,
  updateContactField,
  type ContactFieldInput,
  type ContactFieldRow,
} from '../store/contactFields.js';
import { getContactFieldType } from '../store/contactFieldTypes.js';
import { emailFieldTypeId } from '../store/contacts.js';
import { findContactOr404 } from './contacts.js';
import { labelTexts, toInt, trimInput } from './input.js';
import { pageRequest, paginate } from './paging.js';
import { listUrl, nowOf, type Handler } from './shared.js';

const presentOne = (context: Context, row: ContactFieldRow) =>
  presentContactFields(context.db, context.caller.accountId, [row], context)[0]!;

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
function contactFieldInput(context: Context, body: ContactFieldWrite, fieldId?: number): ContactFieldInput {
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

const listContactContactFieldsHandler: Handler<'listContactContactFields'> = ({ context, path, query }) => {
  const contact = findContactOr404(context, path.id);
  const request = pageRequest('listContactContactFields', query);
  const page = listContactFieldsForContact(context.db, context.caller.accountId, path.id, request.options);
  const data = page.rows.map((row) => presentContactField(row, contact, context));
  return { status: 200, body: paginate(data, page.total, request, listUrl(context, `/contacts/${path.id}/contactfields`)) };
};

const getContactFieldHandler: Handler<'getContactField'> = ({ context, path }) => {
  const row = getContactField(context.db, context.caller.accountId, path.id);
  if (!row) throw notFound();
  return { status: 200, body: { data: presentOne(context, row) } };
};

const createContactFieldHandler: Handler<'createContactField'> = ({ context, body }) => {
  const row = createContactField(context.db, context.caller.accountId, contactFieldInput(context, body), nowOf(context));
  if (!row) throw notFound();
  return { status: 201, body: { data: presentOne(context, row) } };
};

const updateContactFieldHandler: Handler<'updateContactField'> = ({ context, path, body }) => {
  if (!getContactField(context.db, context.caller.accountId, path.id)) throw notFound();
  const input = contactFieldInput(context, body, path.id);
  const row = updateContactField(context.db, context.caller.accountId, path.id, input, nowOf(context));
  if (!row) throw notFound();
  return { status: 200, body: { data: presentOne(context, row) } };
};

const deleteContactFieldHandler: Handler<'deleteContactField'> = ({ context, path }) => {
  if (!deleteContactField(context.db, context.caller.accountId, path.id)) throw notFound();
  return { status: 200, body: presentDeleted(path.id) };
};

export const contactFieldsHandlers = {
  listContactContactFields: listContactContactFieldsHandler,
  getContactField: getContactFieldHandler,
  createContactField: createContactFieldHandler,
  updateContactField: updateContactFieldHandler,
  deleteContactField: deleteContactFieldHandler,
} satisfies Partial<Handlers<Context>>;
