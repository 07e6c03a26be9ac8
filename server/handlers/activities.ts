// Activities, activity types and activity type categories, keyed by operationId (see handlers/index.ts).
import type {
  ActivityTypeCategoryWrite,
  ActivityTypeWrite,
  ActivityWrite,
} from '../../generated/client/types.gen.js';
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { notFound, validationFailed } from '../http/errors.js';
import { presentActivities } from '../present/activity.js';
import { presentActivityType, presentActivityTypeCategory } from '../present/activityType.js';
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
import {
  createActivityTypeCategory,
  deleteActivityTypeCategory,
  getActivityTypeCategory,
  listActivityTypeCategories,
  updateActivityTypeCategory,
  type ActivityTypeCategoryInput,
} from '../store/activityTypeCategories.js';
import {
  createActivityType,
  deleteActivityType,
  getActivityType,
  listActivityTypes,
  updateActivityType,
  type ActivityTypeInput,
} from '../store/activityTypes.js';
import { findContactOr404 } from './contacts.js';
import { isCalendarDate, toInt, trimInput } from './input.js';
import { pageRequest, paginate } from './paging.js';
import { listUrl, nowOf, type Handler } from './shared.js';

const SORTS = ['created_at', 'updated_at'] as const;

/** Laravel trims every input string and turns an empty one into null. */
function text(value: string | null | undefined): string | null {
  const trimmed = trimInput(value);
  return trimmed ? trimmed : null;
}

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
    description: text(body.description),
    happened_at: body.happened_at,
    contacts: body.contacts.map((id) => toInt(id) as number),
    emotions: body.emotions ? body.emotions.map((id) => toInt(id) as number) : null,
  };
}

// ---------------------------------------------------------------------------
// Activities

const listActivitiesHandler: Handler<'listActivities'> = ({ context, query }) => {
  const request = pageRequest(query, SORTS);
  const page = listActivities(context.db, context.caller.accountId, request.options);
  const data = presentActivities(context.db, context.caller.accountId, page.rows, context);
  const body = paginate(data, page.total, request, listUrl(context, '/activities'));
  return { status: 200, body: { ...body, meta: { ...body.meta, statistics: statisticsOf(context) } } };
};

const listContactActivitiesHandler: Handler<'listContactActivities'> = ({ context, path, query }) => {
  findContactOr404(context, path.id);
  const request = pageRequest(query, SORTS);
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

// ---------------------------------------------------------------------------
// Activity types

function activityTypeInput(body: ActivityTypeWrite): ActivityTypeInput {
  return {
    activity_type_category_id: toInt(body.activity_type_category_id) as number,
    name: text(body.name),
    translation_key: text(body.translation_key),
  };
}

const listActivityTypesHandler: Handler<'listActivityTypes'> = ({ context, query }) => {
  const request = pageRequest(query, SORTS);
  const page = listActivityTypes(context.db, context.caller.accountId, request.options);
  return { status: 200, body: paginate(page.rows.map(presentActivityType), page.total, request, listUrl(context, '/activitytypes')) };
};

const getActivityTypeHandler: Handler<'getActivityType'> = ({ context, path }) => {
  const row = getActivityType(context.db, context.caller.accountId, path.id);
  if (!row) throw notFound();
  return { status: 200, body: { data: presentActivityType(row) } };
};

const createActivityTypeHandler: Handler<'createActivityType'> = ({ context, body }) => {
  const row = createActivityType(context.db, context.caller.accountId, activityTypeInput(body), nowOf(context));
  if (!row) throw notFound();
  return { status: 200, body: { data: presentActivityType(row) } };
};

const updateActivityTypeHandler: Handler<'updateActivityType'> = ({ context, path, body }) => {
  const row = updateActivityType(context.db, context.caller.accountId, path.id, activityTypeInput(body), nowOf(context));
  if (!row) throw notFound();
  return { status: 200, body: { data: presentActivityType(row) } };
};

const deleteActivityTypeHandler: Handler<'deleteActivityType'> = ({ context, path }) => {
  if (!deleteActivityType(context.db, context.caller.accountId, path.id)) throw notFound();
  return { status: 200, body: presentDeleted(path.id) };
};

// ---------------------------------------------------------------------------
// Activity type categories

function categoryInput(body: ActivityTypeCategoryWrite | undefined): ActivityTypeCategoryInput {
  return { name: text(body?.name), translation_key: text(body?.translation_key) };
}

const listActivityTypeCategoriesHandler: Handler<'listActivityTypeCategories'> = ({ context, query }) => {
  const request = pageRequest(query, SORTS);
  const page = listActivityTypeCategories(context.db, context.caller.accountId, request.options);
  const data = page.rows.map(presentActivityTypeCategory);
  return { status: 200, body: paginate(data, page.total, request, listUrl(context, '/activitytypecategories')) };
};

const getActivityTypeCategoryHandler: Handler<'getActivityTypeCategory'> = ({ context, path }) => {
  const row = getActivityTypeCategory(context.db, context.caller.accountId, path.id);
  if (!row) throw notFound();
  return { status: 200, body: { data: presentActivityTypeCategory(row) } };
};

const createActivityTypeCategoryHandler: Handler<'createActivityTypeCategory'> = ({ context, body }) => {
  const row = createActivityTypeCategory(context.db, context.caller.accountId, categoryInput(body), nowOf(context));
  return { status: 200, body: { data: presentActivityTypeCategory(row) } };
};

const updateActivityTypeCategoryHandler: Handler<'updateActivityTypeCategory'> = ({ context, path, body }) => {
  const row = updateActivityTypeCategory(context.db, context.caller.accountId, path.id, categoryInput(body), nowOf(context));
  if (!row) throw notFound();
  return { status: 200, body: { data: presentActivityTypeCategory(row) } };
};

const deleteActivityTypeCategoryHandler: Handler<'deleteActivityTypeCategory'> = ({ context, path }) => {
  if (!deleteActivityTypeCategory(context.db, context.caller.accountId, path.id)) throw notFound();
  return { status: 200, body: presentDeleted(path.id) };
};

export const activityHandlers = {
  listActivities: listActivitiesHandler,
  listContactActivities: listContactActivitiesHandler,
  getActivity: getActivityHandler,
  createActivity: createActivityHandler,
  updateActivity: updateActivityHandler,
  deleteActivity: deleteActivityHandler,
  listActivityTypes: listActivityTypesHandler,
  getActivityType: getActivityTypeHandler,
  createActivityType: createActivityTypeHandler,
  updateActivityType: updateActivityTypeHandler,
  deleteActivityType: deleteActivityTypeHandler,
  listActivityTypeCategories: listActivityTypeCategoriesHandler,
  getActivityTypeCategory: getActivityTypeCategoryHandler,
  createActivityTypeCategory: createActivityTypeCategoryHandler,
  updateActivityTypeCategory: updateActivityTypeCategoryHandler,
  deleteActivityTypeCategory: deleteActivityTypeCategoryHandler,
} satisfies Partial<Handlers<Context>>;
