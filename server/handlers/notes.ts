// Notes: CRUD over the account's notes, and the notes of one contact.
import type { NoteWrite } from '../../generated/client/types.gen.js';
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { presentNotes } from '../present/notes.js';
import { createNote, deleteNote, getNote, listNotes, listNotesForContact, updateNote, type NoteInput } from '../store/notes.js';
import { findContactOr404 } from './contacts.js';
import { contactListHandler, createHandler, deleteHandler, getHandler, listHandler, presentInBatches, updateHandler } from './crud.js';
import { toBool, toInt } from './input.js';

const notes = presentInBatches(presentNotes);

/** The body as store input; the contact must be one of the caller's (else 404). */
function noteInput(body: NoteWrite, context: Context): NoteInput {
  const contactId = toInt(body.contact_id) as number;
  findContactOr404(context, contactId);
  return { contact_id: contactId, body: body.body, is_favorited: toBool(body.is_favorited) === true };
}

export const notesHandlers = {
  listNotes: listHandler('listNotes', listNotes, notes.rows),
  listContactNotes: contactListHandler('listContactNotes', listNotesForContact, notes.rows),
  getNote: getHandler('getNote', getNote, notes.row),
  createNote: createHandler('createNote', noteInput, createNote, notes.row),
  updateNote: updateHandler('updateNote', noteInput, updateNote, notes.row),
  deleteNote: deleteHandler('deleteNote', deleteNote),
} satisfies Partial<Handlers<Context>>;
