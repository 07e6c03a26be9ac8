// The handler of every operation, keyed by operationId. The generated `Handlers` type makes a missing
// or mistyped entry a compile error.
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import * as contacts from './contacts.js';
import * as notes from './notes.js';
import * as tags from './tags.js';

export const handlers: Handlers<Context> = {
  listContacts: contacts.listContactsHandler,
  getContact: contacts.getContactHandler,
  createContact: contacts.createContactHandler,
  updateContact: contacts.updateContactHandler,
  updateContactWork: contacts.updateContactWorkHandler,
  deleteContact: contacts.deleteContactHandler,
  listContactLogs: contacts.listContactLogsHandler,
  listContactsForTag: contacts.listContactsForTagHandler,
  listTags: tags.listTagsHandler,
  getTag: tags.getTagHandler,
  createTag: tags.createTagHandler,
  updateTag: tags.updateTagHandler,
  deleteTag: tags.deleteTagHandler,
  setContactTags: tags.setContactTagsHandler,
  unsetContactTag: tags.unsetContactTagHandler,
  unsetContactTags: tags.unsetContactTagsHandler,
  listNotes: notes.listNotesHandler,
  listContactNotes: notes.listContactNotesHandler,
  getNote: notes.getNoteHandler,
  createNote: notes.createNoteHandler,
  updateNote: notes.updateNoteHandler,
  deleteNote: notes.deleteNoteHandler,
};
