// Activities through the generated SDK: attendees and emotions, replacement on update, lists with `meta.statistics`,
// `last_activity_together`, what deleting a contact does to its activities, the all-or-nothing writes and validation.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../generated/client/client/index.js';
import {
  createActivity,
  createActivityType,
  createActivityTypeCategory,
  deleteActivity,
  deleteContact,
  getActivity,
  getContact,
  listActivities,
  listContactActivities,
  updateActivity,
} from '../../generated/client/sdk.gen.js';
import type { Activity, ActivityType, ActivityWrite, Contact } from '../../generated/client/types.gen.js';
import { expectNotFound, expectPage, expectValidationError, NOT_FOUND_BODY, ok } from '../helpers/expect.js';
import { allActivities, allTypes, ids, newActivity, newContact, newPartialContact, unchecked } from '../helpers/factories.js';
import { startTestServer, type TestServer, serversForFile } from '../helpers/server.js';

const [main] = await serversForFile();

async function lastActivityTogether(client: Client, contactId: number): Promise<string | null> {
  return (ok(await getContact({ client, path: { id: contactId } })).data as Contact).last_activity_together;
}

async function aBuiltInType(client: Client, name: string): Promise<ActivityType> {
  const type = (await allTypes(client)).find((t) => t.name === name);
  expect(type, name).toBeDefined();
  return type!;
}

describe('activities', () => {
  it('create answers 201 with type, attendees and emotions, and get returns the same activity', async () => {
    const a = await newContact(main.demo);
    const b = await newContact(main.demo);
    const type = await aBuiltInType(main.demo, 'ate at a restaurant');
    const created = ok(
      await createActivity({
        client: main.demo,
        body: {
          activity_type_id: String(type.id),
          summary: '  Dinner downtown  ',
          description: 'We had **ramen**.',
          happened_at: '2024-03-02',
          contacts: [String(b.id), a.id, b.id],
          emotions: ['14', 3],
        },
      }),
      201,
    ).data;
    expect(created).toMatchObject({
      object: 'activity',
      summary: 'Dinner downtown',
      description: 'We had **ramen**.',
      happened_at: '2024-03-02',
      url: `${main.url}/activities/${created.id}`,
      created_at: main.clock.stamp(),
      updated_at: main.clock.stamp(),
    });
    expect(created.activity_type).toEqual(type);
    expect(created.attendees.total).toBe(2);
    expect(ids(created.attendees.contacts)).toEqual([a.id, b.id].sort((x, y) => x - y));
    expect(created.attendees.contacts[0]!.object).toBe('contact');
    expect(created.emotions).toEqual([
      { id: 3, object: 'emotion', name: 'amusement' },
      { id: 14, object: 'emotion', name: 'happiness' },
    ]);
    expect(ok(await getActivity({ client: main.demo, path: { id: created.id } })).data).toEqual(created);
  });

  it('an activity needs no type, description or emotions; a partial contact can attend', async () => {
    const partial = await newPartialContact(main.demo);
    const activity = await newActivity(main.demo, { contacts: [partial.id] });
    expect(activity).toMatchObject({ activity_type: null, description: null, emotions: [] });
    expect(activity.attendees.contacts[0]!.is_partial).toBe(true);
    expect(activity.attendees.contacts[0]).not.toHaveProperty('url');
  });

  it('update replaces type, description and attendees; emotions change only when given', async () => {
    const [a, b, c] = [await newContact(main.demo), await newContact(main.demo), await newContact(main.demo)];
    const type = await aBuiltInType(main.demo, 'went to a bar');
    const activity = await newActivity(main.demo, {
      activity_type_id: type.id,
      description: 'First version',
      contacts: [a.id, b.id],
      emotions: [1, 2],
    });
    main.clock.advance(60);

    const updated = ok(
      await updateActivity({
        client: main.demo,
        path: { id: activity.id },
        body: { summary: 'Second version', happened_at: '2024-05-02', contacts: [b.id, c.id] },
      }),
    ).data;
    expect(updated).toMatchObject({
      summary: 'Second version',
      description: null,
      activity_type: null,
      happened_at: '2024-05-02',
      created_at: activity.created_at,
      updated_at: main.clock.stamp(),
    });
    expect(updated.updated_at).not.toBe(activity.updated_at);
    expect(ids(updated.attendees.contacts)).toEqual([b.id, c.id]);
    expect(ids(updated.emotions)).toEqual([1, 2]);

    const emptyEmotions = ok(
      await updateActivity({
        client: main.demo,
        path: { id: activity.id },
        body: { summary: 'Third', happened_at: '2024-05-02', contacts: [c.id], emotions: [] },
      }),
    ).data;
    expect(ids(emptyEmotions.emotions)).toEqual([1, 2]);
    expect(ids(emptyEmotions.attendees.contacts)).toEqual([c.id]);

    const newEmotions = ok(
      await updateActivity({
        client: main.demo,
        path: { id: activity.id },
        body: { summary: 'Fourth', happened_at: '2024-05-02', contacts: [c.id], emotions: [24], activity_type_id: type.id },
      }),
    ).data;
    expect(ids(newEmotions.emotions)).toEqual([24]);
    expect(newEmotions.activity_type?.id).toBe(type.id);
    // The former attendees no longer list it.
    const ofA = ok(await listContactActivities({ client: main.demo, path: { id: a.id } }));
    expect(ids(ofA.data)).not.toContain(activity.id);

    // Replacing every attendee at once keeps the activity (it is never left without one in between).
    const replaced = ok(
      await updateActivity({
        client: main.demo,
        path: { id: activity.id },
        body: { summary: 'Fifth', happened_at: '2024-05-02', contacts: [a.id] },
      }),
    ).data;
    expect(ids(replaced.attendees.contacts)).toEqual([a.id]);
    expect(ids(replaced.emotions)).toEqual([24]);
    expect(ok(await getActivity({ client: main.demo, path: { id: activity.id } })).data).toEqual(replaced);
  });

  it('delete answers {deleted: true, id}; the activity is gone and its attendees stay', async () => {
    const a = await newContact(main.demo);
    const activity = await newActivity(main.demo, { contacts: [a.id] });
    expect(ok(await deleteActivity({ client: main.demo, path: { id: activity.id } }))).toEqual({ deleted: true, id: activity.id });
    expectNotFound(await getActivity({ client: main.demo, path: { id: activity.id } }));
    expectNotFound(await deleteActivity({ client: main.demo, path: { id: activity.id } }));
    ok(await getContact({ client: main.demo, path: { id: a.id } }));
  });

  it('listContactActivities lists the activities the contact attended; an unknown contact is 404', async () => {
    const a = await newContact(main.demo);
    const b = await newContact(main.demo);
    const both = await newActivity(main.demo, { contacts: [a.id, b.id] });
    const onlyB = await newActivity(main.demo, { contacts: [b.id] });
    const onlyA = await newActivity(main.demo, { contacts: [a.id] });
    const list = ok(await listContactActivities({ client: main.demo, path: { id: a.id } }));
    expect(ids(list.data)).toEqual([both.id, onlyA.id]);
    expect(list.meta).toMatchObject({ total: 2, path: `${main.url}/contacts/${a.id}/activities` });
    expect(ids(ok(await listContactActivities({ client: main.demo, path: { id: b.id } })).data)).toEqual([both.id, onlyB.id]);
    expectNotFound(await listContactActivities({ client: main.demo, path: { id: 999999 } }));
  });
});

