// Places: locations of the account, with their country and coordinates. The places behind the contacts' addresses
// are listed too; changing or deleting one changes or deletes its address.
import type { PlaceWrite } from '../../generated/client/types.gen.js';
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { validationFailed } from '../http/errors.js';
import { presentPlace } from '../present/places.js';
import { normalizeCountryCode } from '../store/countries.js';
import { createPlace, deletePlace, getPlace, listPlaces, updatePlace, type PlaceFields } from '../store/places.js';
import { createHandler, deleteHandler, findingFirst, getHandler, listHandler, presentEach, updateHandler } from './crud.js';
import { cleanText, Problems, trimInput } from './input.js';

const places = presentEach(presentPlace);

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

/** A body may be left out: every field is then cleared. */
const placeInput = (body: PlaceWrite | undefined) => placeFieldsOf(body ?? {});

export const placesHandlers = {
  listPlaces: listHandler('listPlaces', listPlaces, places.rows),
  createPlace: createHandler('createPlace', placeInput, createPlace, places.row),
  getPlace: getHandler('getPlace', getPlace, places.row),
  updatePlace: updateHandler('updatePlace', findingFirst(getPlace, placeInput), updatePlace, places.row),
  deletePlace: deleteHandler('deletePlace', deletePlace),
} satisfies Partial<Handlers<Context>>;
