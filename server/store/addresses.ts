/**
 * Addresses of contacts. Every statement is scoped to one account; an address (or contact) of another account
 * behaves exactly like a missing one. An address keeps its location in a place of its own (places.ts), made,
 * changed and deleted with it; reads go through the `address_rows` view, which joins the two.
 */
import { randomUUID } from 'node:crypto';
import { childrenByParent, stmt, type Db } from './db.js';
import { ensureLabels, setAddressLabels } from './labels.js';
import { limitOffset, pageOfAccountRows, type Page, type PageOptions } from './pagination.js';
import { insertPlace, updatePlace, type PlaceFields } from './places.js';

export interface AddressRow extends PlaceFields {
  id: number;
  account_id: number;
  uuid: string | null;
  contact_id: number;
  /** The place that holds the address's location. */
  place_id: number;
  name: string | null;
  created_at: string | null;
  updated_at: string | null;
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


/** Every address of the account, oldest first unless sorted otherwise. */
export function listAddresses(db: Db, accountId: number, opts: PageOptions): Page<AddressRow> {
  return pageOfAccountRows<AddressRow>(db, 'address_rows', { accountId }, opts);
}

/** The addresses of one contact, oldest first. */
export function listAddressesForContact(
  db: Db,
  accountId: number,
  contactId: number,
  opts: { limit: number; offset: number },
): Page<AddressRow> {
  const [limit, offset] = limitOffset(opts);
  const rows = stmt<AddressRow>(
    db,
    `SELECT ${COLUMNS} FROM address_rows WHERE account_id = ? AND contact_id = ?
      ORDER BY created_at ASC, id ASC LIMIT ? OFFSET ?`,
  ).all(accountId, contactId, limit, offset);
  const total = stmt<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM addresses WHERE account_id = ? AND contact_id = ?').get(
    accountId,
    contactId,
  )!.n;
  return { rows, total };
}

/** The addresses of several contacts, oldest first, in one query. */
export function addressRowsForContacts(db: Db, accountId: number, contactIds: Iterable<number>): Map<number, AddressRow[]> {
  return childrenByParent(
    contactIds,
    (list) =>
      stmt<AddressRow>(
        db,
        `SELECT ${COLUMNS} FROM address_rows
          WHERE account_id = ? AND contact_id IN (SELECT value FROM json_each(?))
          ORDER BY contact_id, created_at, id`,
      ).all(accountId, list),
    (row) => [row.contact_id, row],
  );
}

export function getAddress(db: Db, accountId: number, id: number): AddressRow | undefined {
  return stmt<AddressRow>(db, `SELECT ${COLUMNS} FROM address_rows WHERE account_id = ? AND id = ?`).get(accountId, id);
}

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
    if (input.labels && input.labels.length > 0) setAddressLabels(db, accountId, id, ensureLabels(db, accountId, input.labels, now));
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
    stmt(db, 'UPDATE addresses SET name = ?, updated_at = ? WHERE account_id = ? AND id = ?').run(input.name, now, accountId, id);
    updatePlace(db, accountId, existing.place_id, input, now);
    if (input.labels && input.labels.length > 0) setAddressLabels(db, accountId, id, ensureLabels(db, accountId, input.labels, now));
    return getAddress(db, accountId, id);
  })();
}

/** Deletes the address, and its place with it (trigger of migration 10). */
export function deleteAddress(db: Db, accountId: number, id: number): boolean {
  return stmt(db, 'DELETE FROM addresses WHERE account_id = ? AND id = ?').run(accountId, id).changes > 0;
}
