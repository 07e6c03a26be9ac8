/**
 * Fills an account with many contacts quickly, for the benchmark: one prepared INSERT, run in transactions of
 * 10,000 rows, straight into SQLite (the API and its audit log would take minutes for 100,000 contacts).
 *
 * Names come from a seeded generator, so every run seeds the same people. Exactly three contacts, spread
 * through the table, carry the family name SEARCH_TERM (which no other contact contains), so a search for it
 * answers the same three contacts at every scale and the matches are never simply the first rows.
 *
 * The database first gets the demo data as `npm start` creates it (with its photos and documents in `files/`
 * beside the database, where the server looks for them), so the bench can also ask for a rich contact.
 *
 * Run alone: `tsx scripts/bench/seed.ts --database <file> --count <n>` (creates the accounts if needed).
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openDatabase, stmt, type Db } from '../../server/store/db.js';
import { ensureDemoData } from '../../server/seed/demo.js';
import { seededRandom } from '../../server/seed/random.js';
import { formatTimestamp } from '../../server/present/dates.js';

export const SEARCH_TERM = 'Okonkwo';

/** Where, as fractions of the seeded rows, the contacts named SEARCH_TERM sit. */
const SEARCH_TERM_AT = [0.37, 0.62, 0.91];

const FIRST_NAMES = [
  'Amelia', 'Thomas', 'Priya', 'Lucas', 'Sofia', 'Kenji', 'Grace', 'Daniel', 'Chloé', 'Mateo', 'Hannah', 'Oliver',
  'Aisha', 'Samuel', 'Emma', 'Noah', 'Zoë', 'Arjun', 'Léa', 'Benjamin', 'Mia', 'Ethan', 'Isabel', 'Hugo', 'Nora',
  'Felix', 'Ines', 'Jonas', 'Yuki', 'Omar', 'Maja', 'Rafael', 'Elif', 'Tomás', 'Freya', 'Ivan', 'Amara', 'Leon',
  'Sara', 'Pablo', 'Anouk', 'Mehdi', 'Clara', 'Björn', 'Nadia', 'Kofi', 'Eva', 'Luca', 'Maren', 'Diego',
];
const LAST_NAMES = [
  'Hartley', 'Raman', 'Moreau', 'Castillo', 'Watanabe', 'Fischer', 'Bennett', 'Rossi', 'Schmidt', 'Grant', 'Khan',
  'Adeyemi', 'Lindqvist', 'Novak', 'Dubois', 'García', 'Müller', 'Tanaka', 'Kowalski', 'Ivanova', 'Haddad',
  'Nguyen', 'Silva', 'Jensen', 'Costa', 'Petrov', 'Mensah', 'Larsen', 'Romero', 'Bauer', 'Yilmaz', 'Sato',
  'Horvat', 'Brennan', 'Lefèvre', 'Andersson', 'Kim', 'Patel', 'Öztürk', 'Wright', 'Ferreira', 'Nakamura',
  'Popescu', 'Herrera', 'Walsh', 'Berg', 'Aydin', 'Murphy', 'Janssen', 'Choi',
];
const JOBS = ['Nurse', 'Carpenter', 'Data scientist', 'Chef', 'Teacher', 'Architect', 'Pilot', 'Baker', 'Lawyer', 'Engineer'];
const COMPANIES = ['Northwind', 'Lumen Labs', 'Brightwave', 'Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli'];
const DESCRIPTIONS = ['Met at the climbing gym', 'Neighbour from the old flat', 'College friend', 'Book club', 'Cousin'];
const AVATAR_COLORS = ['#fdb660', '#93521e', '#bd5067', '#b3d5fe', '#ff9807', '#709512', '#5f479a', '#e5e5cd'];

export interface SeedResult {
  /** Ids of the seeded contacts, in insertion (and creation time) order. */
  ids: number[];
  /** The ids of the contacts named SEARCH_TERM. */
  searchHits: number[];
}

export interface SeedDatabaseResult extends SeedResult {
  /** The contacts the demo account held before the seeding: the demo content, on a new database. */
  demoIds: number[];
}

function pick<T>(list: readonly T[], random: () => number): T {
  return list[Math.floor(random() * list.length)]!;
}

/** Inserts `count` real, active contacts into the account, their creation times a minute apart. */
export function seedContacts(db: Db, accountId: number, count: number, seed = 7): SeedResult {
  const random = seededRandom(seed);
  const insert = stmt(
    db,
    `INSERT INTO contacts (account_id, uuid, first_name, middle_name, last_name, nickname, description,
       job, company, birthdate, birthdate_is_age_based, birthdate_is_year_unknown, default_avatar_color,
       created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const hitIndexes = new Set(SEARCH_TERM_AT.map((f) => Math.min(count - 1, Math.floor(f * count))));
  const startMs = Date.UTC(2015, 0, 1);
  const ids: number[] = [];
  const searchHits: number[] = [];
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const isHit = hitIndexes.has(i);
      const at = formatTimestamp(new Date(startMs + i * 60_000));
      const birthYear = 1950 + Math.floor(random() * 55);
      const hasBirthdate = random() < 0.4;
      const result = insert.run(
        accountId,
        randomUUID(),
        pick(FIRST_NAMES, random),
        random() < 0.1 ? pick(FIRST_NAMES, random) : null,
        isHit ? SEARCH_TERM : pick(LAST_NAMES, random),
        random() < 0.05 ? `${pick(FIRST_NAMES, random).slice(0, 3)}${i % 10}` : null,
        random() < 0.1 ? pick(DESCRIPTIONS, random) : null,
        random() < 0.3 ? pick(JOBS, random) : null,
        random() < 0.2 ? pick(COMPANIES, random) : null,
        hasBirthdate ? `${birthYear}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}` : null,
        hasBirthdate ? 0 : null,
        hasBirthdate ? 0 : null,
        pick(AVATAR_COLORS, random),
        at,
        at,
      );
      const id = Number(result.lastInsertRowid);
      ids.push(id);
      if (isHit) searchHits.push(id);
    }
  });
  for (let from = 0; from < count; from += 10_000) batch(from, Math.min(count, from + 10_000));
  return { ids, searchHits };
}

/**
 * Opens (or creates, with the demo content, as `npm start` does) the database and adds `count` contacts to the
 * demo account.
 */
export function seedDatabase(databasePath: string, count: number): SeedDatabaseResult {
  const filesDir = join(dirname(databasePath), 'files');
  mkdirSync(filesDir, { recursive: true });
  const db = openDatabase(databasePath);
  try {
    const { accountIds } = ensureDemoData(db, { withDemoContent: true, clock: () => new Date(), filesDir });
    const demoIds = stmt<{ id: number }>(db, 'SELECT id FROM contacts WHERE account_id = ? ORDER BY id')
      .all(accountIds.demo)
      .map((r) => r.id);
    return { ...seedContacts(db, accountIds.demo, count), demoIds };
  } finally {
    db.close();
  }
}

function flagValue(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const argv = process.argv.slice(2);
  const database = flagValue(argv, '--database');
  const count = Number(flagValue(argv, '--count') ?? '1000');
  if (!database || !Number.isInteger(count) || count < 1) {
    process.stderr.write('Usage: tsx scripts/bench/seed.ts --database <file> --count <n>\n');
    process.exit(2);
  }
  const started = performance.now();
  const { ids } = seedDatabase(database, count);
  process.stdout.write(`Seeded ${ids.length} contacts into ${database} in ${Math.round(performance.now() - started)} ms\n`);
}
