/**
 * Companies that contacts work or worked at (occupations link them).
 */
import { stmt, type Db } from './db.js';
import { accountTable } from './accountTable.js';

export interface CompanyRow {
  id: number;
  account_id: number;
  name: string;
  website: string | null;
  number_of_employees: number | null;
  created_at: string | null;
  updated_at: string | null;
}

export interface CompanyInput {
  name: string;
  website: string | null;
  number_of_employees: number | null;
}

const companies = accountTable<CompanyRow>('companies');
export const listCompanies = companies.page;
export const getCompany = companies.get;
/** Deletes a company and, through the foreign key, the occupations at it. */
export const deleteCompany = companies.remove;
export const getCompaniesByIds = companies.byIds;

export function createCompany(db: Db, accountId: number, input: CompanyInput, now: string): CompanyRow {
  const result = stmt(
    db,
    `INSERT INTO companies (account_id, name, website, number_of_employees, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(accountId, input.name, input.website, input.number_of_employees, now, now);
  return getCompany(db, accountId, Number(result.lastInsertRowid))!;
}

/** Replaces the company's fields; undefined when it is not in the account. */
export function updateCompany(db: Db, accountId: number, id: number, input: CompanyInput, now: string): CompanyRow | undefined {
  const result = stmt(
    db,
    `UPDATE companies SET name = ?, website = ?, number_of_employees = ?, updated_at = ?
      WHERE account_id = ? AND id = ?`,
  ).run(input.name, input.website, input.number_of_employees, now, accountId, id);
  return result.changes === 0 ? undefined : getCompany(db, accountId, id);
}
