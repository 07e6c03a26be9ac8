/**
 * Places: locations of the account. Each address keeps its location in a place of its own (see addresses.ts); the
 * places created through the API belong to no address. Every statement is scoped to one account.
 */
import { stmt, type Db } from './db.js';
import { pageOfAccountRows, type Page, type PageOptions } from './pagination.js';

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

export interface PlaceRow extends PlaceFields {
  id: number;
  account_id: number;
  created_at: string | null;
  updated_at: string | null;
}


export function listPlaces(db: Db, accountId: number, opts: PageOptions): Page<PlaceRow> {
  return pageOfAccountRows<PlaceRow>(db, 'places', { accountId }, opts);
}

export function getPlace(db: Db, accountId: number, id: number): PlaceRow | undefined {
  return stmt<PlaceRow>(db, 'SELECT * FROM places WHERE account_id = ? AND id = ?').get(accountId, id);
}

/** Stores a new place and returns its id (also the first step of a new address). */
export function insertPlace(db: Db, accountId: number, fields: PlaceFields, now: string): number {
  const result = stmt(
    db,
    `INSERT INTO places (account_id, street, city, province, postal_code, country, latitude, longitude, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(accountId, fields.street, fields.city, fields.province, fields.postal_code, fields.country, fields.latitude, fields.longitude, now, now);
  return Number(result.lastInsertRowid);
}

export function createPlace(db: Db, accountId: number, fields: PlaceFields, now: string): PlaceRow {
  return getPlace(db, accountId, insertPlace(db, accountId, fields, now))!;
}

/** Replaces every field of the place (the address it is the location of shows the change). */
export function updatePlace(db: Db, accountId: number, id: number, fields: PlaceFields, now: string): PlaceRow | undefined {
  const result = stmt(
    db,
    `UPDATE places SET street = ?, city = ?, province = ?, postal_code = ?, country = ?, latitude = ?, longitude = ?,
            updated_at = ?
      WHERE account_id = ? AND id = ?`,
  ).run(fields.street, fields.city, fields.province, fields.postal_code, fields.country, fields.latitude, fields.longitude, now, accountId, id);
  return result.changes === 0 ? undefined : getPlace(db, accountId, id);
}

/** Deletes the place, and the address it is the location of (cascade). */
export function deletePlace(db: Db, accountId: number, id: number): boolean {
  return stmt(db, 'DELETE FROM places WHERE account_id = ? AND id = ?').run(accountId, id).changes > 0;
}
