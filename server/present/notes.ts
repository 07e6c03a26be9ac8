import type { Note } from '../../generated/client/types.gen.js';
import type { ContactRow } from '../store/contacts.js';
import type { Db } from '../store/db.js';
import type { NoteRow } from '../store/notes.js';
import { contactObject } from './contactSummary.js';
import { apiUrl, bool, type PresentContext } from './context.js';
import { toApiTimestamp } from './dates.js';
import { presentWithContacts } from './withContacts.js';

export type NoteObject = Note;

/** Presents a note; `contact` is the row of the note's contact. */
export function presentNote(row: NoteRow, contact: ContactRow, ctx: PresentContext): NoteObject {
  const fields = {
    body: row.body,
    is_favorited: bool(row.is_favorited),
    favorited_at: toApiTimestamp(row.favorited_at),
    url: apiUrl(ctx, `notes/${row.id}`),
  };
  return contactObject(row, 'note', fields, contact, ctx);
}

/** Presents a page of notes, loading their contacts with one query. */
export function presentNotes(db: Db, accountId: number, rows: readonly NoteRow[], ctx: PresentContext): NoteObject[] {
  return presentWithContacts(db, accountId, rows, 'note', (row, contact) => presentNote(row, contact, ctx));
}
