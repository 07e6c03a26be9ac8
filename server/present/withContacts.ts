// Rows that each belong to a contact of the account, presented with their contacts loaded in one query.
import { getContactsByIds, type ContactRow } from '../store/contacts.js';
import type { Db } from '../store/db.js';

/** `what` names the kind of row in the error a row of another account's contact would be (a store bug). */
export function presentWithContacts<R extends { id: number; contact_id: number }, T>(
  db: Db,
  accountId: number,
  rows: readonly R[],
  what: string,
  present: (row: R, contact: ContactRow) => T,
): T[] {
  return presentWithContactsIfAny(db, accountId, rows, (row, contact) => {
    if (!contact) throw new Error(`${what} ${row.id} refers to a contact outside account ${accountId}`);
    return present(row, contact);
  });
}

/** The same for rows whose contact may be gone (documents, photos): `present` gets undefined for them. */
export function presentWithContactsIfAny<R extends { contact_id: number }, T>(
  db: Db,
  accountId: number,
  rows: readonly R[],
  present: (row: R, contact: ContactRow | undefined) => T,
): T[] {
  const contacts = getContactsByIds(db, accountId, rows.map((r) => r.contact_id));
  return rows.map((row) => present(row, contacts.get(row.contact_id)));
}
