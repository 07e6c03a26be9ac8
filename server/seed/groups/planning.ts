// Seed data of this group: what every new account gets, and the demo account's content.
import type { Db } from '../../store/db.js';
import type { DemoAccount } from './types.js';

/** Reference rows every new account gets (called inside the account's creation transaction). */
export function seedPlanningAccountData(_db: Db, _accountId: number, _now: string): void {}

/** Believable demo content for the demo account (called once, on an empty database, after contacts, tags and notes). */
export function addPlanningDemo(_db: Db, _demo: DemoAccount): void {}
