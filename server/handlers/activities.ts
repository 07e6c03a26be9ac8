// Activities: what the user did with one or more contacts on a day, with the account's yearly statistics.
import type { ActivityWrite } from '../../generated/client/types.gen.js';
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { notFound, validationFailed } from '../http/errors.js';
import { presentActivities } from '../present/activities.js';
import { presentDeleted } from '../present/deleted.js';
import {
  activityStatistics,
  createActivity,
  deleteActivity,
  getActivity,
  listActivities,
  listActivitiesForContact,
  updateActivity,
  type ActivityInput,
  type ActivityRow,
} from '../store/activities.js';
import { findContactOr404 } from './contacts.js';
import { cleanText, isCalendarDate, toInt, trimInput } from './input.js';
import { pageRequest, paginate } from './paging.js';
import { listUrl, nowOf, type Handler } from './shared.js';

const presentOneActivity = (context: Context, row: ActivityRow) =>
  presentActivities(context.db, context.caller.accountId, [row], context)[0]!;

/** `meta.statistics`: activities per year of the whole account; Monica sends `[]` when there are none. */
function statisticsOf(context: Context): Record<string, number> | never[] {
  const stats = activityStatistics(context.db, context.caller.accountId);
  return Object.keys(stats).length > 0 ? stats : [];
}

/** The body as store input, after the check a JSON schema cannot make (422 before any 404, as in Laravel). */
function activityInput(body: ActivityWrite): ActivityInput {
  if (!isCalendarDate(body.happened_at)) throw validationFailed(['The happened at is not a valid date.']);
  return {
    activity_type_id: toInt(body.activity_type_id),
    summary: trimInput(body.summary),
    description: cleanText(body.description),
    happened_at: body.happened_at,
    contacts: body.contacts.map((id) => toInt(id) as number),
    emotions: body.emotions ? body.emotions.map((id) => toInt(id) as number) : null,
  };
}

const listActivitiesHandler: Handler<'listActivities'> = ({ context, query }) => {
  const request = pageRequest('listActivities', query);
  const page = listActivities(context.db, context.caller.accountId, request.options);
  const data = presentActivities(context.db, context.caller.accountId, page.rows, context);
  const body = paginate(data, page.total, request, listUrl(context, '/activities'));
  return { status: 200, body: { ...body, meta: { ...body.meta, statistics: statisticsOf(context) } } };
};

const listContactActivitiesHandler: Handler<'listContactActivities'> = ({ context, path, query }) => {
  findContactOr404(context, path.id);
  const request = pageRequest('listContactActivities', query);
  const page = listActivitiesForContact(context.db, context.caller.accountId, path.id, request.options);
  const data = presentActivities(context.db, context.caller.accountId, page.rows, context);
  const body = paginate(data, page.total, request, listUrl(context, `/contacts/${path.id}/activities`));
  return { status: 200, body: { ...body, meta: { ...body.meta, statistics: statisticsOf(context) } } };
};

const getActivityHandler: Handler<'getActivity'> = ({ context, path }) => {
  const row = getActivity(context.db, context.caller.accountId, path.id);
  if (!row) throw notFound();
  return { status: 200, body: { data: presentOneActivity(context, row) } };
};

const createActivityHandler: Handler<'createActivity'> = ({ context, body }) => {
  const row = createActivity(context.db, context.caller.accountId, activityInput(body), nowOf(context));
  if (!row) throw notFound();
  return { status: 201, body: { data: presentOneActivity(context, row) } };
};

const updateActivityHandler: Handler<'updateActivity'> = ({ context, path, body }) => {
  const row = updateActivity(context.db, context.caller.accountId, path.id, activityInput(body), nowOf(context));
  if (!row) throw notFound();
  return { status: 200, body: { data: presentOneActivity(context, row) } };
};

const deleteActivityHandler: Handler<'deleteActivity'> = ({ context, path }) => {
  if (!deleteActivity(context.db, context.caller.accountId, path.id)) throw notFound();
  return { status: 200, body: presentDeleted(path.id) };
};

export const activitiesHandlers = {
  listActivities: listActivitiesHandler,
  listContactActivities: listContactActivitiesHandler,
  getActivity: getActivityHandler,
  createActivity: createActivityHandler,
  updateActivity: updateActivityHandler,
  deleteActivity: deleteActivityHandler,
} satisfies Partial<Handlers<Context>>;
