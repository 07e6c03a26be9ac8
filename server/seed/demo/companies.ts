// Demo companies: where the demo's people work or worked.
import { createCompany } from '../../store/companies.js';
import type { Db } from '../../store/db.js';
import { daysAgoStamp } from './shared.js';
import type { DemoAccount } from './types.js';

interface DemoCompany {
  name: string;
  website: string | null;
  employees: number | null;
}

const COMPANIES: readonly DemoCompany[] = [
  { name: 'St. Mary Hospital', website: 'https://stmary.example.org', employees: 1200 },
  { name: 'Northwind Analytics', website: 'https://northwind.example.com', employees: 85 },
  { name: 'Le Petit Jardin', website: null, employees: 14 },
  { name: 'Lumen Labs', website: 'https://lumenlabs.example.com', employees: 40 },
  { name: 'Brightwave', website: 'https://brightwave.example.com', employees: 320 },
  { name: 'The Morning Ledger', website: 'https://morningledger.example.com', employees: 210 },
  { name: 'Meridian Works', website: null, employees: 60 },
  { name: 'State University', website: 'https://state-university.example.edu', employees: 5400 },
  { name: 'Tidewater', website: 'https://tidewater.example.io', employees: 9 },
  { name: 'Corner Coffee', website: null, employees: 6 },
];

/**
 * Believable demo content for the demo account (called once, on an empty database, after contacts, tags and
 * notes). Returns the companies' ids by name, for the occupations.
 */
export function addCompaniesDemo(db: Db, demo: DemoAccount): Map<string, number> {
  const { accountId } = demo;
  const at = (daysAgo: number) => daysAgoStamp(demo, daysAgo, 86_399);

  // Companies, over the last two years.
  const companyIds = new Map<string, number>();
  COMPANIES.forEach((company, index) => {
    const row = createCompany(
      db,
      accountId,
      { name: company.name, website: company.website, number_of_employees: company.employees },
      at(700 - index * 30),
    );
    companyIds.set(company.name, row.id);
  });
  return companyIds;
}
