/**
 * Companies that contacts work or worked at (occupations link them).
 */
import { idList, stmt, type Db } from './db.js';
import { pageOfAccountRows, type Page, type PageOptions } from './pagination.js';

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

export function listCompanies(db: Db, accountId: number, opts: PageOptions): Page<CompanyRow> {
  return pageOfAccountRows<CompanyRow>(db, 'companies', { accountId }, opts);
}

export function getCompany(db: Db, accountId: number, id: number): CompanyRow | undefined {
  return stmt<CompanyRow>(db, 'SELECT * FROM companies WHERE account_id = ? AND id = ?').get(accountId, id);
}

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

/** Deletes a company and, through the foreign key, the occupations at it. */
export function deleteCompany(db: Db, accountId: number, id: number): boolean {
  return stmt(db, 'DELETE FROM companies WHERE account_id = ? AND id = ?').run(accountId, id).changes > 0;
}

/** Several companies of the account by id, in one query. */
export function getCompaniesByIds(db: Db, accountId: number, ids: Iterable<number>): Map<number, CompanyRow> {
  const list = idList(ids);
  const out = new Map<number, CompanyRow>();
  if (list === '[]') return out;
  const rows = stmt<CompanyRow>(
    db,
    'SELECT * FROM companies WHERE account_id = ? AND id IN (SELECT value FROM json_each(?))',
  ).all(accountId, list);
  for (const row of rows) out.set(row.id, row);
  return out;
}
