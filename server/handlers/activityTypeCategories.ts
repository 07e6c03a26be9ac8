// Activity type categories: the groups activity types belong to ("Simple activities", "Sport", ...).
import type { ActivityTypeCategoryWrite } from '../../generated/client/types.gen.js';
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { presentActivityTypeCategory } from '../present/activityTypeCategories.js';
import {
  createActivityTypeCategory,
  deleteActivityTypeCategory,
  getActivityTypeCategory,
  listActivityTypeCategories,
  updateActivityTypeCategory,
  type ActivityTypeCategoryInput,
} from '../store/activityTypeCategories.js';
import { createHandler, deleteHandler, getHandler, listHandler, presentEach, updateHandler } from './crud.js';
import { cleanText } from './input.js';

const categories = presentEach(presentActivityTypeCategory);

function categoryInput(body: ActivityTypeCategoryWrite | undefined): ActivityTypeCategoryInput {
  return { name: cleanText(body?.name), translation_key: cleanText(body?.translation_key) };
}

export const activityTypeCategoriesHandlers = {
  listActivityTypeCategories: listHandler('listActivityTypeCategories', listActivityTypeCategories, categories.rows),
  getActivityTypeCategory: getHandler('getActivityTypeCategory', getActivityTypeCategory, categories.row),
  createActivityTypeCategory: createHandler('createActivityTypeCategory', categoryInput, createActivityTypeCategory, categories.row),
  updateActivityTypeCategory: updateHandler('updateActivityTypeCategory', categoryInput, updateActivityTypeCategory, categories.row),
  deleteActivityTypeCategory: deleteHandler('deleteActivityTypeCategory', deleteActivityTypeCategory),
} satisfies Partial<Handlers<Context>>;
