// Seed data of this group: what every new account gets, and the demo account's content.
import { formatTimestamp } from '../../present/dates.js';
import { stmt, type Db } from '../../store/db.js';
import { createJournalEntry } from '../../store/journalEntries.js';
import { createReminder, type FrequencyType } from '../../store/reminders.js';
import { completeTaskAt, createTask } from '../../store/tasks.js';
import type { DemoAccount } from './types.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Reference rows every new account gets (called inside the account's creation transaction).
 * A new Monica account has no reminders, tasks or journal entries: nothing to add.
 */
export function seedPlanningAccountData(_db: Db, _accountId: number, _now: string): void {}

interface DemoContactRow {
  id: number;
  first_name: string;
  nickname: string | null;
  birthdate: string | null;
  birthdate_is_age_based: number | null;
  is_dead: number;
  created_at: string;
}

interface ReminderTemplate {
  title: string;
  description: string | null;
  frequency_type: FrequencyType;
  frequency_number: number;
  /** Days from now to the first occurrence (negative: in the past). */
  startInDays: number;
}

const REMINDER_TEMPLATES: readonly ReminderTemplate[] = [
  { title: 'Call {first} to catch up', description: 'Ask how the new job is going.', frequency_type: 'month', frequency_number: 2, startInDays: 12 },
  { title: 'Send {first} a postcard', description: null, frequency_type: 'year', frequency_number: 1, startInDays: 45 },
  { title: 'Ask {first} for the camping stove back', description: 'Lent in spring; needed for the August trip.', frequency_type: 'one_time', frequency_number: 1, startInDays: 20 },
  { title: 'Water {first}\'s plants', description: 'Key is under the blue pot.', frequency_type: 'week', frequency_number: 1, startInDays: -3 },
  { title: 'Coffee with {first}', description: null, frequency_type: 'month', frequency_number: 1, startInDays: 5 },
  { title: 'Check in on {first} after the move', description: null, frequency_type: 'one_time', frequency_number: 1, startInDays: -40 },
  { title: 'Book the yearly hiking weekend with {first}', description: 'Mountains in September, as every year.', frequency_type: 'year', frequency_number: 1, startInDays: 90 },
  { title: 'Running session with {first}', description: 'Saturday mornings by the river.', frequency_type: 'week', frequency_number: 2, startInDays: 2 },
];

const CONTACT_TASKS: readonly [string, string | null][] = [
  ['Return {first}\'s book', '"The Remains of the Day" - finished it last week.'],
  ['Send {first} the photos from the wedding', null],
  ['Buy a birthday present for {first}', 'Something for the garden?'],
  ['Introduce {first} to the running club', null],
  ['Help {first} move the sofa', 'Borrow the van from Tom.'],
  ['Recommend a dentist to {first}', null],
  ['Invite {first} to the book club', 'Next meeting is on the first Thursday.'],
  ['Get {first}\'s new address', null],
  ['Pay {first} back for the concert tickets', null],
  ['Ask {first} for the banana bread recipe', null],
];

const OWN_TASKS: readonly [string, string | null][] = [
  ['Plan the summer barbecue', 'Send the invitations three weeks ahead.'],
  ['Renew passport', null],
  ['Update the address book after the holidays', null],
  ['Print photos for the family album', 'The ones from Lisbon and the reunion.'],
];

const JOURNAL: readonly [string, string][] = [
  ['A quiet Sunday', 'Slept in, read on the balcony, and finally called grandma. She sounded happy and told me the story of the navy again.'],
  ['Half marathon training, week 3', 'Ran 14 km along the river with Samuel. Legs are sore but the pace is getting better.'],
  ['Dinner at Lucas\'s restaurant', 'The tasting menu was incredible. He came out of the kitchen to say hello and we talked until closing time.'],
  ['Moving day', 'Helped Priya carry boxes up four floors. Pizza on the floor of the empty living room was the best part.'],
  ['Book club: a lively evening', 'Nobody agreed about the ending. Aisha made the best argument; Hannah brought her famous lemon cake.'],
  ['Back from Lisbon', 'Trams, custard tarts and long walks. I want to go back in spring with Isabella and Gabriel.'],
  ['A hard week', 'Work was a lot. Writing it down helps: next week I will keep the evenings free and see friends.'],
  ['First snow', 'The city was silent this morning. Built a tiny snowman on the windowsill.'],
];

