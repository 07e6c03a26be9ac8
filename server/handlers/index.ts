// The handler of every operation, keyed by operationId. The generated `Handlers` type makes a missing
// or mistyped entry a compile error.
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import * as contacts from './contacts.js';
import * as notes from './notes.js';
import * as tags from './tags.js';
import { activityHandlers } from './activities.js';
import { placeHandlers } from './places.js';
import { conversationHandlers } from './conversations.js';
import { moneyAndFileHandlers } from './moneyAndFiles.js';
import { planningHandlers } from './planning.js';
import { peopleHandlers } from './people.js';
import { accountHandlers } from './account.js';


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
  ...activityHandlers,
  ...placeHandlers,
  ...conversationHandlers,
  ...moneyAndFileHandlers,
  ...planningHandlers,
  ...peopleHandlers,
  ...accountHandlers,
};
