// Journal entries: CRUD over the account's journal. Entries belong to the account, not to a contact.
import type { JournalEntryWrite } from '../../generated/client/types.gen.js';
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { notFound } from '../http/errors.js';
import { presentDeleted } from '../present/deleted.js';
import { presentJournalEntry } from '../present/journalEntries.js';
import {
  createJournalEntry,
  deleteJournalEntry,
  getJournalEntry,
  listJournalEntries,
  updateJournalEntry,
  type JournalEntryInput,
} from '../store/journalEntries.js';
import { trimInput } from './input.js';
import { pageRequest, paginate } from './paging.js';
import { listUrl, nowOf, type Handler } from './shared.js';

const entryInput = (body: JournalEntryWrite): JournalEntryInput => ({ title: trimInput(body.title), post: trimInput(body.post) });

const listJournalEntriesHandler: Handler<'listJournalEntries'> = ({ context, query }) => {
  const request = pageRequest('listJournalEntries', query);
  const page = listJournalEntries(context.db, context.caller.accountId, request.options);
  const data = page.rows.map((row) => presentJournalEntry(row, context));
  return { status: 200, body: paginate(data, page.total, request, listUrl(context, '/journal')) };
};

const getJournalEntryHandler: Handler<'getJournalEntry'> = ({ context, path }) => {
  const row = getJournalEntry(context.db, context.caller.accountId, path.id);
  if (!row) throw notFound();
  return { status: 200, body: { data: presentJournalEntry(row, context) } };
};

const createJournalEntryHandler: Handler<'createJournalEntry'> = ({ context, body }) => {
  const row = createJournalEntry(context.db, context.caller.accountId, entryInput(body), nowOf(context));
  return { status: 201, body: { data: presentJournalEntry(row, context) } };
};

const updateJournalEntryHandler: Handler<'updateJournalEntry'> = ({ context, path, body }) => {
  const row = updateJournalEntry(context.db, context.caller.accountId, path.id, entryInput(body), nowOf(context));
  if (!row) throw notFound();
  return { status: 200, body: { data: presentJournalEntry(row, context) } };
};

const deleteJournalEntryHandler: Handler<'deleteJournalEntry'> = ({ context, path }) => {
  if (!deleteJournalEntry(context.db, context.caller.accountId, path.id)) throw notFound();
  return { status: 200, body: presentDeleted(path.id) };
};

export const journalEntriesHandlers = {
  listJournalEntries: listJournalEntriesHandler,
  getJournalEntry: getJournalEntryHandler,
  createJournalEntry: createJournalEntryHandler,
  updateJournalEntry: updateJournalEntryHandler,
  deleteJournalEntry: deleteJournalEntryHandler,
} satisfies Partial<Handlers<Context>>;
