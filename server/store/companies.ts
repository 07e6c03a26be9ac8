/**
 * Companies that contacts work or worked at (occupations link them).
 */
import { accountTable, type AccountRow } from './accountTable.js';
import type { Db } from './db.js';

export interface CompanyInput {
  name: string;
  website: string | null;
  number_of_employees: number | null;
}

export interface CompanyRow extends AccountRow, CompanyInput {}

const companies = accountTable<CompanyRow>('companies');
/** `deleteCompany` deletes the occupations at it too (foreign key). */
export const { page: listCompanies, get: getCompany, remove: deleteCompany, byIds: getCompaniesByIds } = companies;
const insertRow = companies.inserter('name, website, number_of_employees');
const setRow = companies.updater('name = ?, website = ?, number_of_employees = ?');

const valuesOf = (input: CompanyInput) => [input.name, input.website, input.number_of_employees];

export function createCompany(db: Db, accountId: number, input: CompanyInput, now: string): CompanyRow {
  return getCompany(db, accountId, insertRow(db, accountId, valuesOf(input), now))!;
}

/** Replaces the company's fields; undefined when it is not in the account. */
export function updateCompany(db: Db, accountId: number, id: number, input: CompanyInput, now: string): CompanyRow | undefined {
  return setRow(db, accountId, id, valuesOf(input), now);
}
