// Activities: what the user did with one or more contacts on a day, with the account's yearly statistics.
import type { ActivityWrite } from '../../generated/client/types.gen.js';
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { validationFailed } from '../http/errors.js';
import { presentActivities } from '../present/activities.js';
import {
  activityStatistics,
  createActivity,
  deleteActivity,
  getActivity,
  listActivities,
  listActivitiesForContact,
  updateActivity,
  type ActivityInput,
} from '../store/activities.js';
import {
  contactListHandler,
  createHandler,
  deleteHandler,
  getHandler,
  listHandler,
  presentInBatches,
  updateHandler,
  yearlyStatistics,
} from './crud.js';
import { cleanText, isCalendarDate, toInt, trimInput } from './input.js';

const activities = presentInBatches(presentActivities);

/** `meta.statistics` of both lists: activities per year of the whole account. */
const statisticsOf = yearlyStatistics(activityStatistics);

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

export const activitiesHandlers = {
  listActivities: listHandler('listActivities', listActivities, activities.rows, statisticsOf),
  listContactActivities: contactListHandler('listContactActivities', listActivitiesForContact, activities.rows, statisticsOf),
  getActivity: getHandler('getActivity', getActivity, activities.row),
  createActivity: createHandler('createActivity', activityInput, createActivity, activities.row),
  updateActivity: updateHandler('updateActivity', activityInput, updateActivity, activities.row),
  deleteActivity: deleteHandler('deleteActivity', deleteActivity),
} satisfies Partial<Handlers<Context>>;
