// Migration 4: Calls, conversations and messages.
export const version = 4;

export const sql = `
-- Phone calls with a contact. called_at is a calendar date (YYYY-MM-DD).
CREATE TABLE calls (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  uuid TEXT,
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  called_at TEXT NOT NULL,
  content TEXT,
  contact_called INTEGER NOT NULL DEFAULT 0 CHECK (contact_called IN (0, 1)),
  created_at TEXT,
  updated_at TEXT
);
CREATE INDEX calls_account_created ON calls(account_id, created_at, id);
CREATE INDEX calls_account_updated ON calls(account_id, updated_at, id);
CREATE INDEX calls_account_called ON calls(account_id, called_at, id);
CREATE INDEX calls_contact_created ON calls(contact_id, created_at, id);
CREATE INDEX calls_contact_called ON calls(contact_id, called_at, id);

-- The emotions attached to a call (emotions are global, see migration 2); listed in the order they were attached.
CREATE TABLE call_emotion (
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  call_id INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
  emotion_id INTEGER NOT NULL REFERENCES emotions(id) ON DELETE CASCADE,
  created_at TEXT,
  PRIMARY KEY (call_id, emotion_id)
);
CREATE INDEX call_emotion_emotion ON call_emotion(emotion_id);

-- Conversations with a contact on one channel (a contact field type of the account). happened_at is a date.
CREATE TABLE conversations (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  uuid TEXT,
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  contact_field_type_id INTEGER NOT NULL REFERENCES contact_field_types(id) ON DELETE CASCADE,
  happened_at TEXT NOT NULL,
  created_at TEXT,
  updated_at TEXT
);
CREATE INDEX conversations_account_created ON conversations(account_id, created_at, id);
CREATE INDEX conversations_account_updated ON conversations(account_id, updated_at, id);
CREATE INDEX conversations_contact_created ON conversations(contact_id, created_at, id);
CREATE INDEX conversations_field_type ON conversations(contact_field_type_id);

-- Messages of a conversation; contact_id is always the conversation's contact. written_at is a date.
CREATE TABLE messages (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  uuid TEXT,
  conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  written_at TEXT NOT NULL,
  written_by_me INTEGER NOT NULL DEFAULT 0 CHECK (written_by_me IN (0, 1)),
  content TEXT NOT NULL,
  created_at TEXT,
  updated_at TEXT
);
CREATE INDEX messages_conversation ON messages(conversation_id, written_at, id);
CREATE INDEX messages_contact ON messages(contact_id);
`;
