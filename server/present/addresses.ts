import type { Address } from '../../generated/client/types.gen.js';
import { addressRowsForContacts, type AddressRow } from '../store/addresses.js';
import type { ContactRow } from '../store/contacts.js';
import type { Db } from '../store/db.js';
import { contactObject } from './contactSummary.js';
import { apiUrl, type PresentContext } from './context.js';
import { presentLocation } from './places.js';
import { presentWithContacts } from './withContacts.js';

export type AddressObject = Address;

/** Presents an address; `contact` is the row of the address's contact. */
export function presentAddress(row: AddressRow, contact: ContactRow, ctx: PresentContext): AddressObject {
  return contactObject(row, 'address', { name: row.name, ...presentLocation(row), url: apiUrl(ctx, `addresses/${row.id}`) }, contact, ctx);
}

/** Presents a page of addresses, loading their contacts with one query. */
export function presentAddresses(db: Db, accountId: number, rows: readonly AddressRow[], ctx: PresentContext): AddressObject[] {
  return presentWithContacts(db, accountId, rows, 'address', (row, contact) => presentAddress(row, contact, ctx));
}

/**
 * The addresses of a page of contacts (oldest first), for the full contact's `addresses`: one query, whatever the
 * number of contacts. Every given contact gets an entry (an empty array when it has no address); rows of another
 * account are ignored.
 */
export function addressesForContacts(
  db: Db,
  accountId: number,
  contactRows: readonly ContactRow[],
  ctx: PresentContext,
): Map<number, AddressObject[]> {
  const byId = new Map(contactRows.filter((c) => c.account_id === accountId).map((c) => [c.id, c]));
  const rows = addressRowsForContacts(db, accountId, byId.keys());
  const out = new Map<number, AddressObject[]>();
  for (const [contactId, addresses] of rows) {
    const contact = byId.get(contactId)!;
    out.set(contactId, addresses.map((a) => presentAddress(a, contact, ctx)));
  }
  return out;
}
