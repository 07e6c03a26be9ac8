// Migration 10: Life events (with their global categories and types), pets (with their global categories), places
// (the addresses' locations move into them), and the contact columns of the introduction and avatar calls.
export const version = 10;

/**
 * The life event categories and types every Monica account starts with, by key and English name, in Monica's order:
 * the ids are their positions (categories 1-5, types 1-43), the ones the spec's `LifeEventTypeId` lists.
 */
export const LIFE_EVENT_CATEGORIES: ReadonlyArray<{ key: string; name: string; types: ReadonlyArray<readonly [key: string, name: string]> }> = [
  {
    key: 'work_education',
    name: 'Work & education',
    types: [
      ['new_job', 'New job'],
      ['retirement', 'Retirement'],
      ['new_school', 'New school'],
      ['study_abroad', 'Study abroad'],
      ['volunteer_work', 'Volunteer work'],
      ['published_book_or_paper', 'Published a book or paper'],
      ['military_service', 'Military service'],
    ],
  },
  {
    key: 'family_relationships',
    name: 'Family & relationships',
    types: [
      ['new_relationship', 'New relationship'],
      ['engagement', 'Engagement'],
      ['marriage', 'Marriage'],
      ['anniversary', 'Anniversary'],
      ['expecting_a_baby', 'Expecting a baby'],
      ['new_child', 'New child'],
      ['new_family_member', 'New family member'],
      ['new_pet', 'New pet'],
      ['end_of_relationship', 'End of relationship'],
      ['loss_of_a_loved_one', 'Loss of a loved one'],
    ],
  },
  {
    key: 'home_living',
    name: 'Home & living',
    types: [
      ['moved', 'Moved'],
      ['bought_a_home', 'Bought a home'],
      ['home_improvement', 'Home improvement'],
      ['holidays', 'Holidays'],
      ['new_vehicle', 'New vehicle'],
      ['new_roommate', 'New roommate'],
    ],
  },
  {
    key: 'health_wellness',
    name: 'Health & wellness',
    types: [
      ['overcame_an_illness', 'Overcame an illness'],
      ['quit_a_habit', 'Quit a habit'],
      ['new_eating_habits', 'New eating habits'],
      ['weight_loss', 'Weight loss'],
      ['wear_glass_or_contact', 'Wear glass or contact'],
      ['broken_bone', 'Broken bone'],
      ['removed_braces', 'Removed braces'],
      ['surgery', 'Surgery'],
      ['dentist', 'Dentist'],
    ],
  },
  {
    key: 'travel_experiences',
    name: 'Travel & experiences',
    types: [
      ['new_sport', 'New sport'],
      ['new_hobby', 'New hobby'],
      ['new_instrument', 'New instrument'],
      ['new_language', 'New language'],
      ['tattoo_or_piercing', 'Tattoo or piercing'],
      ['new_license', 'New license'],
      ['travel', 'Travel'],
      ['achievement_or_award', 'Achievement or award'],
      ['changed_beliefs', 'Changed beliefs'],
      ['first_word', 'First word'],
      ['first_kiss', 'First kiss'],
    ],
  },
];

/** Monica's pet categories, in its id order; cats, dogs and fish are the common ones. */
export const PET_CATEGORIES: ReadonlyArray<readonly [name: string, isCommon: boolean]> = [
  ['reptile', false],
  ['bird', false],
  ['cat', true],
  ['dog', true],
  ['fish', true],
  ['hamster', false],
  ['horse', false],
  ['rabbit', false],
  ['rat', false],
  ['small_animal', false],
  ['other', false],
];

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
/** A fixed uuid per row, the same on every instance: its last group is the id, after `c` for a category. */
const fixedUuid = (id: number, category = false) =>
  `8e1f6a52-4c3b-4d2a-9f7e-${category ? `00000000c${String(id).padStart(3, '0')}` : String(id).padStart(12, '0')}`;

const categoryRows = LIFE_EVENT_CATEGORIES.map((c, i) => `  (${i + 1}, ${quote(fixedUuid(i + 1, true))}, ${quote(c.key)}, ${quote(c.name)})`).join(',\n');
const typeRows = LIFE_EVENT_CATEGORIES.flatMap((c, i) => c.types.map(([key, name]) => ({ category: i + 1, key, name })))
  .map((t, i) => `  (${i + 1}, ${quote(fixedUuid(i + 1))}, ${t.category}, ${quote(t.key)}, ${quote(t.name)})`)
  .join(',\n');
const petCategoryRows = PET_CATEGORIES.map(([name, common], i) => `  (${i + 1}, ${quote(name)}, ${common ? 1 : 0})`).join(',\n');

