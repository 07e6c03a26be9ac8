/**
 * Addresses of contacts. Every statement is scoped to one account; an address (or contact) of another account
 * behaves exactly like a missing one. An address keeps its location in a place of its own (places.ts), made,
 * changed and deleted with it; reads go through the `address_rows` view, which joins the two.
 */
import { randomUUID } from 'node:crypto';
import { accountTable, childrenOfAccount, type ContactOwnedRow } from './accountTable.js';
import { stmt, type Db } from './db.js';
import { relabel, setAddressLabels } from './labels.js';
import { pageOf, type Page } from './pagination.js';
import { insertPlace, updatePlace, type PlaceFields } from './places.js';

export interface AddressRow extends PlaceFields, ContactOwnedRow {
  /** The place that holds the address's location. */
  place_id: number;
  name: string | null;
}

/** An address as written: every field replaces the stored one (null clears it). */
export interface AddressInput extends PlaceFields {
  contact_id: number;
  name: string | null;
  /** Label texts; a non-empty list replaces the address's labels, an empty one or null keeps them. */
  labels: readonly string[] | null;
}

const COLUMNS = `id, account_id, uuid, contact_id, place_id, name, street, city, province, postal_code, country, latitude,
  longitude, created_at, updated_at`;

// Reads go through the view (its columns are COLUMNS, in that order); deletes through the table.
const addressRows = accountTable<AddressRow>('address_rows', { select: `SELECT ${COLUMNS} FROM address_rows` });
/** `listAddresses`: every address of the account, oldest first unless sorted otherwise. */
export const { page: listAddresses, get: getAddress } = addressRows;
const addresses = accountTable<AddressRow>('addresses');
/** Deletes the address, and its place with it (trigger of migration 10). */
export const deleteAddress = addresses.remove;
const setName = addresses.setter('name = ?');

/** The addresses of one contact, oldest first. */
export function listAddressesForContact(db: Db, accountId: number, contactId: number, opts: { limit: number; offset: number }): Page<AddressRow> {
  return pageOf<AddressRow>(
    db,
    `SELECT ${COLUMNS} FROM address_rows WHERE account_id = ? AND contact_id = ? ORDER BY created_at ASC, id ASC`,
    'SELECT COUNT(*) AS n FROM addresses WHERE account_id = ? AND contact_id = ?',
    [accountId, contactId],
    opts,
  );
}

/** The addresses of several contacts, oldest first, in one query. */
export const addressRowsForContacts = childrenOfAccount<AddressRow>(
  `SELECT ${COLUMNS} FROM address_rows
    WHERE account_id = ? AND contact_id IN (SELECT value FROM json_each(?))
    ORDER BY contact_id, created_at, id`,
  (row) => [row.contact_id, row],
);

/**
 * Creates an address (its place, then the address and its labels) in one transaction. The caller has checked that
 * the contact is the account's.
 */
export function createAddress(db: Db, accountId: number, input: AddressInput, now: string): AddressRow {
  return db.transaction(() => {
    const placeId = insertPlace(db, accountId, input, now);
    const result = stmt(
      db,
      `INSERT INTO addresses (account_id, uuid, contact_id, place_id, name, created_at, updated_at)
       SELECT c.account_id, ?, c.id, ?, ?, ?, ?
         FROM contacts c WHERE c.account_id = ? AND c.id = ?`,
    ).run(randomUUID(), placeId, input.name, now, now, accountId, input.contact_id);
    if (result.changes === 0) throw new Error(`contact ${input.contact_id} is not in account ${accountId}`);
    const id = Number(result.lastInsertRowid);
    relabel(setAddressLabels, db, accountId, id, input.labels, now);
    return getAddress(db, accountId, id)!;
  })();
}

/**
 * Replaces an address's fields and its place's (labels only when a non-empty list is given). The address keeps its
 * contact. Returns undefined when the address is not in the account.
 */
export function updateAddress(db: Db, accountId: number, id: number, input: AddressInput, now: string): AddressRow | undefined {
  return db.transaction(() => {
    const existing = getAddress(db, accountId, id);
    if (!existing) return undefined;
    setName(db, accountId, id, [input.name], now);
    updatePlace(db, accountId, existing.place_id, input, now);
    relabel(setAddressLabels, db, accountId, id, input.labels, now);
    return getAddress(db, accountId, id);
  })();
}
