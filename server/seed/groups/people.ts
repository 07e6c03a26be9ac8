// Seed data of this group: what every new account gets, and the demo account's content.
import { createCompany } from '../../store/companies.js';
import { idList, stmt, type Db } from '../../store/db.js';
import { createOccupation, type SalaryUnit } from '../../store/occupations.js';
import { insertRelationshipTypes, type GroupSeed } from '../../store/relationshipTypes.js';
import { createRelationship, linkByTypeName } from '../../store/relationships.js';
import { getRelationshipTypeByName } from '../../store/relationshipTypes.js';
import { formatTimestamp } from '../../present/dates.js';
import type { DemoAccount } from './types.js';

/** Monica 4.x's default relationship type groups and types (24 types), in its order. */
export const DEFAULT_RELATIONSHIP_TYPES: readonly GroupSeed[] = [
  {
    name: 'love',
    types: [
      { name: 'partner', reverse: 'partner' },
      { name: 'spouse', reverse: 'spouse' },
      { name: 'date', reverse: 'date' },
      { name: 'lover', reverse: 'lover' },
      { name: 'inlovewith', reverse: 'lovedby' },
      { name: 'lovedby', reverse: 'inlovewith' },
      { name: 'ex', reverse: 'ex' },
    ],
  },
  {
    name: 'family',
    types: [
      { name: 'parent', reverse: 'child' },
      { name: 'child', reverse: 'parent' },
      { name: 'sibling', reverse: 'sibling' },
      { name: 'grandparent', reverse: 'grandchild' },
      { name: 'grandchild', reverse: 'grandparent' },
      { name: 'uncle', reverse: 'nephew' },
      { name: 'nephew', reverse: 'uncle' },
      { name: 'cousin', reverse: 'cousin' },
      { name: 'godfather', reverse: 'godson' },
      { name: 'godson', reverse: 'godfather' },
    ],
  },
  {
    name: 'friend',
    types: [
      { name: 'friend', reverse: 'friend' },
      { name: 'bestfriend', reverse: 'bestfriend' },
    ],
  },
  {
    name: 'work',
    types: [
      { name: 'colleague', reverse: 'colleague' },
      { name: 'boss', reverse: 'subordinate' },
      { name: 'subordinate', reverse: 'boss' },
      { name: 'mentor', reverse: 'protege' },
      { name: 'protege', reverse: 'mentor' },
    ],
  },
];

/** Reference rows every new account gets (called inside the account's creation transaction). */
export function seedPeopleAccountData(db: Db, accountId: number, now: string): void {
  insertRelationshipTypes(db, accountId, DEFAULT_RELATIONSHIP_TYPES, now);
}

const DAY_MS = 24 * 60 * 60 * 1000;

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

/** [contact_is, type, of_contact]: of_contact is the type of contact_is (a first name, or `partial:<first name>`). */
const RELATIONSHIPS: ReadonlyArray<[string, string, string]> = [
  ['Amelia', 'spouse', 'Thomas'],
  ['Emma', 'sibling', 'Noah'],
  ['Emma', 'cousin', 'Amelia'],
  ['Oliver', 'colleague', 'Ava'],
  ['Arjun', 'protege', 'Oliver'],
  ['Priya', 'bestfriend', 'Amelia'],
  ['Benjamin', 'friend', 'Grace'],
  ['Daniel', 'friend', 'Samuel'],
  ['Chloe', 'date', 'Ethan'],
  ['Fatima', 'protege', 'Priya'],
  ['Hannah', 'ex', 'Marcus'],
  ['Noah', 'godfather', 'Henry'],
  ['Amelia', 'colleague', 'partial:Bob'],
  ['Thomas', 'uncle', 'partial:Uncle Ray'],
  ['Sofia', 'mentor', 'partial:Mrs.'],
];

/** Believable demo content for the demo account (called once, on an empty database, after contacts, tags and notes). */
export function addPeopleDemo(db: Db, demo: DemoAccount): void {
  const { accountId, rng, nowMs } = demo;
  const names = stmt<{ id: number; first_name: string; is_partial: number }>(
    db,
    'SELECT id, first_name, is_partial FROM contacts WHERE account_id = ? AND id IN (SELECT value FROM json_each(?)) ORDER BY id',
  ).all(accountId, idList([...demo.contactIds, ...demo.partialContactIds]));
  const byName = new Map<string, number>();
  for (const c of names) {
    const key = c.is_partial ? `partial:${c.first_name}` : c.first_name;
    if (!byName.has(key)) byName.set(key, c.id);
  }
  const at = (daysAgo: number) => formatTimestamp(new Date(nowMs - daysAgo * DAY_MS - rng.int(0, 86_399) * 1000));

  // Companies, over the last two years, then their employees.
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

  // Relationships (each with its reverse), and the legacy child link for a partial contact.
  RELATIONSHIPS.forEach(([is, typeName, of], index) => {
    const contactIs = byName.get(is);
    const ofContact = byName.get(of);
    const type = getRelationshipTypeByName(db, accountId, typeName);
    if (contactIs === undefined || ofContact === undefined || !type) return;
    createRelationship(db, accountId, { contact_is: contactIs, of_contact: ofContact, relationship_type_id: type.id }, at(300 - index * 15));
  });
  const sam = byName.get('partial:Sam');
  const amelia = byName.get('Amelia');
  const thomas = byName.get('Thomas');
  if (sam !== undefined && amelia !== undefined) linkByTypeName(db, accountId, amelia, sam, 'child', at(60));
  if (sam !== undefined && thomas !== undefined) linkByTypeName(db, accountId, thomas, sam, 'child', at(59));
}
