// Migration 5: Debts, gifts, photos and documents.
export const version = 5;

export const sql = `
-- Money the user owes a contact (in_debt = 'yes') or a contact owes the user ('no').
-- amount is kept in hundredths (cents) so that sums and comparisons are exact; currency_id is the user's
-- currency when the amount was recorded (NULL: shown in the viewing user's currency, US dollars if none).
CREATE TABLE debts (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  uuid TEXT,
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  in_debt TEXT NOT NULL CHECK (in_debt IN ('yes', 'no')),
  status TEXT NOT NULL CHECK (status IN ('inprogress', 'completed')),
  amount INTEGER,
  currency_id INTEGER REFERENCES currencies(id) ON DELETE SET NULL,
  reason TEXT,
  created_at TEXT,
  updated_at TEXT
);
CREATE INDEX debts_account_created ON debts(account_id, created_at, id);
CREATE INDEX debts_account_updated ON debts(account_id, updated_at, id);
CREATE INDEX debts_contact_created ON debts(contact_id, created_at, id);

-- Gift ideas and gifts given or received; recipient_id is the contact the gift is meant for, if not contact_id.
CREATE TABLE gifts (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  uuid TEXT,
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  recipient_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
  name TEXT NOT NULL,
  comment TEXT,
  url TEXT,
  amount INTEGER,
  currency_id INTEGER REFERENCES currencies(id) ON DELETE SET NULL,
  status TEXT NOT NULL CHECK (status IN ('idea', 'offered', 'received')),
  date TEXT,
  created_at TEXT,
  updated_at TEXT
);
CREATE INDEX gifts_account_created ON gifts(account_id, created_at, id);
CREATE INDEX gifts_account_updated ON gifts(account_id, updated_at, id);
CREATE INDEX gifts_contact_created ON gifts(contact_id, created_at, id);
CREATE INDEX gifts_recipient ON gifts(recipient_id);

-- Uploaded images. new_filename is the file's path under the server's files directory (never a client's name).
CREATE TABLE photos (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  uuid TEXT,
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  original_filename TEXT NOT NULL,
  new_filename TEXT NOT NULL UNIQUE,
  filesize INTEGER,
  mime_type TEXT,
  created_at TEXT,
  updated_at TEXT
);
CREATE INDEX photos_account_created ON photos(account_id, created_at, id);
CREATE INDEX photos_account_updated ON photos(account_id, updated_at, id);
CREATE INDEX photos_contact_created ON photos(contact_id, created_at, id);

-- Photos shown on gifts. Deleting either side removes the link only.
CREATE TABLE gift_photo (
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  gift_id INTEGER NOT NULL REFERENCES gifts(id) ON DELETE CASCADE,
  photo_id INTEGER NOT NULL REFERENCES photos(id) ON DELETE CASCADE,
  created_at TEXT,
  PRIMARY KEY (gift_id, photo_id)
);
CREATE INDEX gift_photo_photo ON gift_photo(photo_id);

-- Uploaded files of any kind.
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  uuid TEXT,
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  original_filename TEXT NOT NULL,
  new_filename TEXT NOT NULL UNIQUE,
  filesize INTEGER,
  type TEXT,
  mime_type TEXT,
  number_of_downloads INTEGER NOT NULL DEFAULT 0,
  created_at TEXT,
  updated_at TEXT
);
CREATE INDEX documents_account_created ON documents(account_id, created_at, id);
CREATE INDEX documents_account_updated ON documents(account_id, updated_at, id);
CREATE INDEX documents_contact_created ON documents(contact_id, created_at, id);
`;
