// Places: locations of the account, with their country and coordinates. The places behind the contacts' addresses
// are listed too; changing or deleting one changes or deletes its address.
import type { PlaceWrite } from '../../generated/client/types.gen.js';
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { notFound, validationFailed } from '../http/errors.js';
import { presentDeleted } from '../present/deleted.js';
import { presentPlace } from '../present/places.js';
import { normalizeCountryCode } from '../store/countries.js';
import { createPlace, deletePlace, getPlace, listPlaces, updatePlace, type PlaceFields } from '../store/places.js';
import { cleanText, Problems, trimInput } from './input.js';
import { pageRequest, paginate } from './paging.js';
import { listUrl, nowOf, type Handler } from './shared.js';


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

/** The location fields of a place or address body, as stored (every field replaces the stored one); 422 on a bad number. */
export function placeFieldsOf(body: PlaceWrite): PlaceFields {
  const problems = new Problems();
  const latitude = toCoordinate(problems, 'latitude', body.latitude);
  const longitude = toCoordinate(problems, 'longitude', body.longitude);
  if (problems.any) throw validationFailed(problems.messages);
  return {
    street: cleanText(body.street),
    city: cleanText(body.city),
    province: cleanText(body.province),
    postal_code: cleanText(body.postal_code),
    country: normalizeCountryCode(body.country),
    latitude,
    longitude,
  };
}

const listPlacesHandler: Handler<'listPlaces'> = ({ context, query }) => {
  const request = pageRequest('listPlaces', query);
  const page = listPlaces(context.db, context.caller.accountId, request.options);
  return { status: 200, body: paginate(page.rows.map(presentPlace), page.total, request, listUrl(context, '/places')) };
};

const getPlaceHandler: Handler<'getPlace'> = ({ context, path }) => {
  const row = getPlace(context.db, context.caller.accountId, path.id);
  if (!row) throw notFound();
  return { status: 200, body: { data: presentPlace(row) } };
};

const createPlaceHandler: Handler<'createPlace'> = ({ context, body }) => {
  const row = createPlace(context.db, context.caller.accountId, placeFieldsOf(body ?? {}), nowOf(context));
  return { status: 201, body: { data: presentPlace(row) } };
};

const updatePlaceHandler: Handler<'updatePlace'> = ({ context, path, body }) => {
  if (!getPlace(context.db, context.caller.accountId, path.id)) throw notFound();
  const row = updatePlace(context.db, context.caller.accountId, path.id, placeFieldsOf(body ?? {}), nowOf(context));
  if (!row) throw notFound();
  return { status: 200, body: { data: presentPlace(row) } };
};

const deletePlaceHandler: Handler<'deletePlace'> = ({ context, path }) => {
  if (!deletePlace(context.db, context.caller.accountId, path.id)) throw notFound();
  return { status: 200, body: presentDeleted(path.id) };
};

export const placesHandlers = {
  listPlaces: listPlacesHandler,
  createPlace: createPlaceHandler,
  getPlace: getPlaceHandler,
  updatePlace: updatePlaceHandler,
  deletePlace: deletePlaceHandler,
} satisfies Partial<Handlers<Context>>;
