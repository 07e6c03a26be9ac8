// Contact field types: the account's kinds of contact fields (Email, Phone, ...), which conversations also use as
// channels.
import type { ContactFieldTypeWrite } from '../../generated/client/types.gen.js';
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { notFound } from '../http/errors.js';
import { presentContactFieldType } from '../present/contactFieldTypes.js';
import { presentDeleted } from '../present/deleted.js';
import {
  createContactFieldType,
  deleteContactFieldType,
  getContactFieldType,
  listContactFieldTypesPage,
  updateContactFieldType,
  type ContactFieldTypeInput,
} from '../store/contactFieldTypes.js';
import { cleanText, toBool, trimInput } from './input.js';
import { pageRequest, paginate } from './paging.js';
import { listUrl, nowOf, type Handler } from './shared.js';

/** Only the members the body carries; `name` always. */
function contactFieldTypeInput(body: ContactFieldTypeWrite): ContactFieldTypeInput {
  const input: ContactFieldTypeInput = { name: trimInput(body.name) };
  if (body.fontawesome_icon !== undefined) input.fontawesome_icon = cleanText(body.fontawesome_icon);
  if (body.protocol !== undefined) input.protocol = cleanText(body.protocol);
  if (body.delible !== undefined) input.delible = toBool(body.delible) === true;
  if (body.type !== undefined) input.type = cleanText(body.type);
  return input;
}

const listContactFieldTypesHandler: Handler<'listContactFieldTypes'> = ({ context, query }) => {
  const request = pageRequest('listContactFieldTypes', query);
  const page = listContactFieldTypesPage(context.db, context.caller.accountId, request.options);
  const body = paginate(page.rows.map(presentContactFieldType), page.total, request, listUrl(context, '/contactfieldtypes'));
  return { status: 200, body };
};

const getContactFieldTypeHandler: Handler<'getContactFieldType'> = ({ context, path }) => {
  const row = getContactFieldType(context.db, context.caller.accountId, path.id);
  if (!row) throw notFound();
  return { status: 200, body: { data: presentContactFieldType(row) } };
};

const createContactFieldTypeHandler: Handler<'createContactFieldType'> = ({ context, body }) => {
  const row = createContactFieldType(context.db, context.caller.accountId, contactFieldTypeInput(body), nowOf(context));
  return { status: 201, body: { data: presentContactFieldType(row) } };
};

const updateContactFieldTypeHandler: Handler<'updateContactFieldType'> = ({ context, path, body }) => {
  const row = updateContactFieldType(context.db, context.caller.accountId, path.id, contactFieldTypeInput(body), nowOf(context));
  if (!row) throw notFound();
  return { status: 200, body: { data: presentContactFieldType(row) } };
};

const deleteContactFieldTypeHandler: Handler<'deleteContactFieldType'> = ({ context, path }) => {
  if (!deleteContactFieldType(context.db, context.caller.accountId, path.id)) throw notFound();
  return { status: 200, body: presentDeleted(path.id) };
};

export const contactFieldTypesHandlers = {
  listContactFieldTypes: listContactFieldTypesHandler,
  getContactFieldType: getContactFieldTypeHandler,
  createContactFieldType: createContactFieldTypeHandler,
  updateContactFieldType: updateContactFieldTypeHandler,
  deleteContactFieldType: deleteContactFieldTypeHandler,
} satisfies Partial<Handlers<Context>>;