describe('lists: pagination, sorting and meta.statistics', () => {
  let server: TestServer;
  let created: Activity[];
  let contact: Contact;

  beforeAll(async () => {
    server = await startTestServer();
    contact = await newContact(server.demo);
    const other = await newContact(server.demo);
    created = [];
    const days = ['2019-12-31', '2020-01-01', '2020-06-30', '2021-02-28'];
    for (let i = 0; i < 17; i += 1) {
      server.clock.advance(1);
      created.push(await newActivity(server.demo, { contacts: [i % 4 === 0 ? other.id : contact.id], happened_at: days[i % 4]! }));
    }
  });

  it('statistics are [] while the account has no activity', async () => {
    const body = ok(await listActivities({ client: server.other }));
    expect(body.data).toEqual([]);
    expect(body.meta.statistics).toEqual([]);
    const own = await newContact(server.other);
    expect(ok(await listContactActivities({ client: server.other, path: { id: own.id } })).meta.statistics).toEqual([]);
  });

  it('pages hold 15 activities, oldest first; statistics count the whole account per year', async () => {
    const list = `${server.url}/activities`;
    const page1 = ok(await listActivities({ client: server.demo }));
    expect(ids(page1.data)).toEqual(ids(created.slice(0, 15)));
    expectPage(page1, list, { current_page: 1, from: 1, to: 15, last_page: 2, per_page: 15, total: 17 });
    const statistics = { '2019': 5, '2020': 8, '2021': 4 };
    expect(page1.meta.statistics).toEqual(statistics);
    const page2 = ok(await listActivities({ client: server.demo, query: { page: 2 } }));
    expect(ids(page2.data)).toEqual(ids(created.slice(15)));
    expect(page2.meta.statistics).toEqual(statistics);

    // The per-contact list pages its own activities but still counts the whole account.
    const mine = created.filter((a) => a.attendees.contacts[0]!.id === contact.id);
    const contactPage = ok(await listContactActivities({ client: server.demo, path: { id: contact.id }, query: { limit: 5, page: 2 } }));
    expect(ids(contactPage.data)).toEqual(ids(mine.slice(5, 10)));
    expect(contactPage.meta).toMatchObject({ total: 12, last_page: 3, per_page: 5, current_page: 2 });
    expect(contactPage.meta.statistics).toEqual(statistics);
  });

  it('sort=-created_at lists newest first; sort=updated_at follows the last update', async () => {
    const desc = ok(await listActivities({ client: server.demo, query: { sort: '-created_at', limit: 100 } }));
    expect(ids(desc.data)).toEqual(ids(created).reverse());
    const contactDesc = ok(await listContactActivities({ client: server.demo, path: { id: contact.id }, query: { sort: '-created_at', limit: 3 } }));
    expect(ids(contactDesc.data)).toEqual(ids(created.filter((a) => a.attendees.contacts[0]!.id === contact.id)).reverse().slice(0, 3));

    server.clock.advance(10);
    const first = created[0]!;
    ok(
      await updateActivity({
        client: server.demo,
        path: { id: first.id },
        body: { summary: 'Touched', happened_at: first.happened_at, contacts: ids(first.attendees.contacts) },
      }),
    );
    const byUpdate = ok(await listActivities({ client: server.demo, query: { sort: 'updated_at', limit: 100 } }));
    expect(ids(byUpdate.data).at(-1)).toBe(first.id);
    const bad = await listActivities({ client: server.demo, query: { sort: unchecked('happened_at') } });
    expect(bad.response.status).toBe(400);
  });
});

