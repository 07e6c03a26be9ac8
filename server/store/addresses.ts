/**
 * Addresses of contacts. Every statement is scoped to one account; an address (or contact) of another account
 * behaves exactly like a missing one.
 */
import { randomUUID } from 'node:crypto';
import { childrenByParent, stmt, type Db } from './db.js';
import { ensureLabels, setAddressLabels } from './labels.js';
import { limitOffset, type Page } from './pagination.js';

export interface AddressRow {
  id: number;
  account_id: number;
  uuid: string | null;
  contact_id: number;
  name: string | null;
  street: string | null;
  city: string | null;
  province: string | null;
  postal_code: string | null;
  /** ISO 3166-1 alpha-2 code, or what the client sent when it is not a known code. */
  country: string | null;
  latitude: number | null;
  longitude: number | null;
  created_at: string | null;
  updated_at: string | null;
}

/** An address as written: every field replaces the stored one (null clears it). */
export interface AddressInput {
  contact_id: number;
  name: string | null;
  street: string | null;
  city: string | null;
  province: string | null;
  postal_code: string | null;
  country: string | null;
  latitude: number | null;
  longitude: number | null;
  /** Label texts; a non-empty list replaces the address's labels, an empty one or null keeps them. */
  labels: readonly string[] | null;
}

const COLUMNS = `id, account_id, uuid, contact_id, name, street, city, province, postal_code, country, latitude, longitude,
  created_at, updated_at`;

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
    `SELECT ${COLUMNS} FROM addresses WHERE account_id = ? AND contact_id = ?
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
        `SELECT ${COLUMNS} FROM addresses
          WHERE account_id = ? AND contact_id IN (SELECT value FROM json_each(?))
          ORDER BY contact_id, created_at, id`,
      ).all(accountId, list),
    (row) => [row.contact_id, row],
  );
}

export function getAddress(db: Db, accountId: number, id: number): AddressRow | undefined {
  return stmt<AddressRow>(db, `SELECT ${COLUMNS} FROM addresses WHERE account_id = ? AND id = ?`).get(accountId, id);
}

/** Creates an address (and its labels) in one transaction. The caller has checked that the contact is the account's. */
export function createAddress(db: Db, accountId: number, input: AddressInput, now: string): AddressRow {
  return db.transaction(() => {
    const result = stmt(
      db,
      `INSERT INTO addresses (account_id, uuid, contact_id, name, street, city, province, postal_code, country,
                              latitude, longitude, created_at, updated_at)
       SELECT c.account_id, ?, c.id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
         FROM contacts c WHERE c.account_id = ? AND c.id = ?`,
    ).run(
      randomUUID(),
      input.name,
      input.street,
      input.city,
      input.province,
      input.postal_code,
      input.country,
      input.latitude,
      input.longitude,
      now,
      now,
      accountId,
      input.contact_id,
    );
    if (result.changes === 0) throw new Error(`contact ${input.contact_id} is not in account ${accountId}`);
    const id = Number(result.lastInsertRowid);
    if (input.labels && input.labels.length > 0) setAddressLabels(db, accountId, id, ensureLabels(db, accountId, input.labels, now));
    return getAddress(db, accountId, id)!;
  })();
}

/**
 * Replaces an address's fields (labels only when a non-empty list is given). The address keeps its contact.
 * Returns undefined when the address is not in the account.
 */
export function updateAddress(db: Db, accountId: number, id: number, input: AddressInput, now: string): AddressRow | undefined {
  return db.transaction(() => {
    const result = stmt(
      db,
      `UPDATE addresses SET name = ?, street = ?, city = ?, province = ?, postal_code = ?, country = ?,
              latitude = ?, longitude = ?, updated_at = ?
        WHERE account_id = ? AND id = ?`,
    ).run(
      input.name,
      input.street,
      input.city,
      input.province,
      input.postal_code,
      input.country,
      input.latitude,
      input.longitude,
      now,
      accountId,
      id,
    );
    if (result.changes === 0) return undefined;
    if (input.labels && input.labels.length > 0) setAddressLabels(db, accountId, id, ensureLabels(db, accountId, input.labels, now));
    return getAddress(db, accountId, id);
  })();
}

export function deleteAddress(db: Db, accountId: number, id: number): boolean {
  return stmt(db, 'DELETE FROM addresses WHERE account_id = ? AND id = ?').run(accountId, id).changes > 0;
}
