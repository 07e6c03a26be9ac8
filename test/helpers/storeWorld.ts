// A fresh in-memory database with two accounts and their reference data, for the tests that drive the store (or a
// handler) directly, below the API.
import { seedAccountReferenceData } from '../../server/seed/referenceData.js';
import { createAccount } from '../../server/store/accounts.js';
import type { ContactInput } from '../../server/store/contacts.js';
import { openDatabase, type Db } from '../../server/store/db.js';

/** The time every row of a world is written at, unless a test says otherwise. */
export const NOW = '2024-06-15T10:20:30Z';

export interface World {
  db: Db;
  a: number;
  b: number;
  userA: number;
  userB: number;
}

/** Accounts `a` (user Jane Doe) and `b` (user John Roe), with their genders, contact field types and other reference rows. */
export function world(): World {
  const db = openDatabase(':memory:');
  const acc1 = createAccount(db, { name: 'A', userFirstName: 'Jane', userLastName: 'Doe', email: 'jane@example.com' }, NOW);
  const acc2 = createAccount(db, { name: 'B', userFirstName: 'John', userLastName: 'Roe', email: 'john@example.com' }, NOW);
  seedAccountReferenceData(db, acc1.accountId, NOW);
  seedAccountReferenceData(db, acc2.accountId, NOW);
  return { db, a: acc1.accountId, b: acc2.accountId, userA: acc1.userId, userB: acc2.userId };
}

/** A real contact's store input: a first name, no dates. */
export function person(first: string, extra: Partial<ContactInput> = {}): ContactInput {
  return { first_name: first, is_birthdate_known: false, is_deceased: false, is_deceased_date_known: false, ...extra };
}
