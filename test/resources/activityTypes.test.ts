// Activity types through the generated SDK: the thirteen built-in types of a new account, paging and sorting, what
// deleting a type does to its activities, and unknown categories.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createActivityType,
  createActivityTypeCategory,
  deleteActivityType,
  deleteActivityTypeCategory,
  getActivity,
  getActivityType,
  getActivityTypeCategory,
  listActivityTypeCategories,
  listActivityTypes,
  updateActivityType,
  updateActivityTypeCategory,
} from '../../generated/client/sdk.gen.js';
import { expectNotFound, ok } from '../helpers/expect.js';
import { allTypes, ids, newActivity, newContact } from '../helpers/factories.js';
import { startTestServer, type TestServer, serversForFile } from '../helpers/server.js';

const [main] = await serversForFile();

const BUILT_IN_TYPES: ReadonlyArray<[category: string, type: string]> = [
  ['Simple activities', 'just hung out'],
  ['Simple activities', 'watched a movie at home'],
  ['Simple activities', 'just talked at home'],
  ['Sport', 'played a sport together'],
  ['Food', 'ate at their place'],
  ['Food', 'went to a bar'],
  ['Food', 'ate at home'],
  ['Food', 'picnicked'],
  ['Food', 'ate at a restaurant'],
  ['Cultural activities', 'went to the theater'],
  ['Cultural activities', 'went to a concert'],
  ['Cultural activities', 'went to a play'],
  ['Cultural activities', 'went to the museum'],
];

describe('built-in activity types', () => {
  it('a new account has the four categories and thirteen types of a fresh Monica account', async () => {
    const server = await startTestServer();
    const categories = ok(await listActivityTypeCategories({ client: server.other }));
    expect(categories.data.map((c) => c.name)).toEqual(['Simple activities', 'Sport', 'Food', 'Cultural activities']);
    expect(categories.meta.total).toBe(4);
    for (const c of categories.data) expect(c).toMatchObject({ object: 'activityTypeCategory', created_at: null, updated_at: null });

    const types = ok(await listActivityTypes({ client: server.other, query: { limit: 100 } }));
    expect(types.data.map((t) => [t.activity_type_category.name, t.name])).toEqual(BUILT_IN_TYPES);
    const category = types.data[0]!.activity_type_category;
    expect(ok(await getActivityTypeCategory({ client: server.other, path: { id: category.id } })).data).toEqual(category);
    expect(ok(await getActivityType({ client: server.other, path: { id: types.data[4]!.id } })).data).toEqual(types.data[4]);

    // The two accounts have their own copies.
    const demoTypes = await allTypes(server.demo);
    expect(demoTypes.map((t) => t.name)).toEqual(BUILT_IN_TYPES.map(([, t]) => t));
    expect(ids(demoTypes).filter((id) => ids(types.data).includes(id))).toEqual([]);
  });
});

describe('lists: pagination, sorting and meta.statistics', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });

  it('activity types and categories page and sort too', async () => {
    server.clock.advance(5);
    const category = ok(await createActivityTypeCategory({ client: server.demo, body: { name: 'Outdoors' } })).data;
    server.clock.advance(5);
    const type = ok(await createActivityType({ client: server.demo, body: { name: 'went hiking', activity_type_category_id: category.id } })).data;
    const types = ok(await listActivityTypes({ client: server.demo }));
    expect(types.meta).toMatchObject({ total: 14, per_page: 15, last_page: 1 });
    expect(ids(types.data).at(-1)).toBe(type.id);
    expect(ok(await listActivityTypes({ client: server.demo, query: { sort: '-created_at', limit: 1 } })).data[0]!.id).toBe(type.id);
    const categories = ok(await listActivityTypeCategories({ client: server.demo, query: { sort: '-created_at', limit: 2, page: 1 } }));
    expect(categories.data[0]!.id).toBe(category.id);
    expect(categories.meta).toMatchObject({ total: 5, last_page: 3 });
  });
});

describe('cascades', () => {
  it('deleting a type keeps its activities without a type', async () => {
    const a = await newContact(main.demo);
    const categories = ok(await listActivityTypeCategories({ client: main.demo })).data;
    const type = ok(await createActivityType({ client: main.demo, body: { name: 'went kayaking', activity_type_category_id: categories[1]!.id } })).data;
    const activity = await newActivity(main.demo, { contacts: [a.id], activity_type_id: type.id });
    expect(ok(await deleteActivityType({ client: main.demo, path: { id: type.id } }))).toEqual({ deleted: true, id: type.id });
    expectNotFound(await getActivityType({ client: main.demo, path: { id: type.id } }));
    const after = ok(await getActivity({ client: main.demo, path: { id: activity.id } })).data;
    expect(after.activity_type).toBeNull();
    expect(after.updated_at).toBe(activity.updated_at);
  });
});

describe('activity types and categories', () => {
  it('an unknown category answers 404 and creates nothing', async () => {
    const before = (await allTypes(main.demo)).length;
    expectNotFound(await createActivityType({ client: main.demo, body: { name: 'nowhere', activity_type_category_id: 999999 } }));
    const type = (await allTypes(main.demo))[0]!;
    expectNotFound(await updateActivityType({ client: main.demo, path: { id: type.id }, body: { name: 'x', activity_type_category_id: 999999 } }));
    expect((await allTypes(main.demo)).length).toBe(before);
    expect(ok(await getActivityType({ client: main.demo, path: { id: type.id } })).data).toEqual(type);
    expectNotFound(await updateActivityTypeCategory({ client: main.demo, path: { id: 999999 }, body: { name: 'x' } }));
    expectNotFound(await deleteActivityType({ client: main.demo, path: { id: 999999 } }));
    expectNotFound(await deleteActivityTypeCategory({ client: main.demo, path: { id: 999999 } }));
  });
});
