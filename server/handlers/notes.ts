// Notes: CRUD over the account's notes, and the notes of one contact.
import type { NoteWrite } from '../../generated/client/types.gen.js';
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { notFound } from '../http/errors.js';
import { presentDeleted } from '../present/deleted.js';
import { presentNotes } from '../present/notes.js';
import { createNote, deleteNote, getNote, listNotes, listNotesForContact, updateNote, type NoteInput, type NoteRow } from '../store/notes.js';
import { findContactOr404 } from './contacts.js';
import { toBool, toInt } from './input.js';
import { pageRequest, paginate } from './paging.js';
import { listUrl, nowOf, type Handler } from './shared.js';

const presentOneNote = (context: Context, row: NoteRow) => presentNotes(context.db, context.caller.accountId, [row], context)[0];

/** The body as store input; the contact must be one of the caller's (else 404). */
function noteInput(context: Context, body: NoteWrite): NoteInput {
  const contactId = toInt(body.contact_id) as number;
  findContactOr404(context, contactId);
  return { contact_id: contactId, body: body.body, is_favorited: toBool(body.is_favorited) === true };
}

const listNotesHandler: Handler<'listNotes'> = ({ context, query }) => {
  const request = pageRequest('listNotes', query);
  const page = listNotes(context.db, context.caller.accountId, request.options);
  const data = presentNotes(context.db, context.caller.accountId, page.rows, context);
  return { status: 200, body: paginate(data, page.total, request, listUrl(context, '/notes')) };
};

const listContactNotesHandler: Handler<'listContactNotes'> = ({ context, path, query }) => {
  findContactOr404(context, path.id);
  const request = pageRequest('listContactNotes', query);
  const page = listNotesForContact(context.db, context.caller.accountId, path.id, request.options);
  const data = presentNotes(context.db, context.caller.accountId, page.rows, context);
  return { status: 200, body: paginate(data, page.total, request, listUrl(context, `/contacts/${path.id}/notes`)) };
};

const getNoteHandler: Handler<'getNote'> = ({ context, path }) => {
  const row = getNote(context.db, context.caller.accountId, path.id);
  if (!row) throw notFound();
  return { status: 200, body: { data: presentOneNote(context, row) } };
};

const createNoteHandler: Handler<'createNote'> = ({ context, body }) => {
  const row = createNote(context.db, context.caller.accountId, noteInput(context, body), nowOf(context));
  if (!row) throw notFound();
  return { status: 201, body: { data: presentOneNote(context, row) } };
};

const updateNoteHandler: Handler<'updateNote'> = ({ context, path, body }) => {
  if (!getNote(context.db, context.caller.accountId, path.id)) throw notFound();
  const row = updateNote(context.db, context.caller.accountId, path.id, noteInput(context, body), nowOf(context));
  if (!row) throw notFound();
  return { status: 200, body: { data: presentOneNote(context, row) } };
};

const deleteNoteHandler: Handler<'deleteNote'> = ({ context, path }) => {
  if (!deleteNote(context.db, context.caller.accountId, path.id)) throw notFound();
  return { status: 200, body: presentDeleted(path.id) };
};

export const notesHandlers = {
  listNotes: listNotesHandler,
  listContactNotes: listContactNotesHandler,
  getNote: getNoteHandler,
  createNote: createNoteHandler,
  updateNote: updateNoteHandler,
  deleteNote: deleteNoteHandler,
} satisfies Partial<Handlers<Context>>;
