// Seed data of this group: what every new account gets, and the demo account's content.
import { formatTimestamp } from '../../present/dates.js';
import { firstUser } from '../../store/accounts.js';
import { latestTerm, signTerm } from '../../store/compliance.js';
import { createContact } from '../../store/contacts.js';
import { stmt, type Db } from '../../store/db.js';
import { attachContacts, createGroup } from '../../store/groups.js';
import { setMeContact, setUserPreferences } from '../../store/user.js';
import type { DemoAccount } from './types.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Reference rows every new account gets (called inside the account's creation transaction). Nothing here:
 * the terms are global (migration 8), a new user has signed none of them, and a new account has no groups.
 */
export function seedAccountAccountData(_db: Db, _accountId: number, _now: string): void {}

/** The demo's groups: a name, how many contacts, and how many days ago it was made. */
const DEMO_GROUPS: ReadonlyArray<{ name: string; size: number; daysAgo: number }> = [
  { name: 'Wedding guests', size: 14, daysAgo: 610 },
  { name: 'Secret Santa', size: 6, daysAgo: 420 },
  { name: 'Weekend hikers', size: 4, daysAgo: 300 },
  { name: 'Game night', size: 5, daysAgo: 150 },
  { name: 'Emergency contacts', size: 2, daysAgo: 90 },
  { name: 'Housewarming party', size: 0, daysAgo: 12 },
];

/**
 * Believable demo content for the demo account (called once, on an empty database, after contacts, tags and
 * notes): the user's preferences and "me" contact, a signature of the current terms, and a few groups.
 */
export function addAccountDemo(db: Db, demo: DemoAccount): void {
  const { accountId, rng, nowMs } = demo;
  const user = firstUser(db, accountId);
  if (!user) return;
  // The user registered when the account was made; the contacts were added over the two years before.
  const registered = user.created_at;
  const firstContactAt = formatTimestamp(new Date(nowMs - 730 * DAY_MS));

  stmt(db, 'UPDATE users SET uuid = ? WHERE account_id = ? AND id = ?').run(rng.uuid(), accountId, user.id);
  setUserPreferences(db, accountId, user.id, { locale: 'en', timezone: 'America/New_York', currencyIso: 'USD' }, registered);

  // The contact that stands for the user.
  const me = createContact(
    db,
    accountId,
    {
      uuid: rng.uuid(),
      first_name: user.first_name,
      last_name: user.last_name,
      is_birthdate_known: true,
      birthdate_is_age_based: false,
      birthdate_year: 1990,
      birthdate_month: 3,
      birthdate_day: 21,
      is_deceased: false,
      is_deceased_date_known: false,
    },
    firstContactAt,
    demo.actor,
  );
  setMeContact(db, accountId, user.id, me.id, registered);

  // The user accepted the current terms on registering.
  const term = latestTerm(db);
  if (term) signTerm(db, accountId, user.id, term.id, '203.0.113.24', registered);

  for (const spec of DEMO_GROUPS) {
    const createdMs = nowMs - spec.daysAgo * DAY_MS - rng.int(0, 8 * 3600) * 1000;
    const group = createGroup(db, accountId, { name: spec.name }, formatTimestamp(new Date(createdMs)));
    const pool = [...demo.contactIds];
    const members: number[] = [];
    while (members.length < Math.min(spec.size, pool.length)) {
      const [picked] = pool.splice(rng.int(0, pool.length - 1), 1);
      members.push(picked!);
    }
    if (members.length > 0) {
      const attachedMs = Math.min(nowMs, createdMs + rng.int(1, 3 * 24 * 3600) * 1000);
      attachContacts(db, accountId, group.id, members, formatTimestamp(new Date(attachedMs)));
    }
  }
}
