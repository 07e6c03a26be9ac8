// Life events through the generated SDK: the 43 built-in types (global, the same ids in every account), any date
// text for the day, the yearly reminder an event can add, lists, validation, account isolation and the demo's events.
import { describe, expect, it } from 'vitest';
import {
  createLifeEvent,
  deleteContact,
  deleteLifeEvent,
  getLifeEvent,
  getReminder,
  listContactReminders,
  listLifeEvents,
  updateLifeEvent,
} from '../../generated/client/sdk.gen.js';
import type { LifeEvent, LifeEventUpdate } from '../../generated/client/types.gen.js';
import { expectError, expectNotFound, expectValidationError, expectVariety, ok } from '../helpers/expect.js';
import { allLifeEvents, collectPages, ids, newContact, newLifeEvent, unchecked } from '../helpers/factories.js';
import { demoObjects, serversForFile } from '../helpers/server.js';

const [main, lists] = await serversForFile(2);

const base = { has_reminder: false, happened_at_month_unknown: false, happened_at_day_unknown: false } as const;

/** What a client sends back after reading an event: its own values, unchanged. */
const readBack = (event: LifeEvent): LifeEventUpdate => ({
  life_event_type_id: event.life_event_type.id,
  happened_at: event.happened_at,
  name: event.name,
  note: event.note,
});

