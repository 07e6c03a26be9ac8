// Activity types ("ate at their place", "went to a concert", ...), each in a category of the same account.
import type { ActivityTypeWrite } from '../../generated/client/types.gen.js';
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { notFound } from '../http/errors.js';
import { presentActivityType } from '../present/activityTypes.js';
import { presentDeleted } from '../present/deleted.js';
import {
  createActivityType,
  deleteActivityType,
  getActivityType,
  listActivityTypes,
  updateActivityType,
  type ActivityTypeInput,
} from '../store/activityTypes.js';
import { cleanText, toInt } from './input.js';
import { pageRequest, paginate } from './paging.js';
import { listUrl, nowOf, type Handler } from './shared.js';

function activityTypeInput(body: ActivityTypeWrite): ActivityTypeInput {
  return {
    activity_type_category_id: toInt(body.activity_type_category_id) as number,
    name: cleanText(body.name),
    translation_key: cleanText(body.translation_key),
  };
}

const listActivityTypesHandler: Handler<'listActivityTypes'> = ({ context, query }) => {
  const request = pageRequest('listActivityTypes', query);
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

export const activityTypesHandlers = {
  listActivityTypes: listActivityTypesHandler,
  getActivityType: getActivityTypeHandler,
  createActivityType: createActivityTypeHandler,
  updateActivityType: updateActivityTypeHandler,
  deleteActivityType: deleteActivityTypeHandler,
} satisfies Partial<Handlers<Context>>;
