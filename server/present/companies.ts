import type { Company } from '../../generated/client/types.gen.js';
import type { CompanyRow } from '../store/companies.js';
import { accountObject } from './context.js';

export type CompanyObject = Company;

export function presentCompany(row: CompanyRow): CompanyObject {
  return accountObject(row, 'company', { name: row.name, website: row.website, number_of_employees: row.number_of_employees });
}
