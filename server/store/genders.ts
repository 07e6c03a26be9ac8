/**
 * Genders of an account: the list behind `gender_id`, and their CRUD.
 */
import { stmt, type Db } from './db.js';
import { accountTable } from './accountTable.js';

export interface GenderRow {
  id: number;
  account_id: number;
  name: string;
  type: string | null;
  created_at: string | null;
  updated_at: string | null;
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
/** One page of the account's genders. */
export const listGendersPage = genders.page;
export const getGender = genders.get;
/** Deletes a gender; its contacts keep existing without a gender (the foreign key sets it to null). */
export const deleteGender = genders.remove;

export function createGender(db: Db, accountId: number, input: GenderInput, now: string): GenderRow {
  const result = stmt(
    db,
    'INSERT INTO genders (account_id, name, type, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
  ).run(accountId, input.name, input.type, now, now);
  return getGender(db, accountId, Number(result.lastInsertRowid))!;
}

/** Replaces a gender's name and type; undefined when it is not in the account. */
export function updateGender(db: Db, accountId: number, id: number, input: GenderInput, now: string): GenderRow | undefined {
  const result = stmt(db, 'UPDATE genders SET name = ?, type = ?, updated_at = ? WHERE account_id = ? AND id = ?').run(
    input.name,
    input.type,
    now,
    accountId,
    id,
  );
  return result.changes === 0 ? undefined : getGender(db, accountId, id);
}
