/**
 * Occupations: a contact's job at a company of the same account.
 */
import { accountTable, assignments, type AccountRow } from './accountTable.js';
import { stmt, type Db } from './db.js';

export type SalaryUnit = 'year' | 'month' | 'week' | 'day' | 'hour';

export interface OccupationRow extends AccountRow {
  contact_id: number;
  company_id: number;
  title: string;
  description: string | null;
  salary: number | null;
  salary_unit: SalaryUnit | null;
  currently_works_here: number;
  start_date: string | null;
  end_date: string | null;
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
export const { page: listOccupations, get: getOccupation, remove: deleteOccupation } = occupations;
/** The columns of the details, and their values in that order. */
const DETAILS = 'title, description, salary, salary_unit, currently_works_here, start_date, end_date';
const detailsOf = (d: OccupationDetails) => [
  d.title, d.description, d.salary, d.salary_unit, d.currently_works_here ? 1 : 0, d.start_date, d.end_date,
];
const setRow = occupations.updater(assignments(DETAILS));

/**
 * Creates an occupation. The caller has checked that the contact and the company are the account's; the
 * statement checks it again, so a foreign id inserts nothing and answers undefined.
 */
export function createOccupation(db: Db, accountId: number, input: OccupationInput, now: string): OccupationRow | undefined {
  const result = stmt(
    db,
    `INSERT INTO occupations (account_id, contact_id, company_id, ${DETAILS}, created_at, updated_at)
     SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
      WHERE EXISTS (SELECT 1 FROM contacts WHERE account_id = ? AND id = ?)
        AND EXISTS (SELECT 1 FROM companies WHERE account_id = ? AND id = ?)`,
  ).run(accountId, input.contact_id, input.company_id, ...detailsOf(input), now, now, accountId, input.contact_id, accountId, input.company_id);
  return result.changes === 0 ? undefined : getOccupation(db, accountId, Number(result.lastInsertRowid));
}

/** Replaces the details of an occupation; undefined when it is not in the account. */
export function updateOccupation(db: Db, accountId: number, id: number, input: OccupationDetails, now: string): OccupationRow | undefined {
  return setRow(db, accountId, id, detailsOf(input), now);
}
