// Reminders: CRUD over the account's reminders, and the reminders about one contact.
import type { ReminderCreate, ReminderUpdate } from '../../generated/client/types.gen.js';
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { notFound, validationFailed } from '../http/errors.js';
import { presentDeleted } from '../present/deleted.js';
import { presentReminders } from '../present/reminders.js';
import type { ContactRow } from '../store/contacts.js';
import {
  createReminder,
  deleteReminder,
  getReminder,
  listReminders,
  listRemindersForContact,
  updateReminder,
  type ReminderInput,
  type ReminderRow,
} from '../store/reminders.js';
import { refuseArchived } from './checks.js';
import { findContactOr404 } from './contacts.js';
import { cleanText, isCalendarDate, Problems, toBool, toInt, trimInput } from './input.js';
import { pageRequest, paginate } from './paging.js';
import { listUrl, nowOf, type Handler } from './shared.js';

/** Frequencies are stored in a 32-bit column, as in Monica. */
const MAX_FREQUENCY = 2_147_483_647;

const presentOneReminder = (context: Context, row: ReminderRow) =>
  presentReminders(context.db, context.caller.accountId, [row], context)[0]!;

/** A contact that may receive reminder writes: the caller's (else 404) and not archived (else 422). */
function writableContact(context: Context, contactId: number): ContactRow {
  const contact = findContactOr404(context, contactId);
  refuseArchived(contact);
  return contact;
}

/** The checks a JSON schema cannot state, then the body as store input. */
function reminderInput(body: ReminderCreate | ReminderUpdate, contactId: number): ReminderInput {
  const problems = new Problems();
  if (!isCalendarDate(body.initial_date)) problems.add('The initial date does not match the format Y-m-d.');
  const frequency = toInt(body.frequency_number);
  if (frequency !== null && !Number.isSafeInteger(frequency)) problems.add('The frequency number must be an integer.');
  else if (frequency !== null && Math.abs(frequency) > MAX_FREQUENCY) {
    problems.add(`The frequency number may not be greater than ${MAX_FREQUENCY}.`);
  }
  if (problems.any) throw validationFailed(problems.messages);
  return {
    contact_id: contactId,
    title: trimInput(body.title),
    description: cleanText(body.description),
    initial_date: body.initial_date,
    frequency_type: body.frequency_type,
    frequency_number: frequency,
    delible: toBool(body.delible) ?? true,
  };
}

const listRemindersHandler: Handler<'listReminders'> = ({ context, query }) => {
  const request = pageRequest('listReminders', query);
  const page = listReminders(context.db, context.caller.accountId, request.options);
  const data = presentReminders(context.db, context.caller.accountId, page.rows, context);
  return { status: 200, body: paginate(data, page.total, request, listUrl(context, '/reminders')) };
};

const listContactRemindersHandler: Handler<'listContactReminders'> = ({ context, path, query }) => {
  findContactOr404(context, path.id);
  const request = pageRequest('listContactReminders', query);
  const page = listRemindersForContact(context.db, context.caller.accountId, path.id, request.options);
  const data = presentReminders(context.db, context.caller.accountId, page.rows, context);
  return { status: 200, body: paginate(data, page.total, request, listUrl(context, `/contacts/${path.id}/reminders`)) };
};

const getReminderHandler: Handler<'getReminder'> = ({ context, path }) => {
  const row = getReminder(context.db, context.caller.accountId, path.id);
  if (!row) throw notFound();
  return { status: 200, body: { data: presentOneReminder(context, row) } };
};

const createReminderHandler: Handler<'createReminder'> = ({ context, body }) => {
  const contact = writableContact(context, toInt(body.contact_id) as number);
  const row = createReminder(context.db, context.caller.accountId, reminderInput(body, contact.id), nowOf(context));
  if (!row) throw notFound();
  return { status: 201, body: { data: presentOneReminder(context, row) } };
};

const updateReminderHandler: Handler<'updateReminder'> = ({ context, path, body }) => {
  const existing = getReminder(context.db, context.caller.accountId, path.id);
  if (!existing) throw notFound();
  // A reminder cannot move: any contact but its own answers 404, like one that does not exist.
  if (toInt(body.contact_id) !== existing.contact_id) throw notFound();
  writableContact(context, existing.contact_id);
  const row = updateReminder(context.db, context.caller.accountId, path.id, reminderInput(body, existing.contact_id), nowOf(context));
  if (!row) throw notFound();
  return { status: 200, body: { data: presentOneReminder(context, row) } };
};

const deleteReminderHandler: Handler<'deleteReminder'> = ({ context, path }) => {
  if (!deleteReminder(context.db, context.caller.accountId, path.id)) throw notFound();
  return { status: 200, body: presentDeleted(path.id) };
};

export const remindersHandlers = {
  listReminders: listRemindersHandler,
  listContactReminders: listContactRemindersHandler,
  getReminder: getReminderHandler,
  createReminder: createReminderHandler,
  updateReminder: updateReminderHandler,
  deleteReminder: deleteReminderHandler,
} satisfies Partial<Handlers<Context>>;