describe('last_activity_together', () => {
  it('follows the latest day of the contact’s activities through create, update and delete', async () => {
    const a = await newContact(main.demo);
    const b = await newContact(main.demo);
    expect(await lastActivityTogether(main.demo, a.id)).toBeNull();

    const march = await newActivity(main.demo, { contacts: [a.id, b.id], happened_at: '2024-03-10' });
    expect(await lastActivityTogether(main.demo, a.id)).toBe('2024-03-10T00:00:00.000000Z');
    expect(await lastActivityTogether(main.demo, b.id)).toBe('2024-03-10T00:00:00.000000Z');

    // An older activity does not move it back.
    const january = await newActivity(main.demo, { contacts: [a.id], happened_at: '2024-01-05' });
    expect(await lastActivityTogether(main.demo, a.id)).toBe('2024-03-10T00:00:00.000000Z');

    // Moving the March activity to April, without b: a moves forward, b has no activity left.
    ok(await updateActivity({ client: main.demo, path: { id: march.id }, body: { summary: 'Moved', happened_at: '2024-04-20', contacts: [a.id] } }));
    expect(await lastActivityTogether(main.demo, a.id)).toBe('2024-04-20T00:00:00.000000Z');
    expect(await lastActivityTogether(main.demo, b.id)).toBeNull();

    ok(await deleteActivity({ client: main.demo, path: { id: march.id } }));
    expect(await lastActivityTogether(main.demo, a.id)).toBe('2024-01-05T00:00:00.000000Z');
    ok(await deleteActivity({ client: main.demo, path: { id: january.id } }));
    expect(await lastActivityTogether(main.demo, a.id)).toBeNull();
  });
});

describe('cascades', () => {
  it('deleting a contact removes it from its activities; an activity left without attendees is deleted', async () => {
    const a = await newContact(main.demo);
    const b = await newContact(main.demo);
    const shared = await newActivity(main.demo, { contacts: [a.id, b.id], happened_at: '2024-02-02' });
    const alone = await newActivity(main.demo, { contacts: [a.id], emotions: [5] });

    ok(await deleteContact({ client: main.demo, path: { id: a.id } }));
    const after = ok(await getActivity({ client: main.demo, path: { id: shared.id } })).data;
    expect(after.attendees).toMatchObject({ total: 1 });
    expect(ids(after.attendees.contacts)).toEqual([b.id]);
    expectNotFound(await getActivity({ client: main.demo, path: { id: alone.id } }));
    expect(ids(await allActivities(main.demo))).not.toContain(alone.id);
    expect(await lastActivityTogether(main.demo, b.id)).toBe('2024-02-02T00:00:00.000000Z');
  });
});

