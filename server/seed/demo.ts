/**
 * Demo data for the reference server: a demo account (user Jane Doe) and a
 * second account used to check that accounts cannot see each other's data.
 *
 * The optional demo content is generated from a small seeded PRNG, so it is
 * identical on every run relative to the clock's "now".
 */
import type { Actor } from '../store/auditLogs.js';
import { createAccount, firstUser, issueToken, listAccounts, userDisplayName } from '../store/accounts.js';
import { addContactField } from '../store/contactFields.js';
import { listContactFieldTypes } from '../store/contactFieldTypes.js';
import { createContact, updateContactWork, type ContactInput } from '../store/contacts.js';
import { stmt, type Db } from '../store/db.js';
import { listGenders } from '../store/genders.js';
import { createNote } from '../store/notes.js';
import { setTagsByName } from '../store/tags.js';
import { formatTimestamp, type Clock } from '../present/dates.js';
import { seedAccountReferenceData } from './referenceData.js';
import { makeRng, type Rng } from './random.js';
import { addDemoContent, addLaterDemoContent } from './demo/index.js';

export const DEMO_ACCOUNT_NAME = 'Demo account';
export const OTHER_ACCOUNT_NAME = 'Other account';

export interface DemoOptions {
  withDemoContent: boolean;
  clock: Clock;
  /** Where demo photos and documents are written; without it the demo has none. */
  filesDir?: string;
}

