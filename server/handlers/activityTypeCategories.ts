// Activity type categories: the groups activity types belong to ("Simple activities", "Sport", ...).
import type { ActivityTypeCategoryWrite } from '../../generated/client/types.gen.js';
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { notFound } from '../http/errors.js';
import { presentActivityTypeCategory } from '../present/activityTypeCategories.js';
import { presentDeleted } from '../present/deleted.js';
import {
  createActivityTypeCategory,
  deleteActivityTypeCategory,
  getActivityTypeCategory,
  listActivityTypeCategories,
  updateActivityTypeCategory,
  type ActivityTypeCategoryInput,
} from '../store/activityTypeCategories.js';
import { cleanText } from './input.js';
import { pageRequest, paginate } from './paging.js';
import { listUrl, nowOf, type Handler } from './shared.js';

function categoryInput(body: ActivityTypeCategoryWrite | undefined): ActivityTypeCategoryInput {
  return { name: cleanText(body?.name), translation_key: cleanText(body?.translation_key) };
}

const listActivityTypeCategoriesHandler: Handler<'listActivityTypeCategories'> = ({ context, query }) => {
  const request = pageRequest('listActivityTypeCategories', query);
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

export const activityTypeCategoriesHandlers = {
  listActivityTypeCategories: listActivityTypeCategoriesHandler,
  getActivityTypeCategory: getActivityTypeCategoryHandler,
  createActivityTypeCategory: createActivityTypeCategoryHandler,
  updateActivityTypeCategory: updateActivityTypeCategoryHandler,
  deleteActivityTypeCategory: deleteActivityTypeCategoryHandler,
} satisfies Partial<Handlers<Context>>;
