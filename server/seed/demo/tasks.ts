// Demo tasks: most about a contact, a few about no one; about half of them done.
import type { Db } from '../../store/db.js';
import { completeTaskAt, createTask } from '../../store/tasks.js';
import { between, DAY_MS, demoContactRows, nameOf, type DemoContactRow } from './shared.js';
import type { DemoAccount } from './types.js';

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

/** Believable demo content for the demo account (called once, on an empty database, after contacts, tags and notes). */
export function addTasksDemo(db: Db, demo: DemoAccount): void {
  const { accountId, rng, nowMs } = demo;
  const contacts = demoContactRows(db, demo);
  if (contacts.length === 0) return;
  const createdMs = (c: DemoContactRow) => new Date(c.created_at).getTime();
  const living = contacts.filter((c) => !c.is_dead);

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
}
