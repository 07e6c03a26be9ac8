// Journal entries: CRUD over the account's journal. Entries belong to the account, not to a contact.
import type { JournalEntryWrite } from '../../generated/client/types.gen.js';
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { presentJournalEntry } from '../present/journalEntries.js';
import {
  createJournalEntry,
  deleteJournalEntry,
  getJournalEntry,
  listJournalEntries,
  updateJournalEntry,
  type JournalEntryInput,
} from '../store/journalEntries.js';
import { createHandler, deleteHandler, getHandler, listHandler, presentEach, updateHandler } from './crud.js';
import { trimInput } from './input.js';

const entries = presentEach(presentJournalEntry);
const entryInput = (body: JournalEntryWrite): JournalEntryInput => ({ title: trimInput(body.title), post: trimInput(body.post) });

export const journalEntriesHandlers = {
  listJournalEntries: listHandler('listJournalEntries', listJournalEntries, entries.rows),
  getJournalEntry: getHandler('getJournalEntry', getJournalEntry, entries.row),
  createJournalEntry: createHandler('createJournalEntry', entryInput, createJournalEntry, entries.row),
  updateJournalEntry: updateHandler('updateJournalEntry', entryInput, updateJournalEntry, entries.row),
  deleteJournalEntry: deleteHandler('deleteJournalEntry', deleteJournalEntry),
} satisfies Partial<Handlers<Context>>;
