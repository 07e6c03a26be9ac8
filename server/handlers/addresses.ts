// Addresses of contacts: the account's list, one contact's list, and the writes (an address stays with its contact).
import type { AddressWrite } from '../../generated/client/types.gen.js';
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { notFound, validationFailed } from '../http/errors.js';
import { presentAddresses } from '../present/addresses.js';
import { presentDeleted } from '../present/deleted.js';
import {
  createAddress,
  deleteAddress,
  getAddress,
  listAddresses,
  listAddressesForContact,
  updateAddress,
  type AddressInput,
  type AddressRow,
} from '../store/addresses.js';
import { findContactOr404 } from './contacts.js';
import { cleanText, labelTexts, toInt } from './input.js';
import { pageRequest, paginate } from './paging.js';
import { placeFieldsOf } from './places.js';
import { listUrl, nowOf, type Handler } from './shared.js';

const presentOne = (context: Context, row: AddressRow) =>
  presentAddresses(context.db, context.caller.accountId, [row], context)[0]!;

/** The body as store input (every field replaces the stored one); `contact_id` is checked by the caller. */
function addressInput(body: AddressWrite): AddressInput {
  return {
    contact_id: toInt(body.contact_id) as number,
    name: cleanText(body.name),
    ...placeFieldsOf(body),
    labels: labelTexts(body.labels),
  };
}


const listAddressesHandler: Handler<'listAddresses'> = ({ context, query }) => {
  const request = pageRequest('listAddresses', query);
  const page = listAddresses(context.db, context.caller.accountId, request.options);
  const data = presentAddresses(context.db, context.caller.accountId, page.rows, context);
  return { status: 200, body: paginate(data, page.total, request, listUrl(context, '/addresses')) };
};

const listContactAddressesHandler: Handler<'listContactAddresses'> = ({ context, path, query }) => {
  findContactOr404(context, path.id);
  const request = pageRequest('listContactAddresses', query);
  const page = listAddressesForContact(context.db, context.caller.accountId, path.id, request.options);
  const data = presentAddresses(context.db, context.caller.accountId, page.rows, context);
  return { status: 200, body: paginate(data, page.total, request, listUrl(context, `/contacts/${path.id}/addresses`)) };
};

const getAddressHandler: Handler<'getAddress'> = ({ context, path }) => {
  const row = getAddress(context.db, context.caller.accountId, path.id);
  if (!row) throw notFound();
  return { status: 200, body: { data: presentOne(context, row) } };
};

const createAddressHandler: Handler<'createAddress'> = ({ context, body }) => {
  const input = addressInput(body);
  const contact = findContactOr404(context, input.contact_id);
  if (!contact.is_active) throw validationFailed(['The contact is archived: it cannot take a new address.']);
  const row = createAddress(context.db, context.caller.accountId, input, nowOf(context));
  return { status: 201, body: { data: presentOne(context, row) } };
};

const updateAddressHandler: Handler<'updateAddress'> = ({ context, path, body }) => {
  const existing = getAddress(context.db, context.caller.accountId, path.id);
  if (!existing) throw notFound();
  const input = addressInput(body);
  // An address cannot move to another contact: any other contact id is not found.
  if (input.contact_id !== existing.contact_id) throw notFound();
  const row = updateAddress(context.db, context.caller.accountId, path.id, input, nowOf(context));
  if (!row) throw notFound();
  return { status: 200, body: { data: presentOne(context, row) } };
};

const deleteAddressHandler: Handler<'deleteAddress'> = ({ context, path }) => {
  if (!deleteAddress(context.db, context.caller.accountId, path.id)) throw notFound();
  return { status: 200, body: presentDeleted(path.id) };
};

export const addressesHandlers = {
  listAddresses: listAddressesHandler,
  listContactAddresses: listContactAddressesHandler,
  getAddress: getAddressHandler,
  createAddress: createAddressHandler,
  updateAddress: updateAddressHandler,
  deleteAddress: deleteAddressHandler,
} satisfies Partial<Handlers<Context>>;