/** A moment between `fromMs` and `toMs` (kept before `toMs`), as an API timestamp. */
function between(demo: DemoAccount, fromMs: number, toMs: number): { ms: number; stamp: string } {
  const span = Math.max(60_000, toMs - fromMs);
  const ms = Math.min(toMs - 60_000, fromMs + Math.floor(demo.rng.next() * span));
  return { ms, stamp: formatTimestamp(new Date(ms)) };
}

const nameOf = (c: DemoContactRow) => c.nickname ?? c.first_name;

/** Believable demo content for the demo account (called once, on an empty database, after contacts, tags and notes). */
export function addPlanningDemo(db: Db, demo: DemoAccount): void {
  const { accountId, rng, nowMs } = demo;
  const contacts = stmt<DemoContactRow>(
    db,
    `SELECT id, first_name, nickname, birthdate, birthdate_is_age_based, is_dead, created_at
       FROM contacts WHERE account_id = ? AND id IN (SELECT value FROM json_each(?)) ORDER BY id`,
  ).all(accountId, JSON.stringify(demo.contactIds));
  if (contacts.length === 0) return;
  const createdMs = (c: DemoContactRow) => new Date(c.created_at).getTime();

  // Birthday reminders, the ones Monica makes itself: yearly from the birthdate, and not deletable.
  for (const c of contacts) {
    if (!c.birthdate || c.birthdate_is_age_based || c.is_dead) continue;
    const at = formatTimestamp(new Date(createdMs(c)));
    createReminder(
      db,
      accountId,
      {
        contact_id: c.id,
        title: `Wish happy birthday to ${nameOf(c)}`,
        description: null,
        initial_date: c.birthdate,
        frequency_type: 'year',
        frequency_number: 1,
        delible: false,
      },
      at,
      rng.uuid(),
    );
  }

  // Reminders the user set up, about living contacts.
  const living = contacts.filter((c) => !c.is_dead);
  for (const template of REMINDER_TEMPLATES) {
    const c = rng.pick(living);
    const created = between(demo, createdMs(c), nowMs);
    const start = new Date(nowMs + template.startInDays * DAY_MS).toISOString().slice(0, 10);
    const row = createReminder(
      db,
      accountId,
      {
        contact_id: c.id,
        title: template.title.replaceAll('{first}', nameOf(c)),
        description: template.description,
        initial_date: start,
        frequency_type: template.frequency_type,
        frequency_number: template.frequency_number,
        delible: true,
      },
      created.stamp,
      rng.uuid(),
    );
    if (row && rng.chance(0.3)) {
      const edited = between(demo, created.ms, nowMs).stamp;
      stmt(db, 'UPDATE reminders SET updated_at = ? WHERE account_id = ? AND id = ?').run(edited, accountId, row.id);
    }
  }

  // Tasks: most about a contact, a few about no one; about half of them done.
  const tasks: { contactId: number | null; title: string; description: string | null; fromMs: number }[] = [];
  for (const [title, description] of CONTACT_TASKS) {
    const c = rng.pick(living);
    tasks.push({ contactId: c.id, title: title.replaceAll('{first}', nameOf(c)), description, fromMs: createdMs(c) });
  }
  const firstContactMs = Math.min(...contacts.map(createdMs));
  for (const [title, description] of OWN_TASKS) tasks.push({ contactId: null, title, description, fromMs: firstContactMs });
  const timed = tasks.map((t) => ({ ...t, created: between(demo, Math.max(t.fromMs, nowMs - 180 * DAY_MS), nowMs) }));
  timed.sort((a, b) => a.created.ms - b.created.ms);
  for (const t of timed) {
    const row = createTask(db, accountId, { contact_id: t.contactId, title: t.title, description: t.description }, t.created.stamp, rng.uuid());
    if (row && rng.chance(0.45)) completeTaskAt(db, accountId, row.id, between(demo, t.created.ms, nowMs).stamp);
  }

  // Journal entries, spread over the last year, oldest first.
  const stamps = JOURNAL.map(() => between(demo, nowMs - 365 * DAY_MS, nowMs)).sort((a, b) => a.ms - b.ms);
  JOURNAL.forEach(([title, post], i) => {
    createJournalEntry(db, accountId, { title, post }, stamps[i]!.stamp, rng.uuid());
  });
}
