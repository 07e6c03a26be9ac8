import type { Occupation } from '../../generated/client/types.gen.js';
import { getCompaniesByIds } from '../store/companies.js';
import { getContactsByIds, type ContactRow } from '../store/contacts.js';
import type { Db } from '../store/db.js';
import type { CompanyRow } from '../store/companies.js';
import type { OccupationRow } from '../store/occupations.js';
import { presentCompany } from './companies.js';
import { contactAndTimes } from './contactSummary.js';
import { bool, type PresentContext } from './context.js';

export type OccupationObject = Occupation;

/** Stored dates are `YYYY-MM-DD`; the API sends them as they are (Monica 4.x sends the date only). */
const dateOnly = (value: string | null): string | null => (value ? value.slice(0, 10) : null);

export function presentOccupation(row: OccupationRow, company: CompanyRow, contact: ContactRow, ctx: PresentContext): OccupationObject {
  return {
    id: row.id,
    object: 'occupation',
    title: row.title,
    description: row.description,
    salary: row.salary,
    salary_unit: row.salary_unit,
    currently_works_here: bool(row.currently_works_here),
    start_date: dateOnly(row.start_date),
    end_date: dateOnly(row.end_date),
    company: presentCompany(company),
    ...contactAndTimes(row, contact, ctx),
  };
}

/** Presents a page of occupations, loading their companies and contacts with one query each. */
export function presentOccupations(db: Db, accountId: number, rows: readonly OccupationRow[], ctx: PresentContext): OccupationObject[] {
  const companies = getCompaniesByIds(db, accountId, rows.map((r) => r.company_id));
  const contacts = getContactsByIds(db, accountId, rows.map((r) => r.contact_id));
  return rows.map((row) => {
    const company = companies.get(row.company_id);
    const contact = contacts.get(row.contact_id);
    if (!company || !contact) throw new Error(`occupation ${row.id} refers to a company or contact outside account ${accountId}`);
    return presentOccupation(row, company, contact, ctx);
  });
}
