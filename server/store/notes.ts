/**
 * Notes written about contacts.
 */
import { randomUUID } from 'node:crypto';
import { childrenByParent, stmt, type Db } from './db.js';
import { accountTable, contactInAccount } from './accountTable.js';

export interface NoteRow {
  id: number;
  account_id: number;
  uuid: string | null;
  contact_id: number;
  body: string;
  is_favorited: number;
  favorited_at: string | null;
  created_at: string | null;
  updated_at: string | null;
}

export interface NoteInput {
  contact_id: number;
  body: string;
  is_favorited?: boolean | null;
}

const notes = accountTable<NoteRow>('notes');
export const listNotes = notes.page;
export const listNotesForContact = notes.pageOfContact;
export const getNote = notes.get;
export const deleteNote = notes.remove;

/** Creates a note; returns undefined when the contact is not in the account. */
export function createNote(db: Db, accountId: number, input: NoteInput, now: string): NoteRow | undefined {
  if (!contactInAccount(db, accountId, input.contact_id)) return undefined;
  const favorited = input.is_favorited === true;
  const result = stmt(
    db,
    `INSERT INTO notes (account_id, uuid, contact_id, body, is_favorited, favorited_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(accountId, randomUUID(), input.contact_id, input.body, favorited ? 1 : 0, favorited ? now : null, now, now);
  return getNote(db, accountId, Number(result.lastInsertRowid));
}

/**
 * Replaces a note's body, contact and favourite flag. A true flag keeps the
 * moment the note first became a favourite (or stamps `now` if it was not
 * one); false or absent clears both. Returns undefined when the note or the
 * target contact is not in the account.
 */
export function updateNote(db: Db, accountId: number, id: number, input: NoteInput, now: string): NoteRow | undefined {
  if (!contactInAccount(db, accountId, input.contact_id)) return undefined;
  const favorited = input.is_favorited === true;
  const result = stmt(
    db,
    `UPDATE notes SET contact_id = ?, body = ?, is_favorited = ?,
            favorited_at = CASE WHEN ? = 1 THEN COALESCE(favorited_at, ?) ELSE NULL END,
            updated_at = ?
      WHERE account_id = ? AND id = ?`,
  ).run(input.contact_id, input.body, favorited ? 1 : 0, favorited ? 1 : 0, now, now, accountId, id);
  return result.changes === 0 ? undefined : getNote(db, accountId, id);
}

/** The newest `perContact` notes of each contact, in one query. */
export function latestNotesForContacts(
  db: Db,
  accountId: number,
  contactIds: Iterable<number>,
  perContact = 3,
): Map<number, NoteRow[]> {
  return childrenByParent(
    contactIds,
    (list) =>
      stmt<NoteRow>(
        db,
        `SELECT id, account_id, uuid, contact_id, body, is_favorited, favorited_at, created_at, updated_at
           FROM (SELECT n.*, ROW_NUMBER() OVER (PARTITION BY n.contact_id ORDER BY n.created_at DESC, n.id DESC) AS rn
                   FROM notes n
                  WHERE n.account_id = ? AND n.contact_id IN (SELECT value FROM json_each(?)))
          WHERE rn <= ?
          ORDER BY contact_id, rn`,
      ).all(accountId, list, Math.max(0, Math.trunc(perContact))),
    (row) => [row.contact_id, row],
  );
}
