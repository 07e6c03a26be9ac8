/**
 * The account's journal: dated entries with a title and a text, tied to no contact.
 */
import { randomUUID } from 'node:crypto';
import { accountTable, type AccountRow } from './accountTable.js';
import type { Db } from './db.js';

export interface JournalEntryRow extends AccountRow {
  uuid: string | null;
  title: string | null;
  post: string;
  /** The timestamp the entry is filed under: its creation. */
  date: string;
}

export interface JournalEntryInput {
  title: string;
  post: string;
}

const entries = accountTable<JournalEntryRow>('journal_entries');
export const { page: listJournalEntries, get: getJournalEntry, remove: deleteJournalEntry } = entries;
const insertRow = entries.inserter('uuid, title, post, date');
const setRow = entries.updater('title = ?, post = ?');

/** Writes a new entry, filed under `now`. */
export function createJournalEntry(db: Db, accountId: number, input: JournalEntryInput, now: string, uuid: string = randomUUID()): JournalEntryRow {
  return getJournalEntry(db, accountId, insertRow(db, accountId, [uuid, input.title, input.post, now], now))!;
}

/** Replaces an entry's title and text (its date stays); undefined when it is not in the account. */
export function updateJournalEntry(db: Db, accountId: number, id: number, input: JournalEntryInput, now: string): JournalEntryRow | undefined {
  return setRow(db, accountId, id, [input.title, input.post], now);
}
