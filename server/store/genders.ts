/**
 * Genders of an account (read side; used to validate `gender_id`).
 */
import { stmt, type Db } from './db.js';

export interface GenderRow {
  id: number;
  account_id: number;
  name: string;
  type: string | null;
  created_at: string | null;
  updated_at: string | null;
}

export function listGenders(db: Db, accountId: number): GenderRow[] {
  return stmt<GenderRow>(db, 'SELECT * FROM genders WHERE account_id = ? ORDER BY id').all(accountId);
}

export function getGender(db: Db, accountId: number, id: number): GenderRow | undefined {
  return stmt<GenderRow>(db, 'SELECT * FROM genders WHERE account_id = ? AND id = ?').get(accountId, id);
}
