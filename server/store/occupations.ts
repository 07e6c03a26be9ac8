/**
 * Occupations: a contact's job at a company of the same account.
 */
import { stmt, type Db } from './db.js';
import { accountTable } from './accountTable.js';

export type SalaryUnit = 'year' | 'month' | 'week' | 'day' | 'hour';

export interface OccupationRow {
  id: number;
  account_id: number;
  contact_id: number;
  company_id: number;
  title: string;
  description: string | null;
  salary: number | null;
  salary_unit: SalaryUnit | null;
  currently_works_here: number;
  start_date: string | null;
  end_date: string | null;
  created_at: string | null;
  updated_at: string | null;
}

/** The replaceable details of an occupation (the contact and the company are fixed at creation). */
export interface OccupationDetails {
  title: string;
  description: string | null;
  salary: number | null;
  salary_unit: SalaryUnit | null;
  currently_works_here: boolean;
  start_date: string | null;
  end_date: string | null;
}

export interface OccupationInput extends OccupationDetails {
  contact_id: number;
  company_id: number;
}

const occupations = accountTable<OccupationRow>('occupations');
export const listOccupations = occupations.page;
export const getOccupation = occupations.get;
export const deleteOccupation = occupations.remove;

/**
 * Creates an occupation. The caller has checked that the contact and the company are the account's; the
 * statement checks it again, so a foreign id inserts nothing and answers undefined.
 */
export function createOccupation(db: Db, accountId: number, input: OccupationInput, now: string): OccupationRow | undefined {
  const result = stmt(
    db,
    `INSERT INTO occupations (account_id, contact_id, company_id, title, description, salary, salary_unit,
                              currently_works_here, start_date, end_date, created_at, updated_at)
     SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
      WHERE EXISTS (SELECT 1 FROM contacts WHERE account_id = ? AND id = ?)
        AND EXISTS (SELECT 1 FROM companies WHERE account_id = ? AND id = ?)`,
  ).run(
    accountId, input.contact_id, input.company_id, input.title, input.description, input.salary, input.salary_unit,
    input.currently_works_here ? 1 : 0, input.start_date, input.end_date, now, now,
    accountId, input.contact_id, accountId, input.company_id,
  );
  return result.changes === 0 ? undefined : getOccupation(db, accountId, Number(result.lastInsertRowid));
}

/** Replaces the details of an occupation; undefined when it is not in the account. */
export function updateOccupation(db: Db, accountId: number, id: number, input: OccupationDetails, now: string): OccupationRow | undefined {
  const result = stmt(
    db,
    `UPDATE occupations
        SET title = ?, description = ?, salary = ?, salary_unit = ?, currently_works_here = ?,
            start_date = ?, end_date = ?, updated_at = ?
      WHERE account_id = ? AND id = ?`,
  ).run(
    input.title, input.description, input.salary, input.salary_unit, input.currently_works_here ? 1 : 0,
    input.start_date, input.end_date, now, accountId, id,
  );
  return result.changes === 0 ? undefined : getOccupation(db, accountId, id);
}
