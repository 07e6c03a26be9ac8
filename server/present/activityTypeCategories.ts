// Activity type categories. Built-in ones have a translation key instead of a name; they are shown with the English
// name Monica's language file gives that key (the API user's language, here always English).
import type { ActivityTypeCategory } from '../../generated/client/types.gen.js';
import type { ActivityTypeCategoryRow } from '../store/activityTypeCategories.js';
import { accountAndTimes } from './context.js';

/** Monica's English names of the built-in categories, by translation key. */
export const CATEGORY_NAMES: Readonly<Record<string, string>> = {
  simple_activities: 'Simple activities',
  sport: 'Sport',
  food: 'Food',
  cultural_activities: 'Cultural activities',
};

/** The name itself when there is one, else the translation of the key, else null (or the empty name). */
export function displayName(name: string | null, key: string | null, names: Readonly<Record<string, string>>): string | null {
  if (name) return name;
  const translated = key ? names[key] : undefined;
  return translated ?? name;
}

export function presentActivityTypeCategory(row: ActivityTypeCategoryRow): ActivityTypeCategory {
  return {
    id: row.id,
    uuid: row.uuid,
    object: 'activityTypeCategory',
    name: displayName(row.name, row.translation_key, CATEGORY_NAMES),
    ...accountAndTimes(row),
  };
}
