import type { Place } from '../../generated/client/types.gen.js';
import type { PlaceFields, PlaceRow } from '../store/places.js';
import { presentCountryOfCode } from './countries.js';
import { toApiTimestamp } from './dates.js';

/** The location fields a place and an address show alike, in their order. */
export function presentLocation(row: PlaceFields): Pick<Place, 'street' | 'city' | 'province' | 'postal_code' | 'latitude' | 'longitude' | 'country'> {
  return {
    street: row.street,
    city: row.city,
    province: row.province,
    postal_code: row.postal_code,
    latitude: row.latitude,
    longitude: row.longitude,
    country: presentCountryOfCode(row.country),
  };
}

export function presentPlace(row: PlaceRow): Place {
  return {
    id: row.id,
    object: 'place',
    ...presentLocation(row),
    account: { id: row.account_id },
    created_at: toApiTimestamp(row.created_at),
    updated_at: toApiTimestamp(row.updated_at),
  };
}