export interface DemoResult {
  /** Freshly issued plain tokens (only their hashes are stored). */
  tokens: { demo: string; other: string };
  /** True when the accounts were created by this call. */
  created: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;

// ---------------------------------------------------------------------------
// Demo content

type GenderKey = 'M' | 'F' | 'O' | null;

interface DemoPerson {
  first: string;
  last: string | null;
  gender: GenderKey;
  nickname?: string;
  middle?: string;
  job?: string;
  company?: string;
  description?: string;
  /** [year or 0, month, day] or ['age', n] */
  birth?: [number, number, number] | ['age', number];
  partial?: boolean;
  deceased?: [number, number, number];
  email?: string;
  phone?: string;
  food?: string;
  tags?: string[];
}

const PEOPLE: readonly DemoPerson[] = [
  { first: 'Amelia', last: 'Hartley', gender: 'F', job: 'Pediatric nurse', company: 'St. Mary Hospital', birth: [1988, 4, 12], email: 'amelia.hartley@example.com', tags: ['family'] },
  { first: 'Thomas', last: 'Hartley', gender: 'M', nickname: 'Tom', job: 'Carpenter', birth: [1985, 11, 3], phone: '+44 7700 900123', tags: ['family'] },
  { first: 'Priya', last: 'Raman', gender: 'F', job: 'Data scientist', company: 'Northwind Analytics', birth: [1991, 2, 27], email: 'priya.raman@example.com', tags: ['college', 'work'] },
  { first: 'Lucas', last: 'Moreau', gender: 'M', job: 'Chef', company: 'Le Petit Jardin', food: 'Allergic to peanuts', tags: ['neighbours'] },
  { first: 'Sofia', last: 'Castillo', gender: 'F', nickname: 'Sofi', birth: [0, 7, 19], email: 'sofia.castillo@example.com', tags: ['book club'] },
  { first: 'Kenji', last: 'Watanabe', gender: 'M', job: 'Product designer', company: 'Lumen Labs', tags: ['work'] },
  { first: 'Grace', last: 'Okafor', gender: 'F', job: 'Architect', company: 'Okafor & Lee', birth: ['age', 42], tags: ['college'] },
  { first: 'Daniel', middle: 'James', last: 'Fischer', gender: 'M', job: 'High school teacher', birth: [1979, 9, 8], email: 'dan.fischer@example.com', tags: ['running club'] },
  { first: 'Chloe', last: 'Bennett', gender: 'F', description: 'Met at the climbing gym', tags: ['climbing'] },
  { first: 'Mateo', last: 'Rossi', gender: 'M', job: 'Sommelier', company: 'Enoteca Rossi', food: 'Vegetarian', tags: ['neighbours'] },
  { first: 'Hannah', last: 'Schmidt', gender: 'F', job: 'Veterinarian', birth: [1993, 5, 30], tags: ['book club'] },
  { first: 'Oliver', last: 'Grant', gender: 'M', nickname: 'Ollie', job: 'Software engineer', company: 'Brightwave', email: 'ollie@example.com', tags: ['work', 'college'] },
  { first: 'Aisha', last: 'Khan', gender: 'F', job: 'Journalist', company: 'The Morning Ledger', tags: ['book club'] },
  { first: 'Samuel', last: 'Adeyemi', gender: 'M', job: 'Physiotherapist', birth: [1987, 1, 14], tags: ['running club'] },
  { first: 'Emma', last: 'Lindqvist', gender: 'F', description: 'Cousin on mum\'s side', birth: [1996, 12, 24], tags: ['family'] },
  { first: 'Noah', last: 'Lindqvist', gender: 'M', description: 'Emma\'s younger brother', birth: [1999, 6, 2], tags: ['family'] },
  { first: 'Isabella', last: 'Conti', gender: 'F', job: 'Translator', tags: ['travel'] },
  { first: 'Ethan', last: 'Brooks', gender: 'M', job: 'Firefighter', phone: '+1 555 0134', tags: ['climbing'] },
  { first: 'Mia', last: 'Novak', gender: 'F', job: 'Illustrator', company: 'Freelance', birth: [0, 3, 3], tags: ['book club'] },
  { first: 'Leo', last: 'Martins', gender: 'M', job: 'Barista', company: 'Corner Coffee', tags: ['neighbours'] },
  { first: 'Zara', last: 'Ahmed', gender: 'F', job: 'Civil engineer', company: 'Meridian Works', email: 'zara.ahmed@example.com', tags: ['work'] },
  { first: 'Benjamin', last: 'Clarke', gender: 'M', nickname: 'Ben', job: 'Accountant', birth: [1982, 10, 17], tags: ['college'] },
  { first: 'Yuki', last: 'Tanaka', gender: 'O', job: 'Musician', description: 'Plays cello in the city orchestra', tags: ['music'] },
  { first: 'Lily', last: 'Dubois', gender: 'F', job: 'Pharmacist', tags: ['neighbours'] },
  { first: 'Gabriel', last: 'Silva', gender: 'M', job: 'Photographer', tags: ['travel'] },
  { first: 'Nora', last: 'Walsh', gender: 'F', job: 'Librarian', company: 'City Library', tags: ['book club'] },
  { first: 'Arjun', last: 'Mehta', gender: 'M', job: 'Startup founder', company: 'Tidewater', tags: ['work', 'mentors'] },
  { first: 'Elena', last: 'Popescu', gender: 'F', job: 'Dentist', birth: ['age', 35], tags: ['gym'] },
  { first: 'Jack', last: 'Murphy', gender: 'M', job: 'Electrician', tags: ['gym'] },
  { first: 'Fatima', last: 'Haddad', gender: 'F', job: 'Professor of linguistics', company: 'State University', tags: ['mentors'] },
  { first: 'Henry', last: 'Whitfield', gender: 'M', description: 'Grandpa\'s best friend from the navy', deceased: [2021, 8, 15], birth: [1938, 2, 9], tags: ['family'] },
  { first: 'Ava', last: 'Johansson', gender: 'F', job: 'UX researcher', company: 'Brightwave', tags: ['work'] },
  { first: 'Ryan', last: 'O\'Connor', gender: 'M', job: 'Paramedic', tags: ['running club'] },
  { first: 'Camille', last: 'Laurent', gender: 'F', job: 'Florist', company: 'Petals', food: 'Loves dark chocolate', tags: ['neighbours'] },
  { first: 'Marcus', last: 'Reed', gender: 'M', job: 'Personal trainer', tags: ['gym', 'climbing'] },
  { first: 'Ingrid', last: 'Berg', gender: 'F', job: 'Marine biologist', tags: ['travel'] },
  { first: 'Bob', last: null, gender: 'M', partial: true, description: 'Amelia\'s colleague' },
  { first: 'Uncle Ray', last: null, gender: 'M', partial: true },
  { first: 'Mrs.', last: 'Peterson', gender: 'F', partial: true, description: 'Piano teacher' },
  { first: 'Sam', last: null, gender: null, partial: true },
];

const NOTE_TEMPLATES: readonly string[] = [
  'Had coffee together; {first} is thinking about changing jobs.',
  'Recommended the book "The Remains of the Day".',
  'Birthday dinner at the Italian place downtown. Remember: no mushrooms.',
  '{first} just got back from a trip to Lisbon and loved it.',
  'Lent {first} my camping stove. Ask for it back before summer.',
  'Talked about running a half marathon next spring.',
  '{first} adopted a rescue dog called Pepper.',
  'Moved to a new flat near the river.',
  'Call {first} about the reunion planning.',
  'Helped with the garden on Saturday; brought homemade lemonade.',
  'Met {first}\'s partner for the first time. Very kind.',
  '{first} is learning Spanish and practising on Thursdays.',
  'Sent a card after the surgery. Recovering well.',
  'Watched the football final together at the pub.',
  '{first} recommended a great dentist.',
  'Planning a weekend hike in the mountains in September.',
  'Started a new position; very excited about the team.',
  'Shared a great recipe for banana bread.',
  'Kids are starting school next month.',
  'Talked for hours about old college stories.',
];

const TAG_NAMES: readonly string[] = [
  'family', 'college', 'work', 'book club', 'neighbours', 'running club',
  'climbing', 'travel', 'music', 'mentors', 'gym', 'close friends',
];

interface AccountHandles {
  accountId: number;
  actor: Actor;
}

function genderIds(db: Db, accountId: number): Map<string, number> {
  const map = new Map<string, number>();
  for (const g of listGenders(db, accountId)) if (g.type) map.set(g.type, g.id);
  return map;
}

function personInput(person: DemoPerson, genders: Map<string, number>, uuid: string): ContactInput {
  const input: ContactInput = {
    uuid,
    first_name: person.first,
    middle_name: person.middle ?? null,
    last_name: person.last,
    nickname: person.nickname ?? null,
    description: person.description ?? null,
    gender_id: person.gender ? (genders.get(person.gender) ?? null) : null,
    is_partial: person.partial === true,
    is_birthdate_known: person.birth !== undefined,
    is_deceased: person.deceased !== undefined,
    is_deceased_date_known: person.deceased !== undefined,
    email: person.email ?? null,
  };
  if (person.birth && person.birth[0] === 'age') {
    input.birthdate_is_age_based = true;
    input.birthdate_age = person.birth[1];
  } else if (person.birth) {
    const [year, month, day] = person.birth;
    input.birthdate_is_age_based = false;
    input.birthdate_year = year;
    input.birthdate_month = month;
    input.birthdate_day = day;
  }
  if (person.deceased) {
    const [year, month, day] = person.deceased;
    input.deceased_date_year = year;
    input.deceased_date_month = month;
    input.deceased_date_day = day;
  }
  return input;
}

interface SeededContact {
  id: number;
  createdMs: number;
  person: DemoPerson;
}

function seedPeople(
  db: Db,
  handles: AccountHandles,
  people: readonly DemoPerson[],
  rng: Rng,
  nowMs: number,
  spanDays: number,
): SeededContact[] {
  const { accountId, actor } = handles;
  const genders = genderIds(db, accountId);
  const types = new Map(listContactFieldTypes(db, accountId).map((t) => [t.name, t.id]));
  const step = spanDays / Math.max(1, people.length);
  const seeded: SeededContact[] = [];

  people.forEach((person, index) => {
    // Oldest first, with some jitter, all within the span and before "now".
    const daysAgo = spanDays - index * step - rng.next() * step * 0.8;
    const createdMs = nowMs - Math.max(1, daysAgo) * DAY_MS - rng.int(0, 12 * 3600) * 1000;
    const at = formatTimestamp(new Date(createdMs));
    const contact = createContact(db, accountId, personInput(person, genders, rng.uuid()), at, actor);
    if (person.job || person.company) {
      updateContactWork(db, accountId, contact.id, { job: person.job ?? null, company: person.company ?? null }, at, actor);
    }
    if (person.food) {
      stmt(db, 'UPDATE contacts SET food_preferences = ? WHERE account_id = ? AND id = ?').run(
        person.food,
        accountId,
        contact.id,
      );
    }
    if (person.phone && types.has('Phone')) {
      addContactField(db, accountId, contact.id, types.get('Phone')!, person.phone, at);
    }
    seeded.push({ id: contact.id, createdMs, person });
  });
  return seeded;
}

function seedNotes(
  db: Db,
  accountId: number,
  contacts: readonly SeededContact[],
  count: number,
  rng: Rng,
  nowMs: number,
): void {
  for (let i = 0; i < count; i += 1) {
    const contact = rng.pick(contacts);
    const span = Math.max(DAY_MS, nowMs - contact.createdMs);
    const createdMs = contact.createdMs + Math.floor(rng.next() * (span - 60_000)) + 60_000;
    const body = rng.pick(NOTE_TEMPLATES).replaceAll('{first}', contact.person.nickname ?? contact.person.first);
    createNote(
      db,
      accountId,
      { contact_id: contact.id, body, is_favorited: rng.chance(0.2) },
      formatTimestamp(new Date(Math.min(createdMs, nowMs))),
    );
  }
}

function seedDemoContent(db: Db, demo: AccountHandles, other: AccountHandles, nowMs: number, filesDir?: string): void {
  const rng = makeRng(20240611);
  const spanDays = 730;
  const contacts = seedPeople(db, demo, PEOPLE, rng, nowMs, spanDays);
  const real = contacts.filter((c) => !c.person.partial);

  // Tags: every named tag exists; the people above carry theirs, and a few
  // are also "close friends".
  const tagTime = formatTimestamp(new Date(nowMs - spanDays * DAY_MS));
  for (const c of contacts) {
    const names = [...(c.person.tags ?? [])];
    if (!c.person.partial && rng.chance(0.15)) names.push('close friends');
    const at = formatTimestamp(new Date(c.createdMs));
    if (names.length > 0) setTagsByName(db, demo.accountId, c.id, names, at);
  }
  for (const name of TAG_NAMES) {
    const exists = stmt<{ id: number }>(db, 'SELECT id FROM tags WHERE account_id = ? AND name = ?').get(
      demo.accountId,
      name,
    );
    if (!exists) setTagsByName(db, demo.accountId, real[0]!.id, [name], tagTime);
  }

  // How-you-met details for a few contacts.
  const howMet = stmt(
    db,
    `UPDATE contacts SET first_met_general_information = ?, first_met_through_contact_id = ?,
            first_met_date = ?, first_met_is_age_based = 0, first_met_is_year_unknown = ?
      WHERE account_id = ? AND id = ?`,
  );
  const byFirst = new Map(contacts.map((c) => [c.person.first, c.id]));
  howMet.run('Introduced at a wedding in Bath', byFirst.get('Amelia') ?? null, '2016-06-18', 0, demo.accountId, byFirst.get('Priya'));
  howMet.run('Same dorm during first year', null, '2009-09-21', 0, demo.accountId, byFirst.get('Benjamin'));
  howMet.run('Sat next to each other at a conference', byFirst.get('Oliver') ?? null, null, null, demo.accountId, byFirst.get('Arjun'));
  stmt(db, 'UPDATE contacts SET is_starred = 1 WHERE account_id = ? AND id IN (?, ?, ?)').run(
    demo.accountId,
    byFirst.get('Amelia') ?? 0,
    byFirst.get('Oliver') ?? 0,
    byFirst.get('Grace') ?? 0,
  );

  seedNotes(db, demo.accountId, real, 60, rng, nowMs);
  const demoAccount = {
    accountId: demo.accountId,
    actor: demo.actor,
    contactIds: real.map((c) => c.id),
    partialContactIds: contacts.filter((c) => c.person.partial).map((c) => c.id),
    nowMs,
    filesDir: filesDir ?? '',
    rng,
  };
  addDemoContent(db, demoAccount);

  // The second account: a little data of its own.
  const otherPeople: DemoPerson[] = [
    { first: 'Victor', last: 'Lang', gender: 'M', job: 'Pilot', email: 'victor.lang@example.org', tags: ['friends'] },
    { first: 'Rosa', last: 'Delgado', gender: 'F', birth: [1990, 8, 1], tags: ['friends'] },
    { first: 'Kim', last: 'Park', gender: 'O' },
  ];
  const otherContacts = seedPeople(db, other, otherPeople, rng, nowMs, 200);
  for (const c of otherContacts) {
    if (c.person.tags) setTagsByName(db, other.accountId, c.id, c.person.tags, formatTimestamp(new Date(c.createdMs)));
  }
  seedNotes(db, other.accountId, otherContacts, 2, rng, nowMs);

  // Last, so that everything above draws the numbers it always drew.
  addLaterDemoContent(db, demoAccount);
}

// ---------------------------------------------------------------------------

function accountHandles(db: Db, accountId: number): AccountHandles {
  const user = firstUser(db, accountId);
  if (!user) throw new Error(`account ${accountId} has no user`);
  return { accountId, actor: { userId: user.id, name: userDisplayName(user.first_name, user.last_name) } };
}

function createSeededAccount(
  db: Db,
  name: string,
  user: { first: string; last: string; email: string },
  now: string,
): AccountHandles {
  const { accountId } = createAccount(
    db,
    { name, userFirstName: user.first, userLastName: user.last, email: user.email },
    now,
  );
  seedAccountReferenceData(db, accountId, now);
  return accountHandles(db, accountId);
}

/**
 * Makes sure the demo and the other account exist. On an empty database it
 * creates both (with reference data, and demo content when asked). Either
 * way it issues a new token for each account and returns the plain tokens,
 * since only their hashes are stored.
 */
export function ensureDemoData(db: Db, opts: DemoOptions): DemoResult {
  return db.transaction((): DemoResult => {
    const nowDate = opts.clock();
    const now = formatTimestamp(nowDate);
    const accounts = listAccounts(db);
    const created = accounts.length === 0;

    let demo: AccountHandles;
    let other: AccountHandles;
    if (created) {
      demo = createSeededAccount(db, DEMO_ACCOUNT_NAME, { first: 'Jane', last: 'Doe', email: 'jane@example.com' }, now);
      other = createSeededAccount(db, OTHER_ACCOUNT_NAME, { first: 'John', last: 'Roe', email: 'john@example.org' }, now);
      if (opts.withDemoContent) seedDemoContent(db, demo, other, nowDate.getTime(), opts.filesDir);
    } else {
      const demoRow = accounts.find((a) => a.name === DEMO_ACCOUNT_NAME) ?? accounts[0]!;
      const otherRow = accounts.find((a) => a.name === OTHER_ACCOUNT_NAME && a.id !== demoRow.id)
        ?? accounts.find((a) => a.id !== demoRow.id);
      demo = accountHandles(db, demoRow.id);
      other = otherRow
        ? accountHandles(db, otherRow.id)
        : createSeededAccount(db, OTHER_ACCOUNT_NAME, { first: 'John', last: 'Roe', email: 'john@example.org' }, now);
    }

    return {
      tokens: {
        demo: issueToken(db, demo.accountId, demo.actor.userId!, created ? 'demo' : `demo (${now})`, now),
        other: issueToken(db, other.accountId, other.actor.userId!, created ? 'other' : `other (${now})`, now),
      },
      created,
    };
  })();
}
