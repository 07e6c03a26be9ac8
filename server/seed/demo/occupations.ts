// Demo occupations: the demo's people at the demo companies, current and past jobs.
import type { Db } from '../../store/db.js';
import { createOccupation, type SalaryUnit } from '../../store/occupations.js';
import { contactIdsByName, daysAgoStamp } from './shared.js';
import type { DemoAccount } from './types.js';

interface DemoOccupation {
  first: string;
  company: string;
  title: string;
  description?: string;
  salary?: number;
  unit?: SalaryUnit;
  current: boolean;
  start?: string;
  end?: string;
}

const OCCUPATIONS: readonly DemoOccupation[] = [
  { first: 'Amelia', company: 'St. Mary Hospital', title: 'Pediatric nurse', description: 'Night shifts on the children\'s ward', salary: 38000, unit: 'year', current: true, start: '2014-09-01' },
  { first: 'Priya', company: 'Northwind Analytics', title: 'Data scientist', salary: 72000, unit: 'year', current: true, start: '2019-03-18' },
  { first: 'Priya', company: 'State University', title: 'Research assistant', description: 'Worked on survey statistics', salary: 1500, unit: 'month', current: false, start: '2014-10-01', end: '2018-12-20' },
  { first: 'Lucas', company: 'Le Petit Jardin', title: 'Head chef', current: true, start: '2017-05-02' },
  { first: 'Kenji', company: 'Lumen Labs', title: 'Product designer', salary: 65000, unit: 'year', current: true, start: '2020-01-06' },
  { first: 'Oliver', company: 'Brightwave', title: 'Software engineer', description: 'Backend team, payments', salary: 82000, unit: 'year', current: true, start: '2018-07-09' },
  { first: 'Ava', company: 'Brightwave', title: 'UX researcher', current: true, start: '2021-02-15' },
  { first: 'Aisha', company: 'The Morning Ledger', title: 'Journalist', description: 'Covers city politics', current: true, start: '2016-11-01' },
  { first: 'Zara', company: 'Meridian Works', title: 'Civil engineer', salary: 58000, unit: 'year', current: true, start: '2019-09-02' },
  { first: 'Arjun', company: 'Tidewater', title: 'Founder and CEO', current: true, start: '2022-04-01' },
  { first: 'Arjun', company: 'Brightwave', title: 'Engineering manager', current: false, start: '2015-03-01', end: '2022-02-28' },
  { first: 'Fatima', company: 'State University', title: 'Professor of linguistics', current: true, start: '2011-09-01' },
  { first: 'Leo', company: 'Corner Coffee', title: 'Barista', salary: 14, unit: 'hour', current: true, start: '2023-06-12' },
];

/**
 * Believable demo content for the demo account (called once, on an empty database, after contacts, tags, notes and
 * companies): `companyIds` are the demo companies' ids by name.
 */
export function addOccupationsDemo(db: Db, demo: DemoAccount, companyIds: ReadonlyMap<string, number>): void {
  const { accountId } = demo;
  const byName = contactIdsByName(db, demo);
  const at = (daysAgo: number) => daysAgoStamp(demo, daysAgo, 86_399);

  OCCUPATIONS.forEach((job, index) => {
    const contactId = byName.get(job.first);
    const companyId = companyIds.get(job.company);
    if (contactId === undefined || companyId === undefined) return;
    createOccupation(
      db,
      accountId,
      {
        contact_id: contactId,
        company_id: companyId,
        title: job.title,
        description: job.description ?? null,
        salary: job.salary ?? null,
        salary_unit: job.unit ?? null,
        currently_works_here: job.current,
        start_date: job.start ?? null,
        end_date: job.end ?? null,
      },
      at(380 - index * 25),
    );
  });
}
