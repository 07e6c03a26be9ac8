/**
 * Notes written about contacts.
 */
import { randomUUID } from 'node:crypto';
import { accountTable, childrenOfAccount, contactInAccount, type ContactOwnedRow } from './accountTable.js';
import type { Db } from './db.js';

export interface NoteRow extends ContactOwnedRow {
  body: string;
  is_favorited: number;
  favorited_at: string | null;
}

export interface NoteInput {
  contact_id: number;
  body: string;
  is_favorited?: boolean | null;
}

const notes = accountTable<NoteRow>('notes');
export const { page: listNotes, pageOfContact: listNotesForContact, get: getNote, remove: deleteNote } = notes;
const insertRow = notes.inserter('uuid, contact_id, body, is_favorited, favorited_at');
/** A favourite keeps the moment it first became one. */
const setRow = notes.updater(
  'contact_id = ?, body = ?, is_favorited = ?, favorited_at = CASE WHEN ? = 1 THEN COALESCE(favorited_at, ?) ELSE NULL END',
);

/** Creates a note; returns undefined when the contact is not in the account. */
export function createNote(db: Db, accountId: number, input: NoteInput, now: string): NoteRow | undefined {
  if (!contactInAccount(db, accountId, input.contact_id)) return undefined;
  const favorited = input.is_favorited === true;
  const values = [randomUUID(), input.contact_id, input.body, favorited ? 1 : 0, favorited ? now : null];
  return getNote(db, accountId, insertRow(db, accountId, values, now));
}

/**
 * Replaces a note's body, contact and favourite flag. A true flag keeps the
 * moment the note first became a favourite (or stamps `now` if it was not
 * one); false or absent clears both. Returns undefined when the note or the
 * target contact is not in the account.
 */
export function updateNote(db: Db, accountId: number, id: number, input: NoteInput, now: string): NoteRow | undefined {
  if (!contactInAccount(db, accountId, input.contact_id)) return undefined;
  const favorited = input.is_favorited === true ? 1 : 0;
  return setRow(db, accountId, id, [input.contact_id, input.body, favorited, favorited, now], now);
}

const latestNotes = childrenOfAccount<NoteRow>(
  `SELECT id, account_id, uuid, contact_id, body, is_favorited, favorited_at, created_at, updated_at
     FROM (SELECT n.*, ROW_NUMBER() OVER (PARTITION BY n.contact_id ORDER BY n.created_at DESC, n.id DESC) AS rn
             FROM notes n
            WHERE n.account_id = ? AND n.contact_id IN (SELECT value FROM json_each(?)))
    WHERE rn <= ?
    ORDER BY contact_id, rn`,
  (row) => [row.contact_id, row],
);

/** The newest `perContact` notes of each contact, in one query. */
export function latestNotesForContacts(db: Db, accountId: number, contactIds: Iterable<number>, perContact = 3): Map<number, NoteRow[]> {
  return latestNotes(db, accountId, contactIds, Math.max(0, Math.trunc(perContact)));
}
