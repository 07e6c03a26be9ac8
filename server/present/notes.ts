import type { Note } from '../../generated/client/types.gen.js';
import { getContactsByIds, type ContactRow } from '../store/contacts.js';
import type { Db } from '../store/db.js';
import type { NoteRow } from '../store/notes.js';
import { contactAndTimes } from './contactSummary.js';
import { apiUrl, bool, type PresentContext } from './context.js';
import { toApiTimestamp } from './dates.js';

export type NoteObject = Note;

/** Presents a note; `contact` is the row of the note's contact. */
export function presentNote(row: NoteRow, contact: ContactRow, ctx: PresentContext): NoteObject {
  return {
    id: row.id,
    uuid: row.uuid,
    object: 'note',
    body: row.body,
    is_favorited: bool(row.is_favorited),
    favorited_at: toApiTimestamp(row.favorited_at),
    url: apiUrl(ctx, `notes/${row.id}`),
    ...contactAndTimes(row, contact, ctx),
  };
}

/** Presents a page of notes, loading their contacts with one query. */
export function presentNotes(db: Db, accountId: number, rows: readonly NoteRow[], ctx: PresentContext): NoteObject[] {
  const contacts = getContactsByIds(db, accountId, rows.map((n) => n.contact_id));
  return rows.map((row) => {
    const contact = contacts.get(row.contact_id);
    if (!contact) throw new Error(`note ${row.id} refers to a contact outside account ${accountId}`);
    return presentNote(row, contact, ctx);
  });
}
