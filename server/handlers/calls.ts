// Calls with contacts, with their emotions: the account's list, one contact's list, and the writes.
import type { CallCreate, CallUpdate } from '../../generated/client/types.gen.js';
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { notFound } from '../http/errors.js';
import { presentCalls } from '../present/calls.js';
import { presentDeleted } from '../present/deleted.js';
import {
  createCall,
  deleteCall,
  getCall,
  listCalls,
  listCallsForContact,
  updateCall,
  yearlyCallStatistics,
  type CallInput,
  type CallRow,
} from '../store/calls.js';
import { getEmotionsByIds } from '../store/emotions.js';
import { checkDay, refuseArchived } from './checks.js';
import { findContactOr404 } from './contacts.js';
import { calendarDayOf, toBool, toInt } from './input.js';
import { pageRequest, paginate } from './paging.js';
import { listUrl, nowOf, type Handler } from './shared.js';

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

const presentOneCall = (context: Context, row: CallRow) => presentCalls(context.db, context.caller.accountId, [row], context)[0]!;

/** Monica's `meta.statistics`: calls per year of the whole account, `[]` (not `{}`) when there are none. */
function callStatistics(context: Context): Record<string, number> | never[] {
  const stats = yearlyCallStatistics(context.db, context.caller.accountId);
  return Object.keys(stats).length > 0 ? stats : [];
}

const listCallsHandler: Handler<'listCalls'> = ({ context, query }) => {
  const request = pageRequest('listCalls', query);
  const page = listCalls(context.db, context.caller.accountId, request.options);
  const data = presentCalls(context.db, context.caller.accountId, page.rows, context);
  const body = paginate(data, page.total, request, listUrl(context, '/calls'));
  return { status: 200, body: { ...body, meta: { ...body.meta, statistics: callStatistics(context) } } };
};

const listContactCallsHandler: Handler<'listContactCalls'> = ({ context, path, query }) => {
  findContactOr404(context, path.id);
  const request = pageRequest('listContactCalls', query);
  const page = listCallsForContact(context.db, context.caller.accountId, path.id, request.options);
  const data = presentCalls(context.db, context.caller.accountId, page.rows, context);
  const body = paginate(data, page.total, request, listUrl(context, `/contacts/${path.id}/calls`));
  return { status: 200, body: { ...body, meta: { ...body.meta, statistics: callStatistics(context) } } };
};

const getCallHandler: Handler<'getCall'> = ({ context, path }) => {
  const row = getCall(context.db, context.caller.accountId, path.id);
  if (!row) throw notFound();
  return { status: 200, body: { data: presentOneCall(context, row) } };
};

const createCallHandler: Handler<'createCall'> = ({ context, body }) => {
  checkDay('called at', body.called_at);
  const contact = findContactOr404(context, toInt(body.contact_id) as number);
  const input = callInput(context, body);
  refuseArchived(contact);
  const row = createCall(context.db, context.caller.accountId, contact.id, input, nowOf(context));
  if (!row) throw notFound();
  return { status: 201, body: { data: presentOneCall(context, row) } };
};

const updateCallHandler: Handler<'updateCall'> = ({ context, path, body }) => {
  checkDay('called at', body.called_at);
  const existing = getCall(context.db, context.caller.accountId, path.id);
  if (!existing) throw notFound();
  const input = callInput(context, body);
  refuseArchived(findContactOr404(context, existing.contact_id));
  const row = updateCall(context.db, context.caller.accountId, path.id, input, nowOf(context));
  if (!row) throw notFound();
  return { status: 200, body: { data: presentOneCall(context, row) } };
};

const deleteCallHandler: Handler<'deleteCall'> = ({ context, path }) => {
  if (!deleteCall(context.db, context.caller.accountId, path.id, nowOf(context))) throw notFound();
  return { status: 200, body: presentDeleted(path.id) };
};

export const callsHandlers = {
  listCalls: listCallsHandler,
  listContactCalls: listContactCallsHandler,
  getCall: getCallHandler,
  createCall: createCallHandler,
  updateCall: updateCallHandler,
  deleteCall: deleteCallHandler,
} satisfies Partial<Handlers<Context>>;
