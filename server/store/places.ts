/**
 * Places: locations of the account. Each address keeps its location in a place of its own (see addresses.ts); the
 * places created through the API belong to no address. Every statement is scoped to one account.
 */
import { accountTable, assignments, type AccountRow } from './accountTable.js';
import type { Db } from './db.js';

/** A location as written: every field replaces the stored one (null clears it). */
export interface PlaceFields {
  street: string | null;
  city: string | null;
  province: string | null;
  postal_code: string | null;
  /** ISO 3166-1 alpha-2 code, or what the client sent when it is not a known code. */
  country: string | null;
  latitude: number | null;
  longitude: number | null;
}

export interface PlaceRow extends PlaceFields, AccountRow {}

const places = accountTable<PlaceRow>('places');
/** `deletePlace` deletes the address the place is the location of too (cascade). */
export const { page: listPlaces, get: getPlace, remove: deletePlace } = places;
/** The columns of the fields, and their values in that order. */
const FIELDS = 'street, city, province, postal_code, country, latitude, longitude';
const valuesOf = (f: PlaceFields) => [f.street, f.city, f.province, f.postal_code, f.country, f.latitude, f.longitude];
const insertRow = places.inserter(FIELDS);
const setRow = places.updater(assignments(FIELDS));

/** Stores a new place and returns its id (also the first step of a new address). */
export function insertPlace(db: Db, accountId: number, fields: PlaceFields, now: string): number {
  return insertRow(db, accountId, valuesOf(fields), now);
}

export function createPlace(db: Db, accountId: number, fields: PlaceFields, now: string): PlaceRow {
  return getPlace(db, accountId, insertPlace(db, accountId, fields, now))!;
}

/** Replaces every field of the place (the address it is the location of shows the change). */
export function updatePlace(db: Db, accountId: number, id: number, fields: PlaceFields, now: string): PlaceRow | undefined {
  return setRow(db, accountId, id, valuesOf(fields), now);
}
