/**
 * Schema migrations, applied in order by `openDatabase`. Each entry runs once,
 * inside a transaction, and the database's `PRAGMA user_version` records the
 * highest version applied. Never edit a released migration: append a new one.
 *
 * Conventions:
 * - every table holding user data has `account_id` referencing `accounts`
 *   with ON DELETE CASCADE, and every query filters on it;
 * - timestamps are TEXT in the API format `YYYY-MM-DDTHH:MM:SSZ` (UTC);
 * - calendar dates are TEXT `YYYY-MM-DD`;
 * - booleans are INTEGER 0/1.
 */

import * as m002 from './migrations/002_activities_activity_types_categories_emotions.js';
import * as m003 from './migrations/003_addresses_countries_currencies_labels.js';
import * as m004 from './migrations/004_calls_conversations_messages.js';
import * as m005 from './migrations/005_debts_gifts_photos_documents.js';
import * as m006 from './migrations/006_reminders_tasks_journal_entries.js';
import * as m007 from './migrations/007_companies_occupations_relationship_types_relationships.js';
import * as m008 from './migrations/008_compliance_groups_user_profile.js';
import * as m009 from './migrations/009_contactSearch.js';
import * as m010 from './migrations/010_lifeEvents_pets_places.js';

export interface Migration {
  version: number;
  sql: string;
}

const initialSchema = `
CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  first_name TEXT NOT NULL,
  last_name TEXT,
  email TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX users_account ON users(account_id);

CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);
CREATE INDEX api_tokens_account ON api_tokens(account_id);
CREATE INDEX api_tokens_user ON api_tokens(user_id);

CREATE TABLE genders (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  type TEXT CHECK (type IN ('M', 'F', 'O', 'U', 'N')),
  created_at TEXT,
  updated_at TEXT
);
CREATE INDEX genders_account ON genders(account_id, id);

CREATE TABLE contact_field_types (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  uuid TEXT,
  name TEXT NOT NULL,
  fontawesome_icon TEXT,
  protocol TEXT,
  delible INTEGER NOT NULL DEFAULT 1 CHECK (delible IN (0, 1)),
  type TEXT,
  created_at TEXT,
  updated_at TEXT
);
CREATE INDEX contact_field_types_account ON contact_field_types(account_id, id);

CREATE TABLE contacts (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  uuid TEXT,
  first_name TEXT NOT NULL,
  middle_name TEXT,
  last_name TEXT,
  nickname TEXT,
  description TEXT,
  gender_id INTEGER REFERENCES genders(id) ON DELETE SET NULL,
  is_partial INTEGER NOT NULL DEFAULT 0 CHECK (is_partial IN (0, 1)),
  is_starred INTEGER NOT NULL DEFAULT 0 CHECK (is_starred IN (0, 1)),
  is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
  is_dead INTEGER NOT NULL DEFAULT 0 CHECK (is_dead IN (0, 1)),
  is_me INTEGER NOT NULL DEFAULT 0 CHECK (is_me IN (0, 1)),
  birthdate TEXT,
  birthdate_is_age_based INTEGER,
  birthdate_is_year_unknown INTEGER,
  deceased_date TEXT,
  deceased_is_age_based INTEGER,
  deceased_is_year_unknown INTEGER,
  first_met_date TEXT,
  first_met_is_age_based INTEGER,
  first_met_is_year_unknown INTEGER,
  first_met_general_information TEXT,
  first_met_through_contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
  job TEXT,
  company TEXT,
  food_preferences TEXT,
  stay_in_touch_frequency INTEGER,
  stay_in_touch_trigger_date TEXT,
  last_talked_to TEXT,
  last_activity_together TEXT,
  avatar_source TEXT NOT NULL DEFAULT 'default',
  avatar_url TEXT,
  default_avatar_color TEXT NOT NULL DEFAULT '#b3d5fe',
  created_at TEXT,
  updated_at TEXT
);
CREATE INDEX contacts_list_created ON contacts(account_id, is_partial, created_at, id);
CREATE INDEX contacts_list_updated ON contacts(account_id, is_partial, updated_at, id);
CREATE INDEX contacts_gender ON contacts(gender_id);
CREATE INDEX contacts_first_met_through ON contacts(first_met_through_contact_id);

CREATE TABLE contact_fields (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  uuid TEXT,
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  contact_field_type_id INTEGER NOT NULL REFERENCES contact_field_types(id) ON DELETE CASCADE,
  data TEXT NOT NULL,
  created_at TEXT,
  updated_at TEXT
);
CREATE INDEX contact_fields_type_data ON contact_fields(account_id, contact_field_type_id, data COLLATE NOCASE);
CREATE INDEX contact_fields_contact ON contact_fields(contact_id);

CREATE TABLE tags (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  name_slug TEXT NOT NULL,
  created_at TEXT,
  updated_at TEXT
);
CREATE INDEX tags_account_name ON tags(account_id, name);

CREATE TABLE contact_tag (
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  created_at TEXT,
  PRIMARY KEY (contact_id, tag_id)
);
CREATE INDEX contact_tag_tag ON contact_tag(tag_id);

CREATE TABLE notes (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  uuid TEXT,
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  body TEXT NOT NULL,
  is_favorited INTEGER NOT NULL DEFAULT 0 CHECK (is_favorited IN (0, 1)),
  favorited_at TEXT,
  created_at TEXT,
  updated_at TEXT
);
CREATE INDEX notes_account_created ON notes(account_id, created_at, id);
CREATE INDEX notes_contact_created ON notes(contact_id, created_at, id);

CREATE TABLE audit_logs (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  author_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  author_name TEXT,
  about_contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
  action TEXT NOT NULL,
  objects TEXT NOT NULL DEFAULT '{}',
  audited_at TEXT NOT NULL,
  created_at TEXT,
  updated_at TEXT
);
CREATE INDEX audit_logs_contact ON audit_logs(about_contact_id, audited_at);
CREATE INDEX audit_logs_account ON audit_logs(account_id, audited_at, id);
CREATE INDEX audit_logs_author ON audit_logs(author_id);
`;

export const migrations: readonly Migration[] = [
  { version: 1, sql: initialSchema },
  m002,
  m003,
  m004,
  m005,
  m006,
  m007,
  m008,
  m009,
  m010,
];