describe('references and the all-or-nothing writes', () => {
  it('an unknown contact, type or emotion answers 404 and saves nothing', async () => {
    const a = await newContact(main.demo);
    const before = (await allActivities(main.demo)).length;
    expectNotFound(await createActivity({ client: main.demo, body: { summary: 'x', happened_at: '2024-01-01', contacts: [a.id, 999999] } }));
    expectNotFound(await createActivity({ client: main.demo, body: { summary: 'x', happened_at: '2024-01-01', contacts: [a.id], activity_type_id: 999999 } }));
    expectNotFound(await createActivity({ client: main.demo, body: { summary: 'x', happened_at: '2024-01-01', contacts: [a.id], emotions: [1, 25] } }));
    expect((await allActivities(main.demo)).length).toBe(before);
    expect(await lastActivityTogether(main.demo, a.id)).toBeNull();
    expect(ok(await listContactActivities({ client: main.demo, path: { id: a.id } })).data).toEqual([]);
  });

  it('an update naming an unknown contact or emotion changes nothing', async () => {
    const a = await newContact(main.demo);
    const b = await newContact(main.demo);
    const activity = await newActivity(main.demo, { contacts: [a.id], emotions: [7], happened_at: '2024-02-10' });
    main.clock.advance(5);
    const attempt = (extra: Partial<ActivityWrite>) =>
      updateActivity({
        client: main.demo,
        path: { id: activity.id },
        body: { summary: 'Changed', happened_at: '2024-09-09', contacts: [b.id], ...extra },
      });
    expectNotFound(await attempt({ contacts: [b.id, 999999] }));
    expectNotFound(await attempt({ emotions: [8, 99] }));
    expectNotFound(await attempt({ activity_type_id: 999999 }));
    expect(ok(await getActivity({ client: main.demo, path: { id: activity.id } })).data).toEqual(activity);
    expect(await lastActivityTogether(main.demo, a.id)).toBe('2024-02-10T00:00:00.000000Z');
    expect(await lastActivityTogether(main.demo, b.id)).toBeNull();
  });
});

describe('validation', () => {
  it('missing or empty required fields answer 422 with a message array, and nothing is saved', async () => {
    const a = await newContact(main.demo);
    const before = (await allActivities(main.demo)).length;
    expectValidationError(
      await createActivity({ client: main.demo, body: unchecked({}) }),
      ['The summary field is required.', 'The happened at field is required.', 'The contacts field is required.'],
    );
    const base = { summary: 'x', happened_at: '2024-01-01', contacts: [a.id] };
    const refused: [object, string][] = [
      [{ ...base, summary: '   ' }, 'The summary field is required.'],
      [{ ...base, summary: 'y'.repeat(256) }, 'The summary may not be greater than 255 characters.'],
      [{ ...base, contacts: [] }, 'The contacts must NOT have fewer than 1 items.'],
      [{ ...base, contacts: ['abc'] }, 'The contacts.0 format is invalid.'],
      [{ ...base, happened_at: '2024-02-30' }, 'The happened at does not match the format Y-m-d.'],
      [{ ...base, happened_at: '01/02/2024' }, 'The happened at does not match the format Y-m-d.'],
      [{ ...base, activity_type_id: 0 }, 'The activity type id must be >= 1.'],
      [{ ...base, emotions: ['x'] }, 'The emotions.0 format is invalid.'],
    ];
    for (const [body, message] of refused) expectValidationError(await createActivity({ client: main.demo, body: unchecked(body) }), [message]);
    expect((await allActivities(main.demo)).length).toBe(before);

    const activity = await newActivity(main.demo, { contacts: [a.id] });
    expectValidationError(
      await updateActivity({ client: main.demo, path: { id: activity.id }, body: unchecked({ ...base, happened_at: '2023-02-29' }) }),
      ['The happened at does not match the format Y-m-d.'],
    );
    expect(ok(await getActivity({ client: main.demo, path: { id: activity.id } })).data).toEqual(activity);
    // 2024 is a leap year.
    expect((await newActivity(main.demo, { contacts: [a.id], happened_at: '2024-02-29' })).happened_at).toBe('2024-02-29');

    expectValidationError(
      await createActivityType({ client: main.demo, body: unchecked({ name: 'no category' }) }),
      ['The activity type category id field is required.'],
    );
    expectValidationError(
      await createActivityTypeCategory({ client: main.demo, body: unchecked({ name: 'z'.repeat(256) }) }),
      ['The name may not be greater than 255 characters.'],
    );
  });

  it('a type or category id in the path that is not a positive integer answers 404', async () => {
    const result = await getActivity({ client: main.demo, path: { id: unchecked('abc') } });
    expect(result.response.status).toBe(404);
    expect(result.error).toEqual(NOT_FOUND_BODY);
  });
});