export const sql = `
-- Life event categories and types, and pet categories: global reference data with fixed ids, the same for every
-- account (Monica copies the first two into each account; the API has no call that changes them).
CREATE TABLE life_event_categories (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL,
  default_key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL
);
INSERT INTO life_event_categories (id, uuid, default_key, name) VALUES
${categoryRows};

CREATE TABLE life_event_types (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL,
  life_event_category_id INTEGER NOT NULL REFERENCES life_event_categories(id),
  default_key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL
);
INSERT INTO life_event_types (id, uuid, life_event_category_id, default_key, name) VALUES
${typeRows};

CREATE TABLE pet_categories (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  is_common INTEGER NOT NULL CHECK (is_common IN (0, 1))
);
INSERT INTO pet_categories (id, name, is_common) VALUES
${petCategoryRows};

-- Pets of contacts.
CREATE TABLE pets (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  uuid TEXT,
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  pet_category_id INTEGER NOT NULL REFERENCES pet_categories(id),
  name TEXT,
  created_at TEXT,
  updated_at TEXT
);
CREATE INDEX pets_account_created ON pets(account_id, created_at, id);
CREATE INDEX pets_account_updated ON pets(account_id, updated_at, id);
CREATE INDEX pets_contact_created ON pets(contact_id, created_at, id);

-- Life events; happened_at is a date (YYYY-MM-DD). The yearly reminder an event added (reminder_id) goes with it.
CREATE TABLE life_events (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  uuid TEXT,
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  life_event_type_id INTEGER NOT NULL REFERENCES life_event_types(id),
  reminder_id INTEGER REFERENCES reminders(id) ON DELETE SET NULL,
  name TEXT,
  note TEXT,
  happened_at TEXT NOT NULL,
  happened_at_month_unknown INTEGER NOT NULL DEFAULT 0 CHECK (happened_at_month_unknown IN (0, 1)),
  happened_at_day_unknown INTEGER NOT NULL DEFAULT 0 CHECK (happened_at_day_unknown IN (0, 1)),
  created_at TEXT,
  updated_at TEXT
);
CREATE INDEX life_events_account_created ON life_events(account_id, created_at, id);
CREATE INDEX life_events_account_updated ON life_events(account_id, updated_at, id);
CREATE INDEX life_events_contact_created ON life_events(contact_id, created_at, id);
CREATE INDEX life_events_reminder ON life_events(reminder_id);
CREATE TRIGGER life_events_reminder_goes_too AFTER DELETE ON life_events WHEN OLD.reminder_id IS NOT NULL BEGIN
  DELETE FROM reminders WHERE account_id = OLD.account_id AND id = OLD.reminder_id;
END;

-- Places: locations of the account. Each address keeps its location in a place of its own (as in Monica), made,
-- changed and deleted with it; places created through the API belong to no address. The existing addresses'
-- locations move into places with the same ids.
CREATE TABLE places (
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  street TEXT,
  city TEXT,
  province TEXT,
  postal_code TEXT,
  country TEXT,
  latitude REAL,
  longitude REAL,
  created_at TEXT,
  updated_at TEXT
);
CREATE INDEX places_account_created ON places(account_id, created_at, id);
CREATE INDEX places_account_updated ON places(account_id, updated_at, id);
INSERT INTO places (id, account_id, street, city, province, postal_code, country, latitude, longitude, created_at, updated_at)
  SELECT id, account_id, street, city, province, postal_code, country, latitude, longitude, created_at, updated_at FROM addresses;
-- Deleting a place deletes the address it is the location of; deleting an address deletes its place.
ALTER TABLE addresses ADD COLUMN place_id INTEGER REFERENCES places(id) ON DELETE CASCADE;
UPDATE addresses SET place_id = id;
ALTER TABLE addresses DROP COLUMN street;
ALTER TABLE addresses DROP COLUMN city;
ALTER TABLE addresses DROP COLUMN province;
ALTER TABLE addresses DROP COLUMN postal_code;
ALTER TABLE addresses DROP COLUMN country;
ALTER TABLE addresses DROP COLUMN latitude;
ALTER TABLE addresses DROP COLUMN longitude;
CREATE INDEX addresses_place ON addresses(place_id);
CREATE INDEX addresses_account_created ON addresses(account_id, created_at, id);
CREATE INDEX addresses_account_updated ON addresses(account_id, updated_at, id);
-- An address as the API shows it: its own columns and its place's.
CREATE VIEW address_rows AS
  SELECT a.id, a.account_id, a.uuid, a.contact_id, a.place_id, a.name, p.street, p.city, p.province, p.postal_code, p.country,
         p.latitude, p.longitude, a.created_at, a.updated_at
    FROM addresses a JOIN places p ON p.id = a.place_id AND p.account_id = a.account_id;
CREATE TRIGGER addresses_place_goes_too AFTER DELETE ON addresses WHEN OLD.place_id IS NOT NULL BEGIN
  DELETE FROM places WHERE account_id = OLD.account_id AND id = OLD.place_id;
END;

-- How the user met a contact: where, and the yearly reminder the introduction call added. The photo shown as the
-- contact's avatar; when that photo is deleted the avatar goes back to the initials.
ALTER TABLE contacts ADD COLUMN first_met_where TEXT;
ALTER TABLE contacts ADD COLUMN first_met_reminder_id INTEGER REFERENCES reminders(id) ON DELETE SET NULL;
ALTER TABLE contacts ADD COLUMN avatar_photo_id INTEGER REFERENCES photos(id) ON DELETE SET NULL;
CREATE INDEX contacts_first_met_reminder ON contacts(first_met_reminder_id);
CREATE INDEX contacts_avatar_photo ON contacts(avatar_photo_id);
CREATE TRIGGER photos_avatar_reset BEFORE DELETE ON photos BEGIN
  UPDATE contacts SET avatar_source = 'default', avatar_url = NULL WHERE account_id = OLD.account_id AND avatar_photo_id = OLD.id;
END;
`;
