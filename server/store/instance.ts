/**
 * Figures about the whole instance, for the public `GET /statistics`: the only statements of the store that read
 * every account's rows, and they read counts only.
 */
import { stmt, type Db } from './db.js';

export interface InstanceFigures {
  /** When the first account was made: the instance's installation. Null on an empty database. */
  created_at: string | null;
  contacts: number;
  users: number;
  activities: number;
  reminders: number;
  /** Users made in the window asked for. */
  new_users: number;
}

/** The instance's counts now, and how many users were made from `newFrom` (inclusive) to `newTo` (exclusive). */
export function instanceFigures(db: Db, newFrom: string, newTo: string): InstanceFigures {
  return stmt<InstanceFigures>(
    db,
    `SELECT (SELECT MIN(created_at) FROM accounts) AS created_at,
            (SELECT COUNT(*) FROM contacts) AS contacts,
            (SELECT COUNT(*) FROM users) AS users,
            (SELECT COUNT(*) FROM activities) AS activities,
            (SELECT COUNT(*) FROM reminders) AS reminders,
            (SELECT COUNT(*) FROM users WHERE created_at >= ? AND created_at < ?) AS new_users`,
  ).get(newFrom, newTo)!;
}
