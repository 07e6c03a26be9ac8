// Migration 2: Activities, activity types and activity type categories; the emotions shared with calls.
export const version = 2;

export const sql = `
-- Emotions are global reference data, the same for every account (activities and calls refer to them).
CREATE TABLE emotions (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);
INSERT INTO emotions (id, name) VALUES
  (1, 'adoration'), (2, 'affection'), (3, 'amusement'), (4, 'anger'), (5, 'anxiety'), (6, 'boredom'),
  (7, 'calm'), (8, 'confusion'), (9, 'contentment'), (10, 'disappointment'), (11, 'embarrassment'),
  (12, 'excitement'), (13, 'gratitude'), (14, 'happiness'), (15, 'hope'), (16, 'joy'), (17, 'love'),
  (18, 'nostalgia'), (19, 'pride'), (20, 'relief'), (21, 'sadness'), (22, 'surprise'), (23, 'sympathy'),
  (24, 'worry');

-- Activity type categories and activity types: per account. The built-in ones (seeded for every new account)
-- have no name of their own but a translation key; the presenter translates it.
CREATE TABLE activity_type_categories (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  uuid TEXT,
  name TEXT,
  translation_key TEXT,
  created_at TEXT,
  updated_at TEXT
);
CREATE INDEX activity_type_categories_created ON activity_type_categories(account_id, created_at, id);
CREATE INDEX activity_type_categories_updated ON activity_type_categories(account_id, updated_at, id);

-- Deleting a category deletes its types (and, through them, clears the type of their activities).
CREATE TABLE activity_types (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  uuid TEXT,
  activity_type_category_id INTEGER NOT NULL REFERENCES activity_type_categories(id) ON DELETE CASCADE,
  name TEXT,
  translation_key TEXT,
  location_type TEXT,
  created_at TEXT,
  updated_at TEXT
);
CREATE INDEX activity_types_created ON activity_types(account_id, created_at, id);
CREATE INDEX activity_types_updated ON activity_types(account_id, updated_at, id);
CREATE INDEX activity_types_category ON activity_types(activity_type_category_id);

-- Activities; happened_at is a date (YYYY-MM-DD). Deleting a type keeps its activities, without a type.
CREATE TABLE activities (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  uuid TEXT,
  activity_type_id INTEGER REFERENCES activity_types(id) ON DELETE SET NULL,
  summary TEXT NOT NULL,
  description TEXT,
  happened_at TEXT NOT NULL,
  created_at TEXT,
  updated_at TEXT
);
CREATE INDEX activities_created ON activities(account_id, created_at, id);
CREATE INDEX activities_updated ON activities(account_id, updated_at, id);
CREATE INDEX activities_happened ON activities(account_id, happened_at);
CREATE INDEX activities_type ON activities(activity_type_id);

-- Attendees: many contacts per activity, many activities per contact.
CREATE TABLE activity_contact (
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  activity_id INTEGER NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  PRIMARY KEY (activity_id, contact_id)
);
CREATE INDEX activity_contact_contact ON activity_contact(contact_id, activity_id);

-- An activity always has an attendee: when its last one goes (a deleted contact), the activity goes too,
-- as in Monica. Writes that replace attendees insert the new links before removing the old ones.
CREATE TRIGGER activity_contact_last_attendee AFTER DELETE ON activity_contact
WHEN NOT EXISTS (SELECT 1 FROM activity_contact WHERE account_id = OLD.account_id AND activity_id = OLD.activity_id)
BEGIN
  DELETE FROM activities WHERE account_id = OLD.account_id AND id = OLD.activity_id;
END;

CREATE TABLE activity_emotion (
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  activity_id INTEGER NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
  emotion_id INTEGER NOT NULL REFERENCES emotions(id),
  PRIMARY KEY (activity_id, emotion_id)
);
CREATE INDEX activity_emotion_emotion ON activity_emotion(emotion_id);
`;
