// Migration 8: Compliance terms and signatures, the user's profile columns, groups.
export const version = 8;

// A random version-4 UUID in SQL, for users created by code that does not set one.
const SQL_UUID = `lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2)
    || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))`;

export const sql = `
-- Terms of use with their privacy policy: global reference data, one row per version, the same for every account.
CREATE TABLE terms (
  id INTEGER PRIMARY KEY,
  term_version TEXT NOT NULL,
  term_content TEXT NOT NULL,
  privacy_version TEXT NOT NULL,
  privacy_content TEXT NOT NULL,
  created_at TEXT,
  updated_at TEXT
);

INSERT INTO terms (id, term_version, term_content, privacy_version, privacy_content, created_at, updated_at) VALUES
(1, '2',
 'Monica works in the current versions of the common browsers. You may register under any name; an email address is only needed for reminders and for the paid plan. You can close your account and export your data whenever you like, and nothing you store is shown to other users. Do not store anything illegal, do not attack the service or its users, and keep your credentials safe.',
 '2',
 'Monica is open source, and the hosted version charges a subscription only to pay for its servers. We keep your name, your email address and a hashed password, and one cookie keeps you signed in. There are no ads, no trackers and no sale of data: what you write about your contacts belongs to you alone.',
 '2018-04-12T00:00:00Z', NULL),
(2, '3',
 'This version replaces version 2 from May 25, 2018. The service stays as it was: you decide what you store, you may leave at any time with a full export of your data, and accounts that abuse the service or the law may be closed. Using Monica after that date means you accept these terms.',
 '3',
 'This policy lists your rights under the European data protection rules. You can read, correct, export and erase everything we hold about you, and we answer any request about your data within a month. We tell you of any breach that concerns you, and we never share your data with anyone unless the law requires it.',
 '2018-05-18T00:00:00Z', NULL);

-- Which user signed which version of the terms, when (created_at) and from where.
CREATE TABLE term_user (
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  term_id INTEGER NOT NULL REFERENCES terms(id) ON DELETE CASCADE,
  ip_address TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT,
  PRIMARY KEY (user_id, term_id)
);
CREATE INDEX term_user_account_user ON term_user(account_id, user_id, created_at);
CREATE INDEX term_user_term ON term_user(term_id);

-- The user's profile: a uuid, preferences, and the contact that stands for the user ("me").
ALTER TABLE users ADD COLUMN uuid TEXT;
ALTER TABLE users ADD COLUMN locale TEXT NOT NULL DEFAULT 'en';
ALTER TABLE users ADD COLUMN timezone TEXT DEFAULT 'UTC';
ALTER TABLE users ADD COLUMN me_contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL;
ALTER TABLE users ADD COLUMN updated_at TEXT;
UPDATE users SET uuid = ${SQL_UUID} WHERE uuid IS NULL;
UPDATE users SET updated_at = created_at WHERE updated_at IS NULL;
CREATE INDEX users_me_contact ON users(me_contact_id);
CREATE TRIGGER users_profile_defaults AFTER INSERT ON users
  WHEN NEW.uuid IS NULL OR NEW.updated_at IS NULL
BEGIN
  UPDATE users SET uuid = COALESCE(uuid, ${SQL_UUID}), updated_at = COALESCE(updated_at, created_at) WHERE id = NEW.id;
END;

-- Named groups of real contacts ("groups" is an SQL keyword, hence the longer name).
CREATE TABLE contact_groups (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  created_at TEXT,
  updated_at TEXT
);
CREATE INDEX contact_groups_account_created ON contact_groups(account_id, created_at, id);

CREATE TABLE contact_group (
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  group_id INTEGER NOT NULL REFERENCES contact_groups(id) ON DELETE CASCADE,
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  created_at TEXT,
  PRIMARY KEY (group_id, contact_id)
);
CREATE INDEX contact_group_contact ON contact_group(contact_id);
`;
