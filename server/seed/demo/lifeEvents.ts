// Demo life events: jobs, moves, weddings and the like in the lives of several demo contacts. Some come back every
// year as reminders; two of those fall next month and the month after, and a weekly reminder starts today, so that
// `GET /reminders/upcoming/{month}` has something to show for this month and the next two.
import { formatDateIn } from '../../present/dates.js';
import type { Db } from '../../store/db.js';
import { createLifeEvent } from '../../store/lifeEvents.js';
import { createReminder } from '../../store/reminders.js';
import { getUserProfile } from '../../store/user.js';
import { afterCreation, demoContacts } from './shared.js';
import type { DemoAccount } from './types.js';

interface DemoLifeEvent {
  typeId: number;
  /** A fixed day, or [years ago, months from now, day of the month] for a day that recurs soon. */
  day: string | readonly [number, number, number];
  name: string | null;
  note: string | null;
  reminder?: boolean;
}

const EVENTS: readonly DemoLifeEvent[] = [
  { typeId: 1, day: '2019-09-02', name: 'Joined Northwind Analytics', note: 'Data science team, remote on Fridays.' },
  { typeId: 18, day: '2021-04-17', name: 'Moved to Lisbon', note: 'A flat with a view of the river.' },
  { typeId: 10, day: [9, 1, 10], name: 'Married Sam', note: 'Small ceremony in the garden.', reminder: true },
  { typeId: 15, day: '2022-11-05', name: 'Adopted Pepper', note: null },
  { typeId: 3, day: '2016-09-12', name: 'Started a master in architecture', note: null },
  { typeId: 39, day: '2023-07-08', name: 'Three weeks in Japan', note: 'Kyoto, Osaka, then hiking the Kumano Kodo.' },
  { typeId: 19, day: [4, 2, 12], name: 'Bought the house on Elm Street', note: null, reminder: true },
  { typeId: 36, day: '2024-01-15', name: 'Started learning Portuguese', note: 'Classes on Thursday evenings.' },
  { typeId: 13, day: '2020-03-28', name: 'Baby Leo was born', note: null },
  { typeId: 2, day: '2022-06-30', name: null, note: 'Retired after 35 years at the post office.' },
];

/** A day `monthsAhead` months after `today`, `yearsAgo` years back, on `dayOfMonth`. */
function recurringDay(today: string, yearsAgo: number, monthsAhead: number, dayOfMonth: number): string {
  const d = new Date(Date.UTC(Number(today.slice(0, 4)) - yearsAgo, Number(today.slice(5, 7)) - 1 + monthsAhead, dayOfMonth));
  return d.toISOString().slice(0, 10);
}

/** Believable demo content for the demo account (called once, on an empty database, after the other resources). */
export function addLifeEventsDemo(db: Db, demo: DemoAccount): void {
  const { accountId, rng, nowMs } = demo;
  const contacts = demoContacts(db, demo);
  if (contacts.length === 0) return;
  // "Today" as the demo user sees it, in their time zone.
  const today = formatDateIn(new Date(nowMs), getUserProfile(db, accountId, demo.actor.userId ?? 0)?.timezone ?? null);
  for (const event of EVENTS) {
    const contact = rng.pick(contacts);
    const day = typeof event.day === 'string' ? event.day : recurringDay(today, ...event.day);
    createLifeEvent(
      db,
      accountId,
      {
        contact_id: contact.id,
        life_event_type_id: event.typeId,
        happened_at: day,
        name: event.name,
        note: event.note,
        has_reminder: event.reminder === true,
        happened_at_month_unknown: false,
        happened_at_day_unknown: false,
      },
      afterCreation(demo, new Date(contact.createdMs).toISOString()),
      rng.uuid(),
    );
  }
  const walker = rng.pick(contacts);
  createReminder(
    db,
    accountId,
    { contact_id: walker.id, title: `Walk Pepper with ${walker.first}`, description: 'Around the park, then coffee.', initial_date: today, frequency_type: 'week', frequency_number: 1, delible: true },
    afterCreation(demo, new Date(walker.createdMs).toISOString()),
    rng.uuid(),
  );
}
