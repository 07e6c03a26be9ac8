// Migration 7: Companies, occupations, relationship types and relationships.
export const version = 7;

export const sql = `
CREATE TABLE companies (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  website TEXT,
  number_of_employees INTEGER,
  created_at TEXT,
  updated_at TEXT
);
CREATE INDEX companies_account_created ON companies(account_id, created_at, id);
CREATE INDEX companies_account_updated ON companies(account_id, updated_at, id);

CREATE TABLE occupations (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  company_id INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  description TEXT,
  salary INTEGER,
  salary_unit TEXT CHECK (salary_unit IN ('year', 'month', 'week', 'day', 'hour')),
  currently_works_here INTEGER NOT NULL DEFAULT 0 CHECK (currently_works_here IN (0, 1)),
  start_date TEXT,
  end_date TEXT,
  created_at TEXT,
  updated_at TEXT
);
CREATE INDEX occupations_account_created ON occupations(account_id, created_at, id);
CREATE INDEX occupations_account_updated ON occupations(account_id, updated_at, id);
CREATE INDEX occupations_contact ON occupations(contact_id);
CREATE INDEX occupations_company ON occupations(company_id);

-- Read-only reference rows, seeded per account (love, family, friend, work).
CREATE TABLE relationship_type_groups (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  delible INTEGER NOT NULL DEFAULT 0 CHECK (delible IN (0, 1)),
  created_at TEXT,
  updated_at TEXT,
  UNIQUE (account_id, name)
);

CREATE TABLE relationship_types (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  name_reverse_relationship TEXT NOT NULL,
  relationship_type_group_id INTEGER NOT NULL REFERENCES relationship_type_groups(id) ON DELETE CASCADE,
  delible INTEGER NOT NULL DEFAULT 0 CHECK (delible IN (0, 1)),
  created_at TEXT,
  updated_at TEXT,
  UNIQUE (account_id, name)
);
CREATE INDEX relationship_types_group ON relationship_types(relationship_type_group_id);

-- Every link is stored twice, once in each direction: of_contact is the relationship type of contact_is.
CREATE TABLE relationships (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  uuid TEXT,
  relationship_type_id INTEGER NOT NULL REFERENCES relationship_types(id) ON DELETE CASCADE,
  contact_is INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  of_contact INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  created_at TEXT,
  updated_at TEXT
);
CREATE INDEX relationships_contact_is ON relationships(account_id, contact_is, id);
CREATE INDEX relationships_of_contact ON relationships(of_contact);
CREATE INDEX relationships_type ON relationships(relationship_type_id);
`;
