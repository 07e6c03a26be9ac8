// Activity types, each with its category. Built-in ones have a translation key instead of a name; they are shown
// with the English name Monica's language file gives that key (the API user's language, here always English).
import type { ActivityType } from '../../generated/client/types.gen.js';
import type { ActivityTypeRow } from '../store/activityTypes.js';
import { displayName, presentActivityTypeCategory } from './activityTypeCategories.js';
import { accountAndTimes } from './context.js';

/** Monica's English names of the built-in activity types, by translation key. */
export const TYPE_NAMES: Readonly<Record<string, string>> = {
  just_hung_out: 'just hung out',
  watched_movie_at_home: 'watched a movie at home',
  talked_at_home: 'just talked at home',
  did_sport_activities_together: 'played a sport together',
  ate_at_his_place: 'ate at their place',
  went_bar: 'went to a bar',
  ate_at_home: 'ate at home',
  picknicked: 'picnicked',
  ate_restaurant: 'ate at a restaurant',
  went_theater: 'went to the theater',
  went_concert: 'went to a concert',
  went_play: 'went to a play',
  went_museum: 'went to the museum',
};

export function presentActivityType(row: ActivityTypeRow): ActivityType {
  return {
    id: row.id,
    uuid: row.uuid,
    object: 'activityType',
    name: displayName(row.name, row.translation_key, TYPE_NAMES),
    location_type: row.location_type,
    activity_type_category: presentActivityTypeCategory({
      id: row.activity_type_category_id,
      account_id: row.account_id,
      uuid: row.category_uuid,
      name: row.category_name,
      translation_key: row.category_translation_key,
      created_at: row.category_created_at,
      updated_at: row.category_updated_at,
    }),
    ...accountAndTimes(row),
  };
}
