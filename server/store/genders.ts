/**
 * Genders of an account: the list behind `gender_id`, and their CRUD.
 */
import { accountTable, type AccountRow } from './accountTable.js';
import { stmt, type Db } from './db.js';

export interface GenderRow extends AccountRow {
  name: string;
  type: string | null;
}

export interface GenderInput {
  name: string;
  type: 'M' | 'F' | 'O';
}

/** Every gender of the account, by id (used to validate and seed). */
export function listGenders(db: Db, accountId: number): GenderRow[] {
  return stmt<GenderRow>(db, 'SELECT * FROM genders WHERE account_id = ? ORDER BY id').all(accountId);
}

const genders = accountTable<GenderRow>('genders');
/** `deleteGender`: its contacts keep existing without a gender (the foreign key sets it to null). */
export const { page: listGendersPage, get: getGender, remove: deleteGender } = genders;
const insertRow = genders.inserter('name, type');
const setRow = genders.updater('name = ?, type = ?');

/** Stores a gender and answers its id (also how a new account gets its default ones). */
export function insertGender(db: Db, accountId: number, input: GenderInput, now: string): number {
  return insertRow(db, accountId, [input.name, input.type], now);
}

export function createGender(db: Db, accountId: number, input: GenderInput, now: string): GenderRow {
  return getGender(db, accountId, insertGender(db, accountId, input, now))!;
}

/** Replaces a gender's name and type; undefined when it is not in the account. */
export function updateGender(db: Db, accountId: number, id: number, input: GenderInput, now: string): GenderRow | undefined {
  return setRow(db, accountId, id, [input.name, input.type], now);
}
