/**
 * Reference data every new account starts with, as in a fresh Monica account: three genders, the default contact
 * field types, the built-in activity types (in their categories) and the default relationship types (in their
 * groups). Nothing else: countries, currencies, emotions, the terms, life event categories and types and pet
 * categories are global (with fixed ids, the same in every account), and labels (`home`, `work`, ...)
 * are created on first use, as in Monica.
 */
import { insertActivityTypeCategory } from '../store/activityTypeCategories.js';
import { insertActivityType } from '../store/activityTypes.js';
import { insertContactFieldType } from '../store/contactFieldTypes.js';
import type { Db } from '../store/db.js';
import { insertGender } from '../store/genders.js';
import { insertRelationshipTypes, type GroupSeed } from '../store/relationshipTypes.js';

export const DEFAULT_GENDERS: ReadonlyArray<{ name: string; type: 'M' | 'F' | 'O' }> = [
  { name: 'Man', type: 'M' },
  { name: 'Woman', type: 'F' },
  { name: 'Rather not say', type: 'O' },
];

export const DEFAULT_CONTACT_FIELD_TYPES: ReadonlyArray<{
  name: string;
  fontawesome_icon: string;
  protocol: string | null;
  delible: boolean;
  type: string | null;
}> = [
  { name: 'Email', fontawesome_icon: 'fa fa-envelope-open-o', protocol: 'mailto:', delible: false, type: 'email' },
  { name: 'Phone', fontawesome_icon: 'fa fa-volume-control-phone', protocol: 'tel:', delible: false, type: 'phone' },
  { name: 'Facebook', fontawesome_icon: 'fa fa-facebook-official', protocol: null, delible: true, type: null },
  { name: 'Twitter', fontawesome_icon: 'fa fa-twitter', protocol: null, delible: true, type: null },
  { name: 'Whatsapp', fontawesome_icon: 'fa fa-whatsapp', protocol: null, delible: true, type: null },
  { name: 'Telegram', fontawesome_icon: 'fa fa-telegram', protocol: null, delible: true, type: null },
  { name: 'LinkedIn', fontawesome_icon: 'fa fa-linkedin', protocol: null, delible: true, type: null },
];

/**
 * The categories and types a fresh Monica account has, by translation key (their English names are in
 * `present/activityTypeCategories.ts` and `present/activityTypes.ts`). Like Monica's, they have no name of their own
 * and no timestamps.
 */
export const DEFAULT_ACTIVITY_TYPES: ReadonlyArray<{ category: string; types: readonly string[] }> = [
  { category: 'simple_activities', types: ['just_hung_out', 'watched_movie_at_home', 'talked_at_home'] },
  { category: 'sport', types: ['did_sport_activities_together'] },
  { category: 'food', types: ['ate_at_his_place', 'went_bar', 'ate_at_home', 'picknicked', 'ate_restaurant'] },
  { category: 'cultural_activities', types: ['went_theater', 'went_concert', 'went_play', 'went_museum'] },
];

/**
 * Monica 4.x's default relationship type groups and types (24 types), in its order: each type as `name/reverse`, or
 * `name` alone when it is its own reverse.
 */
const RELATIONSHIP_TYPES: Readonly<Record<string, string>> = {
  love: 'partner spouse date lover inlovewith/lovedby lovedby/inlovewith ex',
  family:
    'parent/child child/parent sibling grandparent/grandchild grandchild/grandparent uncle/nephew nephew/uncle cousin godfather/godson godson/godfather',
  friend: 'friend bestfriend',
  work: 'colleague boss/subordinate subordinate/boss mentor/protege protege/mentor',
};

export const DEFAULT_RELATIONSHIP_TYPES: readonly GroupSeed[] = Object.entries(RELATIONSHIP_TYPES).map(([name, types]) => ({
  name,
  types: types.split(' ').map((type) => {
    const [typeName = type, reverse = typeName] = type.split('/');
    return { name: typeName, reverse };
  }),
}));

/** Inserts the default genders, contact field types, activity types and relationship types for an account. */
export function seedAccountReferenceData(db: Db, accountId: number, now: string): void {
  db.transaction(() => {
    for (const gender of DEFAULT_GENDERS) insertGender(db, accountId, gender, now);
    for (const fieldType of DEFAULT_CONTACT_FIELD_TYPES) insertContactFieldType(db, accountId, fieldType, now);
    for (const group of DEFAULT_ACTIVITY_TYPES) {
      const categoryId = insertActivityTypeCategory(db, accountId, { name: null, translation_key: group.category }, null);
      for (const key of group.types) {
        insertActivityType(db, accountId, { activity_type_category_id: categoryId, name: null, translation_key: key }, null);
      }
    }
    insertRelationshipTypes(db, accountId, DEFAULT_RELATIONSHIP_TYPES, now);
  })();
}
