// Activity type categories through the generated SDK: create, rename and clear, with the types in them, and what
// deleting a category does to its types and their activities. The four built-in categories are checked with the
// built-in types in activityTypes.test.ts.
import { describe, expect, it } from 'vitest';
import {
  createActivityType,
  createActivityTypeCategory,
  deleteActivityTypeCategory,
  getActivity,
  getActivityType,
  getActivityTypeCategory,
  listActivityTypeCategories,
  updateActivityType,
  updateActivityTypeCategory,
} from '../../generated/client/sdk.gen.js';
import { expectNotFound, ok, TIMESTAMP } from '../helpers/expect.js';
import { newActivity, newContact } from '../helpers/factories.js';
import { serversForFile } from '../helpers/server.js';

const [main] = await serversForFile();

describe('cascades', () => {
  it('deleting a category deletes its types; their activities stay without a type', async () => {
    const a = await newContact(main.demo);
    const category = ok(await createActivityTypeCategory({ client: main.demo, body: { name: 'Water sports' } })).data;
    const t1 = ok(await createActivityType({ client: main.demo, body: { name: 'sailed', activity_type_category_id: category.id } })).data;
    const t2 = ok(await createActivityType({ client: main.demo, body: { name: 'surfed', activity_type_category_id: category.id } })).data;
    const activity = await newActivity(main.demo, { contacts: [a.id], activity_type_id: t2.id });

    expect(ok(await deleteActivityTypeCategory({ client: main.demo, path: { id: category.id } }))).toEqual({ deleted: true, id: category.id });
    expectNotFound(await getActivityTypeCategory({ client: main.demo, path: { id: category.id } }));
    expectNotFound(await getActivityType({ client: main.demo, path: { id: t1.id } }));
    expectNotFound(await getActivityType({ client: main.demo, path: { id: t2.id } }));
    expect(ok(await getActivity({ client: main.demo, path: { id: activity.id } })).data.activity_type).toBeNull();
  });
});

describe('activity types and categories', () => {
  it('create answers 200; a missing name or translation key is cleared on update', async () => {
    const category = ok(await createActivityTypeCategory({ client: main.demo, body: { name: '  Board games  ' } })).data;
    expect(category).toMatchObject({ object: 'activityTypeCategory', name: 'Board games', created_at: main.clock.stamp() });
    expect(category.uuid).toMatch(/^[0-9a-f-]{36}$/);
    const type = ok(await createActivityType({ client: main.demo, body: { name: 'played chess', activity_type_category_id: String(category.id) } })).data;
    expect(type).toMatchObject({ object: 'activityType', name: 'played chess', location_type: null, activity_type_category: category });
    expect(type.created_at).toMatch(TIMESTAMP);

    main.clock.advance(20);
    // A translation key alone names the type after the built-in name.
    const keyed = ok(
      await updateActivityType({ client: main.demo, path: { id: type.id }, body: { activity_type_category_id: category.id, translation_key: 'went_concert' } }),
    ).data;
    expect(keyed).toMatchObject({ name: 'went to a concert', updated_at: main.clock.stamp(), created_at: type.created_at });
    const unnamed = ok(await updateActivityType({ client: main.demo, path: { id: type.id }, body: { activity_type_category_id: category.id } })).data;
    expect(unnamed.name).toBeNull();

    // Moving the type to another category.
    const sport = ok(await listActivityTypeCategories({ client: main.demo })).data.find((c) => c.name === 'Sport')!;
    const moved = ok(
      await updateActivityType({ client: main.demo, path: { id: type.id }, body: { name: 'played chess', activity_type_category_id: sport.id } }),
    ).data;
    expect(moved.activity_type_category).toEqual(sport);

    const renamed = ok(await updateActivityTypeCategory({ client: main.demo, path: { id: category.id }, body: { name: 'Games' } })).data;
    expect(renamed).toMatchObject({ name: 'Games', updated_at: main.clock.stamp() });
    const cleared = ok(await updateActivityTypeCategory({ client: main.demo, path: { id: category.id }, body: {} })).data;
    expect(cleared.name).toBeNull();
    expect(ok(await getActivityTypeCategory({ client: main.demo, path: { id: category.id } })).data).toEqual(cleared);
  });
});
