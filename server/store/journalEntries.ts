/**
 * The account's journal: dated entries with a title and a text, tied to no contact.
 */
import { randomUUID } from 'node:crypto';
import { stmt, type Db } from './db.js';
import { accountTable } from './accountTable.js';

export interface JournalEntryRow {
  id: number;
  account_id: number;
  uuid: string | null;
  title: string | null;
  post: string;
  /** The timestamp the entry is filed under: its creation. */
  date: string;
  created_at: string | null;
  updated_at: string | null;
}

export interface JournalEntryInput {
  title: string;
  post: string;
}

const entries = accountTable<JournalEntryRow>('journal_entries');
export const listJournalEntries = entries.page;
export const getJournalEntry = entries.get;
export const deleteJournalEntry = entries.remove;

/** Writes a new entry, filed under `now`. */
export function createJournalEntry(
  db: Db,
  accountId: number,
  input: JournalEntryInput,
  now: string,
  uuid: string = randomUUID(),
): JournalEntryRow {
  const result = stmt(
    db,
    `INSERT INTO journal_entries (account_id, uuid, title, post, date, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(accountId, uuid, input.title, input.post, now, now, now);
  return getJournalEntry(db, accountId, Number(result.lastInsertRowid))!;
}

/** Replaces an entry's title and text (its date stays); undefined when it is not in the account. */
export function updateJournalEntry(
  db: Db,
  accountId: number,
  id: number,
  input: JournalEntryInput,
  now: string,
): JournalEntryRow | undefined {
  const result = stmt(db, 'UPDATE journal_entries SET title = ?, post = ?, updated_at = ? WHERE account_id = ? AND id = ?').run(
    input.title,
    input.post,
    now,
    accountId,
    id,
  );
  return result.changes === 0 ? undefined : getJournalEntry(db, accountId, id);
}
