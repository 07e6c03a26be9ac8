// Migration 6: Reminders, tasks and journal entries.
export const version = 6;

export const sql = `
-- Reminders about a contact: once on initial_date, or every frequency_number weeks/months/years from it.
CREATE TABLE reminders (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  uuid TEXT,
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  description TEXT,
  frequency_type TEXT NOT NULL CHECK (frequency_type IN ('one_time', 'week', 'month', 'year')),
  frequency_number INTEGER,
  initial_date TEXT NOT NULL,
  delible INTEGER NOT NULL DEFAULT 1 CHECK (delible IN (0, 1)),
  created_at TEXT,
  updated_at TEXT
);
CREATE INDEX reminders_account_created ON reminders(account_id, created_at, id);
CREATE INDEX reminders_account_updated ON reminders(account_id, updated_at, id);
CREATE INDEX reminders_contact_created ON reminders(contact_id, created_at, id);

-- Tasks: about one contact, or about no one (contact_id NULL). completed_at is set while completed = 1.
CREATE TABLE tasks (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  uuid TEXT,
  contact_id INTEGER REFERENCES contacts(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  description TEXT,
  completed INTEGER NOT NULL DEFAULT 0 CHECK (completed IN (0, 1)),
  completed_at TEXT,
  created_at TEXT,
  updated_at TEXT,
  CHECK ((completed = 1) = (completed_at IS NOT NULL))
);
CREATE INDEX tasks_account_created ON tasks(account_id, created_at, id);
CREATE INDEX tasks_account_updated ON tasks(account_id, updated_at, id);
CREATE INDEX tasks_account_completed ON tasks(account_id, completed_at, id);
CREATE INDEX tasks_contact_created ON tasks(contact_id, created_at, id);

-- The account's journal: entries tied to no contact. date is the moment the entry is filed under (its creation).
CREATE TABLE journal_entries (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  uuid TEXT,
  title TEXT,
  post TEXT NOT NULL,
  date TEXT NOT NULL,
  created_at TEXT,
  updated_at TEXT
);
CREATE INDEX journal_entries_account_created ON journal_entries(account_id, created_at, id);
CREATE INDEX journal_entries_account_updated ON journal_entries(account_id, updated_at, id);
`;
