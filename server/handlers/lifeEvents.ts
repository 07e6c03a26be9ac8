// Life events: what happened in the lives of the account's contacts, each of one of the 43 global life event types.
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { notFound } from '../http/errors.js';
import { presentDeleted } from '../present/deleted.js';
import { presentLifeEvents } from '../present/lifeEvents.js';
import {
  createLifeEvent,
  deleteLifeEvent,
  getLifeEvent,
  getLifeEventTypesByIds,
  listLifeEvents,
  updateLifeEvent,
  type LifeEventRow,
} from '../store/lifeEvents.js';
import { checkDay } from './checks.js';
import { findContactOr404 } from './contacts.js';
import { cleanText, toBool, toInt } from './input.js';
import { pageRequest, paginate } from './paging.js';
import { listUrl, nowOf, type Handler } from './shared.js';


const presentOne = (context: Context, row: LifeEventRow) => presentLifeEvents(context.db, context.caller.accountId, [row], context)[0]!;

/** The id of a life event type; one that names no type answers 404. */
function lifeEventTypeOr404(context: Context, value: unknown): number {
  const id = toInt(value) as number;
  if (!getLifeEventTypesByIds(context.db, [id]).has(id)) throw notFound();
  return id;
}

const listLifeEventsHandler: Handler<'listLifeEvents'> = ({ context, query }) => {
  const request = pageRequest('listLifeEvents', query);
  const page = listLifeEvents(context.db, context.caller.accountId, request.options);
  const data = presentLifeEvents(context.db, context.caller.accountId, page.rows, context);
  return { status: 200, body: paginate(data, page.total, request, listUrl(context, '/lifeevents')) };
};

const getLifeEventHandler: Handler<'getLifeEvent'> = ({ context, path }) => {
  const row = getLifeEvent(context.db, context.caller.accountId, path.id);
  if (!row) throw notFound();
  return { status: 200, body: { data: presentOne(context, row) } };
};

/** The day is checked first, as Monica validates before it looks anything up. Monica answers 200, not 201. */
const createLifeEventHandler: Handler<'createLifeEvent'> = ({ context, body }) => {
  const happenedAt = checkDay('happened at', body.happened_at);
  const contact = findContactOr404(context, toInt(body.contact_id) as number);
  const row = createLifeEvent(
    context.db,
    context.caller.accountId,
    {
      contact_id: contact.id,
      life_event_type_id: lifeEventTypeOr404(context, body.life_event_type_id),
      happened_at: happenedAt,
      name: cleanText(body.name),
      note: cleanText(body.note),
      has_reminder: toBool(body.has_reminder) === true,
      happened_at_month_unknown: toBool(body.happened_at_month_unknown) === true,
      happened_at_day_unknown: toBool(body.happened_at_day_unknown) === true,
    },
    nowOf(context),
  );
  return { status: 200, body: { data: presentOne(context, row) } };
};

/** The event keeps its contact and its reminder. */
const updateLifeEventHandler: Handler<'updateLifeEvent'> = ({ context, path, body }) => {
  const happenedAt = checkDay('happened at', body.happened_at);
  if (!getLifeEvent(context.db, context.caller.accountId, path.id)) throw notFound();
  const type = lifeEventTypeOr404(context, body.life_event_type_id);
  const input = { life_event_type_id: type, happened_at: happenedAt, name: cleanText(body.name), note: cleanText(body.note) };
  const row = updateLifeEvent(context.db, context.caller.accountId, path.id, input, nowOf(context));
  if (!row) throw notFound();
  return { status: 200, body: { data: presentOne(context, row) } };
};

/** The reminder the event added goes with it. */
const deleteLifeEventHandler: Handler<'deleteLifeEvent'> = ({ context, path }) => {
  if (!deleteLifeEvent(context.db, context.caller.accountId, path.id)) throw notFound();
  return { status: 200, body: presentDeleted(path.id) };
};

export const lifeEventsHandlers = {
  listLifeEvents: listLifeEventsHandler,
  createLifeEvent: createLifeEventHandler,
  getLifeEvent: getLifeEventHandler,
  updateLifeEvent: updateLifeEventHandler,
  deleteLifeEvent: deleteLifeEventHandler,
} satisfies Partial<Handlers<Context>>;
