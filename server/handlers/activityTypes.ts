// Activity types ("ate at their place", "went to a concert", ...), each in a category of the same account.
import type { ActivityTypeWrite } from '../../generated/client/types.gen.js';
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { presentActivityType } from '../present/activityTypes.js';
import {
  createActivityType,
  deleteActivityType,
  getActivityType,
  listActivityTypes,
  updateActivityType,
  type ActivityTypeInput,
} from '../store/activityTypes.js';
import { createHandler, deleteHandler, getHandler, listHandler, presentEach, updateHandler } from './crud.js';
import { cleanText, toInt } from './input.js';

const activityTypes = presentEach(presentActivityType);

function activityTypeInput(body: ActivityTypeWrite): ActivityTypeInput {
  return {
    activity_type_category_id: toInt(body.activity_type_category_id) as number,
    name: cleanText(body.name),
    translation_key: cleanText(body.translation_key),
  };
}

export const activityTypesHandlers = {
  listActivityTypes: listHandler('listActivityTypes', listActivityTypes, activityTypes.rows),
  getActivityType: getHandler('getActivityType', getActivityType, activityTypes.row),
  createActivityType: createHandler('createActivityType', activityTypeInput, createActivityType, activityTypes.row),
  updateActivityType: updateHandler('updateActivityType', activityTypeInput, updateActivityType, activityTypes.row),
  deleteActivityType: deleteHandler('deleteActivityType', deleteActivityType),
} satisfies Partial<Handlers<Context>>;
