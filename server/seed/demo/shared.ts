// Small pieces the demo seeding of several resources uses: the length of a day, moments drawn from the demo's
// seeded generator (each call draws from it: call them in the same order to get the same demo), and the demo's
// contacts as the seeders look them up.
import { formatTimestamp } from '../../present/dates.js';
import { idList, stmt, type Db } from '../../store/db.js';
import type { Rng } from '../random.js';
import type { DemoAccount } from './types.js';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** `daysAgo` days before now, and up to `jitterSeconds` earlier, as an API timestamp. */
export function daysAgoStamp(demo: DemoAccount, daysAgo: number, jitterSeconds: number): string {
  return formatTimestamp(new Date(demo.nowMs - daysAgo * DAY_MS - demo.rng.int(0, jitterSeconds) * 1000));
}

/** A moment after the contact was created (a year ago when unknown) and before now, as an API timestamp. */
export function afterCreation(demo: DemoAccount, createdAt: string | null): string {
  const { rng, nowMs } = demo;
  const from = createdAt ? Date.parse(createdAt) : nowMs - 365 * DAY_MS;
  return formatTimestamp(new Date(Math.min(nowMs - 60_000, from + rng.int(1, 60) * DAY_MS + rng.int(0, 86_399) * 1000)));
}

/** A moment between `fromMs` and `toMs` (kept before `toMs`), as an API timestamp. */
export function between(demo: DemoAccount, fromMs: number, toMs: number): { ms: number; stamp: string } {
  const span = Math.max(60_000, toMs - fromMs);
  const ms = Math.min(toMs - 60_000, fromMs + Math.floor(demo.rng.next() * span));
  return { ms, stamp: formatTimestamp(new Date(ms)) };
}

/** A moment between the contact's creation and now, and the day it falls on. */
export function momentAfter(rng: Rng, fromMs: number, nowMs: number): { ms: number; day: string } {
  const start = Math.min(fromMs + DAY_MS, nowMs - DAY_MS);
  const ms = start + Math.floor(rng.next() * Math.max(DAY_MS, nowMs - start - DAY_MS));
  return { ms, day: new Date(ms).toISOString().slice(0, 10) };
}

export interface DemoContact {
  id: number;
  first: string;
  createdMs: number;
}

/** The living, active demo contacts (nobody phones the deceased), oldest first. */
export function demoContacts(db: Db, demo: DemoAccount): DemoContact[] {
  const rows = stmt<{ id: number; first_name: string; nickname: string | null; created_at: string | null }>(
    db,
    `SELECT id, first_name, nickname, created_at FROM contacts
      WHERE account_id = ? AND id IN (SELECT value FROM json_each(?)) AND is_dead = 0 AND is_active = 1
      ORDER BY id`,
  ).all(demo.accountId, JSON.stringify(demo.contactIds));
  return rows.map((r) => ({
    id: r.id,
    first: r.nickname ?? r.first_name,
    createdMs: r.created_at ? Date.parse(r.created_at) : demo.nowMs - 365 * DAY_MS,
  }));
}

/** A demo contact as the reminders and tasks use it. */
export interface DemoContactRow {
  id: number;
  first_name: string;
  nickname: string | null;
  birthdate: string | null;
  birthdate_is_age_based: number | null;
  is_dead: number;
  created_at: string;
}

/** The demo's real contacts with what reminders and tasks need, by id. */
export function demoContactRows(db: Db, demo: DemoAccount): DemoContactRow[] {
  return stmt<DemoContactRow>(
    db,
    `SELECT id, first_name, nickname, birthdate, birthdate_is_age_based, is_dead, created_at
       FROM contacts WHERE account_id = ? AND id IN (SELECT value FROM json_each(?)) ORDER BY id`,
  ).all(demo.accountId, JSON.stringify(demo.contactIds));
}

export const nameOf = (c: DemoContactRow) => c.nickname ?? c.first_name;

/** The demo's contacts by first name (`partial:<first name>` for a partial one), the first of each name. */
export function contactIdsByName(db: Db, demo: DemoAccount): Map<string, number> {
  const names = stmt<{ id: number; first_name: string; is_partial: number }>(
    db,
    'SELECT id, first_name, is_partial FROM contacts WHERE account_id = ? AND id IN (SELECT value FROM json_each(?)) ORDER BY id',
  ).all(demo.accountId, idList([...demo.contactIds, ...demo.partialContactIds]));
  const byName = new Map<string, number>();
  for (const c of names) {
    const key = c.is_partial ? `partial:${c.first_name}` : c.first_name;
    if (!byName.has(key)) byName.set(key, c.id);
  }
  return byName;
}
