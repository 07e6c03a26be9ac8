/**
 * The user's profile as `GET /me` shows it: the user row with its preferences,
 * its currency (global reference data) and the contact that stands for the user.
 */
import { stmt, type Db } from './db.js';

export interface UserProfileRow {
  id: number;
  account_id: number;
  uuid: string | null;
  first_name: string;
  last_name: string | null;
  email: string;
  locale: string;
  timezone: string | null;
  /** The "me" contact, only when it is a real contact of the user's account. */
  me_contact_id: number | null;
  created_at: string | null;
  updated_at: string | null;
  /** From the joined currency (all null when the user has none). */
  currency_id: number | null;
  currency_iso: string | null;
  currency_name: string | null;
  currency_symbol: string | null;
}

export function getUserProfile(db: Db, accountId: number, userId: number): UserProfileRow | undefined {
  return stmt<UserProfileRow>(
    db,
    `SELECT u.id, u.account_id, u.uuid, u.first_name, u.last_name, u.email, u.locale, u.timezone,
            me.id AS me_contact_id, u.created_at, u.updated_at,
            cur.id AS currency_id, cur.iso AS currency_iso, cur.name AS currency_name, cur.symbol AS currency_symbol
       FROM users u
       LEFT JOIN currencies cur ON cur.id = u.currency_id
       LEFT JOIN contacts me ON me.id = u.me_contact_id AND me.account_id = u.account_id AND me.is_partial = 0
      WHERE u.account_id = ? AND u.id = ?`,
  ).get(accountId, userId);
}

/** Sets (or clears, with null) the contact that stands for the user; it must be a real contact of the account. */
export function setMeContact(db: Db, accountId: number, userId: number, contactId: number | null, now: string): boolean {
  return db.transaction(() => {
    if (contactId !== null) {
      const found = stmt(db, 'SELECT 1 FROM contacts WHERE account_id = ? AND id = ? AND is_partial = 0').get(accountId, contactId);
      if (!found) return false;
    }
    const previous = stmt<{ me_contact_id: number | null }>(
      db,
      'SELECT me_contact_id FROM users WHERE account_id = ? AND id = ?',
    ).get(accountId, userId);
    if (!previous) return false;
    if (previous.me_contact_id !== null) {
      stmt(db, 'UPDATE contacts SET is_me = 0 WHERE account_id = ? AND id = ?').run(accountId, previous.me_contact_id);
    }
    if (contactId !== null) stmt(db, 'UPDATE contacts SET is_me = 1 WHERE account_id = ? AND id = ?').run(accountId, contactId);
    stmt(db, 'UPDATE users SET me_contact_id = ?, updated_at = ? WHERE account_id = ? AND id = ?').run(contactId, now, accountId, userId);
    return true;
  })();
}

/** Sets the user's preferences (used by the demo seed; the API has no call that changes them). */
export function setUserPreferences(
  db: Db,
  accountId: number,
  userId: number,
  prefs: { locale?: string; timezone?: string | null; currencyIso?: string | null },
  now: string,
): void {
  const user = stmt<{ locale: string; timezone: string | null; currency_id: number | null }>(
    db,
    'SELECT locale, timezone, currency_id FROM users WHERE account_id = ? AND id = ?',
  ).get(accountId, userId);
  if (!user) return;
  const currencyId =
    prefs.currencyIso === undefined
      ? user.currency_id
      : prefs.currencyIso === null
        ? null
        : (stmt<{ id: number }>(db, 'SELECT id FROM currencies WHERE iso = ?').get(prefs.currencyIso)?.id ?? user.currency_id);
  stmt(db, 'UPDATE users SET locale = ?, timezone = ?, currency_id = ?, updated_at = ? WHERE account_id = ? AND id = ?').run(
    prefs.locale ?? user.locale,
    prefs.timezone === undefined ? user.timezone : prefs.timezone,
    currencyId,
    now,
    accountId,
    userId,
  );
}
