/**
 * Phone calls with contacts, their emotions, and the contact's `last_talked_to`
 * (shown as `last_called`) that logging a call moves forward.
 */
import { randomUUID } from 'node:crypto';
import { accountTable, childrenOfAccount, type ContactOwnedRow } from './accountTable.js';
import { stmt, type Db } from './db.js';
import type { EmotionRow } from './emotions.js';

export interface CallRow extends ContactOwnedRow {
  /** Calendar date `YYYY-MM-DD`. */
  called_at: string;
  content: string | null;
  contact_called: number;
}

export interface CallInput {
  /** `YYYY-MM-DD`. */
  called_at: string;
  content?: string | null;
  contact_called?: boolean | null;
  /**
   * Emotion ids, already known to exist. On create they are attached; on update a non-empty list replaces the
   * call's emotions and an empty or absent one keeps them.
   */
  emotions?: readonly number[] | null;
}

/** Calls per year of `called_at`, for the whole account. */
export interface YearlyCounts {
  [year: string]: number;
}

function contentOf(value: string | null | undefined): string | null {
  return value === undefined || value === null || value === '' ? null : value;
}

/** The stored form of `last_talked_to` for a call day: the day at midnight UTC. */
export function lastTalkedToOf(calledAt: string): string {
  return `${calledAt.slice(0, 10)}T00:00:00Z`;
}

const calls = accountTable<CallRow>('calls');
export const { page: listCalls, pageOfContact: listCallsForContact, get: getCall } = calls;
const setRow = calls.setter('called_at = ?, content = ?, contact_called = ?');

/** How many calls of the account happened in each year (years without calls are absent), oldest year first. */
export function yearlyCallStatistics(db: Db, accountId: number): YearlyCounts {
  const rows = stmt<{ year: string; n: number }>(
    db,
    `SELECT substr(called_at, 1, 4) AS year, COUNT(*) AS n FROM calls
      WHERE account_id = ? GROUP BY year ORDER BY year`,
  ).all(accountId);
  const out: YearlyCounts = {};
  for (const { year, n } of rows) out[year] = n;
  return out;
}

/** The emotions of several calls, in one query, each list in the order the emotions were attached. */
export const emotionsForCalls = childrenOfAccount<EmotionRow & { call_id: number }, EmotionRow>(
  `SELECT ce.call_id, e.id, e.name
     FROM call_emotion ce JOIN emotions e ON e.id = ce.emotion_id
    WHERE ce.account_id = ? AND ce.call_id IN (SELECT value FROM json_each(?))
    ORDER BY ce.call_id, ce.rowid`,
  ({ call_id, id, name }) => [call_id, { id, name }],
);

function attachEmotions(db: Db, accountId: number, callId: number, emotionIds: readonly number[], now: string): void {
  const insert = stmt(
    db,
    'INSERT OR IGNORE INTO call_emotion (account_id, call_id, emotion_id, created_at) VALUES (?, ?, ?, ?)',
  );
  for (const emotionId of emotionIds) insert.run(accountId, callId, emotionId, now);
}

/**
 * Moves the contact's `last_talked_to` forward to the call's day when it is later (or unset). The contact's
 * `updated_at` changes only when `last_talked_to` does.
 */
function moveLastTalkedTo(db: Db, accountId: number, contactId: number, calledAt: string, now: string): void {
  const day = lastTalkedToOf(calledAt);
  stmt(
    db,
    `UPDATE contacts SET last_talked_to = ?, updated_at = ?
      WHERE account_id = ? AND id = ? AND (last_talked_to IS NULL OR last_talked_to < ?)`,
  ).run(day, now, accountId, contactId, day);
}

/** Sets the contact's `last_talked_to` to its latest remaining call, or clears it when none is left. */
function recomputeLastTalkedTo(db: Db, accountId: number, contactId: number, now: string): void {
  stmt(
    db,
    `UPDATE contacts
        SET last_talked_to = (SELECT MAX(called_at) || 'T00:00:00Z' FROM calls WHERE account_id = ? AND contact_id = ?),
            updated_at = ?
      WHERE account_id = ? AND id = ?
        AND last_talked_to IS NOT (SELECT MAX(called_at) || 'T00:00:00Z' FROM calls WHERE account_id = ? AND contact_id = ?)`,
  ).run(accountId, contactId, now, accountId, contactId, accountId, contactId);
}

/**
 * Logs a call with its emotions and moves the contact's `last_talked_to` forward, in one transaction. Returns
 * undefined when the contact is not in the account. Emotion ids must have been checked by the caller.
 */
export function createCall(db: Db, accountId: number, contactId: number, input: CallInput, now: string): CallRow | undefined {
  return db.transaction(() => {
    const result = stmt(
      db,
      `INSERT INTO calls (account_id, uuid, contact_id, called_at, content, contact_called, created_at, updated_at)
       SELECT account_id, ?, id, ?, ?, ?, ?, ? FROM contacts WHERE account_id = ? AND id = ?`,
    ).run(randomUUID(), input.called_at, contentOf(input.content), input.contact_called ? 1 : 0, now, now, accountId, contactId);
    if (result.changes === 0) return undefined;
    const id = Number(result.lastInsertRowid);
    attachEmotions(db, accountId, id, input.emotions ?? [], now);
    moveLastTalkedTo(db, accountId, contactId, input.called_at, now);
    return getCall(db, accountId, id);
  })();
}

/**
 * Replaces a call's day, content and direction; a non-empty emotion list replaces its emotions. The contact's
 * `last_talked_to` moves forward when the new day is later. One transaction; undefined when the call is not in
 * the account.
 */
export function updateCall(db: Db, accountId: number, id: number, input: CallInput, now: string): CallRow | undefined {
  return db.transaction(() => {
    const existing = getCall(db, accountId, id);
    if (!existing) return undefined;
    setRow(db, accountId, id, [input.called_at, contentOf(input.content), input.contact_called ? 1 : 0], now);
    if (input.emotions && input.emotions.length > 0) {
      stmt(db, 'DELETE FROM call_emotion WHERE account_id = ? AND call_id = ?').run(accountId, id);
      attachEmotions(db, accountId, id, input.emotions, now);
    }
    moveLastTalkedTo(db, accountId, existing.contact_id, input.called_at, now);
    return getCall(db, accountId, id);
  })();
}

/**
 * Deletes a call (its emotions go with it) and sets the contact's `last_talked_to` to its latest remaining call,
 * as Monica 4.x does. Returns false when the call is not in the account.
 */
export function deleteCall(db: Db, accountId: number, id: number, now: string): boolean {
  return db.transaction(() => {
    const existing = getCall(db, accountId, id);
    if (!existing) return false;
    calls.remove(db, accountId, id);
    recomputeLastTalkedTo(db, accountId, existing.contact_id, now);
    return true;
  })();
}
