// Addresses of contacts: one contact's list, and the writes (an address stays with its contact).
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
  listAddressesForContact,
  updateAddress,
  type AddressInput,
  type AddressRow,
} from '../store/addresses.js';
import { normalizeCountryCode } from '../store/countries.js';
import { findContactOr404 } from './contacts.js';
import { cleanText, labelTexts, Problems, toInt, trimInput } from './input.js';
import { pageRequest, paginate } from './paging.js';
import { listUrl, nowOf, type Handler } from './shared.js';

const presentOne = (context: Context, row: AddressRow) =>
  presentAddresses(context.db, context.caller.accountId, [row], context)[0]!;

/** A lenient decimal (number or numeric string, as the validator let through) as a finite number, or null. */
function toCoordinate(problems: Problems, field: string, value: number | string | null | undefined): number | null {
  if (value === null || value === undefined || (typeof value === 'string' && trimInput(value) === '')) return null;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) {
    problems.add(`The ${field} must be a number.`);
    return null;
  }
  return n;
}

/** The body as store input (every field replaces the stored one); `contact_id` is checked by the caller. */
function addressInput(body: AddressWrite): AddressInput {
  const problems = new Problems();
  const latitude = toCoordinate(problems, 'latitude', body.latitude);
  const longitude = toCoordinate(problems, 'longitude', body.longitude);
  if (problems.any) throw validationFailed(problems.messages);
  return {
    contact_id: toInt(body.contact_id) as number,
    name: cleanText(body.name),
    street: cleanText(body.street),
    city: cleanText(body.city),
    province: cleanText(body.province),
    postal_code: cleanText(body.postal_code),
    country: normalizeCountryCode(body.country),
    latitude,
    longitude,
    labels: labelTexts(body.labels),
  };
}

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
  listContactAddresses: listContactAddressesHandler,
  getAddress: getAddressHandler,
  createAddress: createAddressHandler,
  updateAddress: updateAddressHandler,
  deleteAddress: deleteAddressHandler,
} satisfies Partial<Handlers<Context>>;
