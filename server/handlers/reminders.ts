// Reminders: CRUD over the account's reminders, and the reminders about one contact.
import type { ReminderCreate, ReminderUpdate } from '../../generated/client/types.gen.js';
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { notFound, validationFailed } from '../http/errors.js';
import { formatDateIn } from '../present/dates.js';
import { presentReminders, presentUpcomingReminder } from '../present/reminders.js';
import { presentWithContacts } from '../present/withContacts.js';
import type { ContactRow } from '../store/contacts.js';
import { getUserProfile } from '../store/user.js';
import {
  allReminders,
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
import { contactListHandler, createHandler, deleteHandler, findingFirst, getHandler, listHandler, presentInBatches, updateHandler } from './crud.js';
import { cleanText, isCalendarDate, Problems, toBool, toInt, trimInput } from './input.js';
import type { Handler } from './shared.js';

/** Frequencies are stored in a 32-bit column, as in Monica. */
const MAX_FREQUENCY = 2_147_483_647;

const reminders = presentInBatches(presentReminders);

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

/** A new reminder's contact must be writable. */
function newReminderInput(body: ReminderCreate, context: Context): ReminderInput {
  return reminderInput(body, writableContact(context, toInt(body.contact_id) as number).id);
}

/** A reminder cannot move: any contact but its own answers 404, like one that does not exist. */
function reminderUpdateInput(body: ReminderUpdate, context: Context, existing: ReminderRow): ReminderInput {
  if (toInt(body.contact_id) !== existing.contact_id) throw notFound();
  writableContact(context, existing.contact_id);
  return reminderInput(body, existing.contact_id);
}

// ---------------------------------------------------------------------------
// Upcoming reminders: days are handled as UTC midnights (milliseconds), the calendar of the user's time zone.

const DAY_MS = 24 * 60 * 60 * 1000;

const dayMs = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));

/** The day `months` months after `ms`, on the same day of the month or the month's last day (Jan 31 + 1 = Feb 28/29). */
function monthsLater(ms: number, months: number): number {
  const d = new Date(ms);
  const first = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months + 1, 0)).getUTCDate();
  return first + (Math.min(d.getUTCDate(), last) - 1) * DAY_MS;
}

/** The first occurrence of the reminder on or after `todayMs`, or null when there is none (or it is out of reach). */
function nextOccurrence(row: ReminderRow, todayMs: number): number | null {
  const initial = dayMs(row.initial_date);
  if (Number.isNaN(initial)) return null;
  if (initial >= todayMs) return initial;
  const every = Math.max(1, row.frequency_number ?? 1);
  if (row.frequency_type === 'one_time') return null;
  if (row.frequency_type === 'week') return initial + Math.ceil((todayMs - initial) / (every * 7 * DAY_MS)) * every * 7 * DAY_MS;
  const months = row.frequency_type === 'year' ? every * 12 : every;
  const a = new Date(initial);
  const b = new Date(todayMs);
  let k = Math.max(0, Math.floor(((b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth()) / months));
  let next = monthsLater(initial, k * months);
  while (next < todayMs) next = monthsLater(initial, ++k * months);
  return Number.isNaN(next) ? null : next;
}

/**
 * The reminders due in month `month` from the current one (in the user's time zone), soonest first: each
 * reminder's next occurrence from today on, when it falls in that month (Monica plans one occurrence at a time).
 */
const listUpcomingRemindersHandler: Handler<'listUpcomingReminders'> = ({ context, path }) => {
  const { accountId, userId } = context.caller;
  const todayMs = dayMs(formatDateIn(context.now(), getUserProfile(context.db, accountId, userId)?.timezone ?? null));
  const today = new Date(todayMs);
  const monthStart = Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + path.month, 1);
  const monthEnd = Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + path.month + 1, 1);
  // A past month has nothing due; the API's dates have four-digit years.
  if (path.month < 0 || !(monthEnd <= Date.UTC(10000, 0, 1))) return { status: 200, body: { data: [] } };
  const due = allReminders(context.db, accountId)
    .map((row) => ({ ...row, due: nextOccurrence(row, todayMs) }))
    .filter((row): row is ReminderRow & { due: number } => row.due !== null && row.due >= monthStart && row.due < monthEnd)
    .sort((x, y) => x.due - y.due || x.id - y.id);
  const data = presentWithContacts(context.db, accountId, due, 'reminder', (row, contact) =>
    presentUpcomingReminder(row, new Date(row.due).toISOString().slice(0, 10), contact, context),
  );
  return { status: 200, body: { data } };
};

export const remindersHandlers = {
  listReminders: listHandler('listReminders', listReminders, reminders.rows),
  listContactReminders: contactListHandler('listContactReminders', listRemindersForContact, reminders.rows),
  getReminder: getHandler('getReminder', getReminder, reminders.row),
  createReminder: createHandler('createReminder', newReminderInput, createReminder, reminders.row),
  updateReminder: updateHandler('updateReminder', findingFirst(getReminder, reminderUpdateInput), updateReminder, reminders.row),
  deleteReminder: deleteHandler('deleteReminder', deleteReminder),
  listUpcomingReminders: listUpcomingRemindersHandler,
} satisfies Partial<Handlers<Context>>;
