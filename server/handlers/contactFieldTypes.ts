// Contact field types: the account's kinds of contact fields (Email, Phone, ...), which conversations also use as
// channels.
import type { ContactFieldTypeWrite } from '../../generated/client/types.gen.js';
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { presentContactFieldType } from '../present/contactFieldTypes.js';
import {
  createContactFieldType,
  deleteContactFieldType,
  getContactFieldType,
  listContactFieldTypesPage,
  updateContactFieldType,
  type ContactFieldTypeInput,
} from '../store/contactFieldTypes.js';
import { createHandler, deleteHandler, getHandler, listHandler, presentEach, updateHandler } from './crud.js';
import { cleanText, toBool, trimInput } from './input.js';

const fieldTypes = presentEach(presentContactFieldType);

/** Only the members the body carries; `name` always. */
function contactFieldTypeInput(body: ContactFieldTypeWrite): ContactFieldTypeInput {
  const input: ContactFieldTypeInput = { name: trimInput(body.name) };
  if (body.fontawesome_icon !== undefined) input.fontawesome_icon = cleanText(body.fontawesome_icon);
  if (body.protocol !== undefined) input.protocol = cleanText(body.protocol);
  if (body.delible !== undefined) input.delible = toBool(body.delible) === true;
  if (body.type !== undefined) input.type = cleanText(body.type);
  return input;
}

export const contactFieldTypesHandlers = {
  listContactFieldTypes: listHandler('listContactFieldTypes', listContactFieldTypesPage, fieldTypes.rows),
  getContactFieldType: getHandler('getContactFieldType', getContactFieldType, fieldTypes.row),
  createContactFieldType: createHandler('createContactFieldType', contactFieldTypeInput, createContactFieldType, fieldTypes.row),
  updateContactFieldType: updateHandler('updateContactFieldType', contactFieldTypeInput, updateContactFieldType, fieldTypes.row),
  deleteContactFieldType: deleteHandler('deleteContactFieldType', deleteContactFieldType),
} satisfies Partial<Handlers<Context>>;
