// Calls with contacts, with their emotions: the account's list, one contact's list, and the writes.
import type { CallCreate, CallUpdate } from '../../generated/client/types.gen.js';
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { notFound } from '../http/errors.js';
import { presentCalls } from '../present/calls.js';
import {
  createCall,
  deleteCall,
  getCall,
  listCalls,
  listCallsForContact,
  updateCall,
  yearlyCallStatistics,
  type CallInput,
} from '../store/calls.js';
import { getEmotionsByIds } from '../store/emotions.js';
import { checkDay, refuseArchived } from './checks.js';
import { findContactOr404 } from './contacts.js';
import {
  contactListHandler,
  createHandler,
  deleteHandler,
  findOr404,
  forContact,
  getHandler,
  listHandler,
  presentInBatches,
  updateHandler,
  yearlyStatistics,
  type ForContact,
} from './crud.js';
import { calendarDayOf, toBool, toInt } from './input.js';

/** The emotion ids of a body, each once and in order; an id that names no emotion answers 404 (nothing written). */
function emotionIdsOr404(context: Context, emotions: CallCreate['emotions']): number[] {
  const ids = [...new Set((emotions ?? []).map((e) => toInt(e) as number))];
  if (ids.length > 0 && getEmotionsByIds(context.db, ids).size !== ids.length) throw notFound();
  return ids;
}

/** The body as store input; its day has passed `checkDay` already, and is kept as written (`YYYY-MM-DD`). */
function callInput(context: Context, body: CallCreate | CallUpdate): CallInput {
  return {
    called_at: calendarDayOf(body.called_at)!,
    content: body.content ?? null,
    contact_called: toBool(body.contact_called) === true,
    emotions: emotionIdsOr404(context, body.emotions),
  };
}

const calls = presentInBatches(presentCalls);

/** Monica's `meta.statistics` of both lists: calls per year of the whole account. */
const callStatistics = yearlyStatistics(yearlyCallStatistics);

/** The day is checked before any look-up; an archived contact is refused after the emotions are. */
function newCallInput(body: CallCreate, context: Context): ForContact<CallInput> {
  checkDay('called at', body.called_at);
  const contact = findContactOr404(context, toInt(body.contact_id) as number);
  const input = callInput(context, body);
  refuseArchived(contact);
  return { contactId: contact.id, input };
}

/** A call keeps its contact, which may not be archived. */
function callUpdateInput(body: CallUpdate, context: Context, id: number): CallInput {
  checkDay('called at', body.called_at);
  const existing = findOr404(context, getCall, id);
  const input = callInput(context, body);
  refuseArchived(findContactOr404(context, existing.contact_id));
  return input;
}

export const callsHandlers = {
  listCalls: listHandler('listCalls', listCalls, calls.rows, callStatistics),
  listContactCalls: contactListHandler('listContactCalls', listCallsForContact, calls.rows, callStatistics),
  getCall: getHandler('getCall', getCall, calls.row),
  createCall: createHandler('createCall', newCallInput, forContact(createCall), calls.row),
  updateCall: updateHandler('updateCall', callUpdateInput, updateCall, calls.row),
  deleteCall: deleteHandler('deleteCall', deleteCall),
} satisfies Partial<Handlers<Context>>;