describe('life events', () => {
  it('create answers 200 with the event, its type, the type\'s category and its contact; lenient ids are taken', async () => {
    const contact = await newContact(main.demo);
    const created = ok(
      await createLifeEvent({
        client: main.demo,
        body: { ...base, contact_id: String(contact.id), life_event_type_id: '10', happened_at: '2009-10-10', name: 'Married Pam', note: 'In Niagara.', has_reminder: '0' },
      }),
    ).data;
    expect(created).toMatchObject({
      object: 'lifeevent',
      name: 'Married Pam',
      note: 'In Niagara.',
      happened_at: '2009-10-10T00:00:00Z',
      account: { id: contact.account.id },
      contact: { id: contact.id, object: 'contact' },
      created_at: main.clock.stamp(),
      updated_at: main.clock.stamp(),
    });
    expect(created.life_event_type).toEqual({
      id: 10,
      uuid: '8e1f6a52-4c3b-4d2a-9f7e-000000000010',
      object: 'lifeeventtype',
      name: 'Marriage',
      core_monica_data: true,
      default_life_event_type_key: 'marriage',
      life_event_category: {
        id: 2,
        uuid: '8e1f6a52-4c3b-4d2a-9f7e-00000000c002',
        object: 'lifeeventcategory',
        name: 'Family & relationships',
        core_monica_data: true,
        default_life_event_category_key: 'family_relationships',
        account: { id: contact.account.id },
        created_at: null,
        updated_at: null,
      },
      account: { id: contact.account.id },
      created_at: null,
      updated_at: null,
    });
    expect(ok(await getLifeEvent({ client: main.demo, path: { id: created.id } })).data).toEqual(created);
  });

  it('every account has the same 43 built-in types in five categories, with the ids the docs name', async () => {
    const mine = await newContact(main.demo);
    const theirs = await newContact(main.other);
    const expected: [number, string, string, number, string][] = [
      [1, 'new_job', 'New job', 1, 'work_education'],
      [7, 'military_service', 'Military service', 1, 'work_education'],
      [8, 'new_relationship', 'New relationship', 2, 'family_relationships'],
      [17, 'loss_of_a_loved_one', 'Loss of a loved one', 2, 'family_relationships'],
      [18, 'moved', 'Moved', 3, 'home_living'],
      [23, 'new_roommate', 'New roommate', 3, 'home_living'],
      [24, 'overcame_an_illness', 'Overcame an illness', 4, 'health_wellness'],
      [32, 'dentist', 'Dentist', 4, 'health_wellness'],
      [33, 'new_sport', 'New sport', 5, 'travel_experiences'],
      [43, 'first_kiss', 'First kiss', 5, 'travel_experiences'],
    ];
    for (const [id, key, name, categoryId, categoryKey] of expected) {
      for (const [client, contact] of [[main.demo, mine], [main.other, theirs]] as const) {
        const event = await newLifeEvent(client, contact.id, { life_event_type_id: id });
        expect(event.life_event_type).toMatchObject({ id, default_life_event_type_key: key, name, account: { id: contact.account.id } });
        expect(event.life_event_type.life_event_category).toMatchObject({ id: categoryId, default_life_event_category_key: categoryKey });
      }
    }
    expectNotFound(await createLifeEvent({ client: main.demo, body: { ...base, contact_id: mine.id, life_event_type_id: 44, happened_at: '2024-01-01' } }));
  });

  it('takes the day in any form Monica takes, keeps the day as written and answers it at midnight UTC', async () => {
    const contact = await newContact(main.demo);
    const forms = ['2024-02-03', '2024-02-03T10:00:00', '2024-02-03 10:00:00', '2024-02-03T10:00', '2024-02-03T10:00:00Z', '2024-02-03T10:00:00+02:00',
      '2024-02-03T23:30:00-05:00', '2024-02-03T10:00:00.000000Z', '2024-02-03T00:00:00Z'];
    for (const happened_at of forms) {
      const event = await newLifeEvent(main.demo, contact.id, { happened_at });
      expect(event.happened_at, happened_at).toBe('2024-02-03T00:00:00Z');
    }
  });

  it('refuses a day that does not exist, or text that is no date, with 422 and Laravel\'s sentence, writing nothing', async () => {
    const contact = await newContact(main.demo);
    const event = await newLifeEvent(main.demo, contact.id);
    // For '' 4.x's `required` would answer 'The happened at field is required.'; the server answers the date sentence.
    for (const happened_at of ['2024-02-30', '2024-02-30T10:00:00', '2023-02-29T10:00:00Z', '2024-13-01T00:00:00Z', 'yesterday', '']) {
      const body = { ...base, contact_id: contact.id, life_event_type_id: 1, happened_at };
      expectValidationError(await createLifeEvent({ client: main.demo, body }), ['The happened at is not a valid date.'], happened_at);
      expectValidationError(await updateLifeEvent({ client: main.demo, path: { id: event.id }, body: { life_event_type_id: 1, happened_at } }), ['The happened at is not a valid date.'], happened_at);
    }
    // The day is checked before the contact is looked up, as Monica validates first.
    expectValidationError(await createLifeEvent({ client: main.demo, body: { ...base, contact_id: 99999999, life_event_type_id: 1, happened_at: '2024-02-30' } }), [
      'The happened at is not a valid date.',
    ]);
    expect(ok(await listLifeEvents({ client: main.demo, query: { limit: 100 } })).data.filter((e) => e.contact.id === contact.id)).toEqual([event]);
  });

  it('refuses missing fields, wrong types and a name over 255 characters with 422', async () => {
    const contact = await newContact(main.demo);
    expectValidationError(await createLifeEvent({ client: main.demo, body: unchecked({ contact_id: contact.id }) }), [
      'The life event type id field is required.',
      'The happened at field is required.',
      'The has reminder field is required.',
      'The happened at month unknown field is required.',
      'The happened at day unknown field is required.',
    ]);
    const body = { ...base, contact_id: contact.id, life_event_type_id: 1, happened_at: '2024-01-01' };
    expectValidationError(await createLifeEvent({ client: main.demo, body: { ...body, name: 'x'.repeat(256) } }), ['The name may not be greater than 255 characters.']);
    // 4.x's `boolean` rule would say 'The has reminder field must be true or false.'; the server answers its enum's sentence.
    expectValidationError(await createLifeEvent({ client: main.demo, body: unchecked({ ...body, has_reminder: 'yes' }) }), ['The selected has reminder is invalid.']);
    // 4.x takes 0 as an integer and answers 404 for the type; the contract's minimum refuses it first.
    expectValidationError(await createLifeEvent({ client: main.demo, body: unchecked({ ...body, life_event_type_id: 0 }) }), ['The life event type id must be >= 1.']);
    const event = await newLifeEvent(main.demo, contact.id);
    expectValidationError(await updateLifeEvent({ client: main.demo, path: { id: event.id }, body: unchecked({ name: 'No day' }) }), [
      'The life event type id field is required.',
      'The happened at field is required.',
    ]);
    expect(ok(await getLifeEvent({ client: main.demo, path: { id: event.id } })).data).toEqual(event);
  });

  it('update replaces type, day, name and note (left out: cleared); the event keeps its contact', async () => {
    const contact = await newContact(main.demo);
    const elsewhere = await newContact(main.demo);
    const event = await newLifeEvent(main.demo, contact.id, { name: 'First job', note: 'Paper company' });
    main.clock.advance(60);
    const updated = ok(
      await updateLifeEvent({ client: main.demo, path: { id: event.id }, body: unchecked({ life_event_type_id: 18, happened_at: '2010-05-01T08:00:00Z', contact_id: elsewhere.id }) }),
    ).data;
    expect(updated).toMatchObject({ id: event.id, name: null, note: null, happened_at: '2010-05-01T00:00:00Z', life_event_type: { id: 18, name: 'Moved' } });
    expect(updated.contact.id).toBe(contact.id);
    expect(updated.created_at).toBe(event.created_at);
    expect(updated.updated_at).toBe(main.clock.stamp());
    expectNotFound(await updateLifeEvent({ client: main.demo, path: { id: event.id }, body: { life_event_type_id: 99, happened_at: '2010-05-01' } }));
    expect(ok(await getLifeEvent({ client: main.demo, path: { id: event.id } })).data).toEqual(updated);
  });

  it('takes back what it answered: GET, then PUT the same values, gives 200 and the same day', async () => {
    const contact = await newContact(main.demo);
    const event = await newLifeEvent(main.demo, contact.id, { happened_at: '2019-12-31T23:59:59-08:00', name: 'Moved to Berlin', note: 'By train', life_event_type_id: 18 });
    const read = ok(await getLifeEvent({ client: main.demo, path: { id: event.id } })).data;
    const written = ok(await updateLifeEvent({ client: main.demo, path: { id: event.id }, body: readBack(read) })).data;
    expect(written.happened_at).toBe('2019-12-31T00:00:00Z');
    expect({ ...written, updated_at: read.updated_at }).toEqual(read);
  });

  it('has_reminder adds a yearly reminder on the day, named after the type; it stays on update and goes with the event', async () => {
    const contact = await newContact(main.demo);
    const event = await newLifeEvent(main.demo, contact.id, { life_event_type_id: 10, happened_at: '2015-08-22T16:00:00+02:00', has_reminder: true });
    const reminders = ok(await listContactReminders({ client: main.demo, path: { id: contact.id } })).data;
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({ title: 'Marriage', frequency_type: 'year', frequency_number: 1, initial_date: '2015-08-22T00:00:00Z', delible: true });
    ok(await updateLifeEvent({ client: main.demo, path: { id: event.id }, body: { life_event_type_id: 11, happened_at: '2015-08-23' } }));
    expect(ok(await getReminder({ client: main.demo, path: { id: reminders[0]!.id } })).data.title).toBe('Marriage');
    expect(ok(await deleteLifeEvent({ client: main.demo, path: { id: event.id } }))).toEqual({ deleted: true, id: event.id });
    expectNotFound(await getLifeEvent({ client: main.demo, path: { id: event.id } }));
    expectNotFound(await getReminder({ client: main.demo, path: { id: reminders[0]!.id } }));
    expect(ok(await listContactReminders({ client: main.demo, path: { id: contact.id } })).meta.total).toBe(0);
    expectNotFound(await deleteLifeEvent({ client: main.demo, path: { id: event.id } }));
  });

  it('lists the account\'s events oldest first, pages them, sorts by created_at or updated_at, refuses other sorts', async () => {
    const a = await newContact(lists.demo);
    const b = await newContact(lists.demo);
    const made: LifeEvent[] = [];
    for (const [contact, type] of [[a, 1], [b, 18], [a, 36], [b, 39]] as const) {
      lists.clock.advance(60);
      made.push(await newLifeEvent(lists.demo, contact.id, { life_event_type_id: type }));
    }
    lists.clock.advance(60);
    ok(await updateLifeEvent({ client: lists.demo, path: { id: made[0]!.id }, body: { life_event_type_id: 2, happened_at: '2024-01-01' } }));
    const page = ok(await listLifeEvents({ client: lists.demo, query: { limit: 3 } }));
    expect(ids(page.data)).toEqual(ids(made.slice(0, 3)));
    expect(page.meta).toMatchObject({ total: 4, per_page: 3, last_page: 2, path: `${lists.url}/lifeevents` });
    const all = await collectPages(async (n) => ok(await listLifeEvents({ client: lists.demo, query: { page: n, limit: 3 } })));
    expect(ids(all)).toEqual(ids(made));
    expect(ids(ok(await listLifeEvents({ client: lists.demo, query: { sort: '-created_at' } })).data)).toEqual(ids(made).reverse());
    expect(ids(ok(await listLifeEvents({ client: lists.demo, query: { sort: '-updated_at' } })).data)[0]).toBe(made[0]!.id);
    expectError(await listLifeEvents({ client: lists.demo, query: unchecked({ sort: 'happened_at' }) }), 400, 39);
    expectError(await listLifeEvents({ client: lists.demo, query: unchecked({ sort: '-called_at' }) }), 400, 39);
    expect(ok(await listLifeEvents({ client: lists.other })).meta.total).toBe(0);
  });

  it('another account\'s event or contact is not found: nothing is read, changed or deleted', async () => {
    const contact = await newContact(main.demo);
    const event = await newLifeEvent(main.demo, contact.id, { name: 'Mine', has_reminder: true });
    expectNotFound(await getLifeEvent({ client: main.other, path: { id: event.id } }));
    expectNotFound(await updateLifeEvent({ client: main.other, path: { id: event.id }, body: { life_event_type_id: 2, happened_at: '2020-01-01' } }));
    expectNotFound(await deleteLifeEvent({ client: main.other, path: { id: event.id } }));
    expectNotFound(await createLifeEvent({ client: main.other, body: { ...base, contact_id: contact.id, life_event_type_id: 1, happened_at: '2020-01-01' } }));
    expect(ok(await getLifeEvent({ client: main.demo, path: { id: event.id } })).data).toEqual(event);
    expect(ok(await listLifeEvents({ client: main.other, query: { limit: 100 } })).data.some((e) => e.id === event.id)).toBe(false);
    expect(ok(await listContactReminders({ client: main.demo, path: { id: contact.id } })).meta.total).toBe(1);
  });

  it('deleting the contact deletes its events and their reminders', async () => {
    const contact = await newContact(main.demo);
    const event = await newLifeEvent(main.demo, contact.id, { has_reminder: true });
    const reminder = ok(await listContactReminders({ client: main.demo, path: { id: contact.id } })).data[0]!;
    ok(await deleteContact({ client: main.demo, path: { id: contact.id } }));
    expectNotFound(await getLifeEvent({ client: main.demo, path: { id: event.id } }));
    expectNotFound(await getReminder({ client: main.demo, path: { id: reminder.id } }));
  });
});

describe('demo life events', () => {
  it('the demo account has events of several types on several contacts, some with yearly reminders; the other account none', async () => {
    const { server, objects: events } = await demoObjects(allLifeEvents);
    expectVariety(events, (e) => e.life_event_type.id, { count: 8, contacts: 3, kinds: 5 });
    const anniversaries = events.filter((e) => e.life_event_type.name === 'Marriage');
    expect(anniversaries).not.toHaveLength(0);
    const reminders = ok(await listContactReminders({ client: server.demo, path: { id: anniversaries[0]!.contact.id } })).data;
    expect(reminders.some((r) => r.title === 'Marriage' && r.frequency_type === 'year')).toBe(true);
  }, 60_000);
});

