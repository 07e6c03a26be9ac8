// The demo user: their preferences and the contact that stands for them.
import { formatTimestamp } from '../../present/dates.js';
import { firstUser } from '../../store/accounts.js';
import { createContact } from '../../store/contacts.js';
import { stmt, type Db } from '../../store/db.js';
import { setMeContact, setUserPreferences } from '../../store/user.js';
import { DAY_MS } from './shared.js';
import type { DemoAccount } from './types.js';

/**
 * Believable demo content for the demo account (called once, on an empty database, after contacts, tags and
 * notes): the user's preferences and "me" contact.
 */
export function addUserDemo(db: Db, demo: DemoAccount): void {
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
}
