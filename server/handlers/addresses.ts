// Addresses of contacts: the account's list, one contact's list, and the writes (an address stays with its contact).
import type { AddressWrite } from '../../generated/client/types.gen.js';
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { notFound, validationFailed } from '../http/errors.js';
import { presentAddresses } from '../present/addresses.js';
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
import { contactListHandler, createHandler, deleteHandler, findingFirst, getHandler, listHandler, presentInBatches, updateHandler } from './crud.js';
import { cleanText, labelTexts, toInt } from './input.js';
import { placeFieldsOf } from './places.js';

const addresses = presentInBatches(presentAddresses);

/** The body as store input (every field replaces the stored one); `contact_id` is checked by the caller. */
function addressInput(body: AddressWrite): AddressInput {
  return {
    contact_id: toInt(body.contact_id) as number,
    name: cleanText(body.name),
    ...placeFieldsOf(body),
    labels: labelTexts(body.labels),
  };
}

/** A new address needs a contact of the caller's (404) that is not archived (422). */
function newAddressInput(body: AddressWrite, context: Context): AddressInput {
  const input = addressInput(body);
  const contact = findContactOr404(context, input.contact_id);
  if (!contact.is_active) throw validationFailed(['The contact is archived: it cannot take a new address.']);
  return input;
}

/** An address cannot move to another contact: any other contact id is not found. */
function addressUpdateInput(body: AddressWrite, _context: Context, existing: AddressRow): AddressInput {
  const input = addressInput(body);
  if (input.contact_id !== existing.contact_id) throw notFound();
  return input;
}

export const addressesHandlers = {
  listAddresses: listHandler('listAddresses', listAddresses, addresses.rows),
  listContactAddresses: contactListHandler('listContactAddresses', listAddressesForContact, addresses.rows),
  getAddress: getHandler('getAddress', getAddress, addresses.row),
  createAddress: createHandler('createAddress', newAddressInput, createAddress, addresses.row),
  updateAddress: updateHandler('updateAddress', findingFirst(getAddress, addressUpdateInput), updateAddress, addresses.row),
  deleteAddress: deleteHandler('deleteAddress', deleteAddress),
} satisfies Partial<Handlers<Context>>;
