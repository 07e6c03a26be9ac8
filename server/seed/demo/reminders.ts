// Demo reminders: the birthday reminders Monica makes itself, and reminders the user set up.
import { formatTimestamp } from '../../present/dates.js';
import { stmt, type Db } from '../../store/db.js';
import { createReminder, type FrequencyType } from '../../store/reminders.js';
import { between, DAY_MS, demoContactRows, nameOf, type DemoContactRow } from './shared.js';
import type { DemoAccount } from './types.js';

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

/** Believable demo content for the demo account (called once, on an empty database, after contacts, tags and notes). */
export function addRemindersDemo(db: Db, demo: DemoAccount): void {
  const { accountId, rng, nowMs } = demo;
  const contacts = demoContactRows(db, demo);
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
}
