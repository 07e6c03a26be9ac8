// Reminders through the generated SDK: field rules, replacement on update (never to another contact), a contact's
// list with paging and sorting, delete, archived contacts, and the reminders due in a month.
import { describe, expect, it } from 'vitest';
import { createReminder, deleteContact, deleteReminder, getReminder, listContactReminders, listReminders, listUpcomingReminders, updateReminder } from '../../generated/client/sdk.gen.js';
import type { Reminder, ReminderCreate } from '../../generated/client/types.gen.js';
import { expectNotFound, expectObject, expectValidationError, ok } from '../helpers/expect.js';
import { ids, newContact, newReminder, reminderBody, unchecked } from '../helpers/factories.js';
import { archiveContact, startFilesServer } from '../helpers/filesServer.js';
import { serversForFile, startTestServer, type TestServer } from '../helpers/server.js';

/** Tests that start a server of their own (loading the spec takes a few seconds on a busy machine). */
const SERVER_START_TIMEOUT = 60_000;

const [main] = await serversForFile();

const REMINDER_KEYS = [
  'id', 'uuid', 'object', 'title', 'description', 'frequency_type', 'frequency_number', 'initial_date', 'delible',
  'account', 'contact', 'created_at', 'updated_at',
].sort();

describe('reminders', () => {
  it('create answers 201; initial_date may lie in the past and comes back as a timestamp; get returns the same', async () => {
    const contact = await newContact(main.demo);
    main.clock.advance(30);
    const result = await createReminder({
      client: main.demo,
      body: reminderBody(contact.id, {
        title: '  Call about the wedding  ',
        description: 'Make sure everything is fine.',
        initial_date: '2001-09-09',
        frequency_type: 'week',
        frequency_number: '3',
        next_expected_date: '2001-01-01',
      }),
    });
    const reminder = ok(result, 201).data;
    expectObject(reminder, REMINDER_KEYS, {
      object: 'reminder',
      title: 'Call about the wedding',
      description: 'Make sure everything is fine.',
      frequency_type: 'week',
      frequency_number: 3,
      initial_date: '2001-09-09T00:00:00Z',
      delible: true,
      contact: { id: contact.id, object: 'contact' },
      created_at: main.clock.stamp(),
      updated_at: main.clock.stamp(),
    });
    expect(ok(await getReminder({ client: main.demo, path: { id: reminder.id } })).data).toEqual(reminder);
  });

  it('delible takes lenient booleans; one_time reminders keep the frequency_number they are given', async () => {
    const contact = await newContact(main.demo);
    const fixed = await newReminder(main.demo, contact.id, { delible: '0', frequency_type: 'one_time', frequency_number: 7 });
    expect(fixed).toMatchObject({ delible: false, frequency_type: 'one_time', frequency_number: 7 });
    const nulled = await newReminder(main.demo, contact.id, { delible: null, frequency_type: 'year' });
    expect(nulled.delible).toBe(true);
  });

  it('update replaces every field: left-out description and frequency_number become null, delible true again', async () => {
    const contact = await newContact(main.demo);
    const reminder = await newReminder(main.demo, contact.id, { description: 'Old', frequency_number: 2, delible: false });
    main.clock.advance(60);
    const updated = ok(
      await updateReminder({
        client: main.demo,
        path: { id: reminder.id },
        body: { title: 'New title', initial_date: '2031-03-01', frequency_type: 'year', contact_id: String(contact.id) },
      }),
    ).data;
    expect(updated).toMatchObject({
      id: reminder.id,
      title: 'New title',
      description: null,
      frequency_type: 'year',
      frequency_number: null,
      initial_date: '2031-03-01T00:00:00Z',
      delible: true,
      created_at: reminder.created_at,
      updated_at: main.clock.stamp(),
    });
    expect(updated.updated_at).not.toBe(reminder.updated_at);
  });

  it('a reminder cannot move to another contact: 404, and nothing changes', async () => {
    const contact = await newContact(main.demo);
    const elsewhere = await newContact(main.demo);
    const reminder = await newReminder(main.demo, contact.id);
    expectNotFound(
      await updateReminder({ client: main.demo, path: { id: reminder.id }, body: { ...reminderBody(elsewhere.id), title: 'Moved' } }),
    );
    expectNotFound(
      await updateReminder({ client: main.demo, path: { id: reminder.id }, body: { ...reminderBody(999999999), title: 'Moved' } }),
    );
    expect(ok(await getReminder({ client: main.demo, path: { id: reminder.id } })).data).toEqual(reminder);
    expect(ok(await listContactReminders({ client: main.demo, path: { id: elsewhere.id } })).meta.total).toBe(0);
  });

  it('create for an unknown contact answers 404; unknown reminder ids answer 404 on get, update and delete', async () => {
    const before = ok(await listReminders({ client: main.demo, query: { limit: 1 } })).meta.total;
    expectNotFound(await createReminder({ client: main.demo, body: reminderBody(999999999) }));
    expect(ok(await listReminders({ client: main.demo, query: { limit: 1 } })).meta.total).toBe(before);
    const contact = await newContact(main.demo);
    expectNotFound(await getReminder({ client: main.demo, path: { id: 999999999 } }));
    expectNotFound(await updateReminder({ client: main.demo, path: { id: 999999999 }, body: reminderBody(contact.id) }));
    expectNotFound(await deleteReminder({ client: main.demo, path: { id: 999999999 } }));
    expectNotFound(await listContactReminders({ client: main.demo, path: { id: 999999999 } }));
  });

  it('validation: 422 with a message array for each rule, and nothing is created', async () => {
    const contact = await newContact(main.demo);
    const send = (body: unknown) => createReminder({ client: main.demo, body: unchecked<ReminderCreate>(body) });
    const base = reminderBody(contact.id);
    const { initial_date: _date, ...withoutDate } = base;
    const { frequency_number: _number, ...withoutNumber } = base;
    expectValidationError(await send(withoutDate), ['The initial date field is required.']);
    expectValidationError(await send(withoutNumber), ['The frequency number field is required.']);
    expectValidationError(await send({ ...base, frequency_type: 'day' }), ['The selected frequency type is invalid.']);
    expectValidationError(await send({ ...base, title: '   ' }), ['The title field is required.']);
    expectValidationError(await send({ ...base, initial_date: '2023-02-30' }), ['The initial date does not match the format Y-m-d.']);
    expectValidationError(await send({ ...base, initial_date: '15/01/2030' }), ['The initial date does not match the format Y-m-d.']);
    expectValidationError(await send({ ...base, frequency_number: '3.5' }), ['The frequency number format is invalid.']);
    expectValidationError(await send({ ...base, frequency_number: '99999999999999999999' }), ['The frequency number must be an integer.']);
    expect(ok(await listContactReminders({ client: main.demo, path: { id: contact.id } })).meta.total).toBe(0);

    const reminder = await newReminder(main.demo, contact.id);
    const update = (body: unknown) => updateReminder({ client: main.demo, path: { id: reminder.id }, body: unchecked(body) });
    expectValidationError(await update({ ...base, initial_date: undefined }), ['The initial date field is required.']);
    expect(ok(await getReminder({ client: main.demo, path: { id: reminder.id } })).data).toEqual(reminder);
  });

  it('listContactReminders lists one contact\'s reminders, pages them and sorts them', async () => {
    const contact = await newContact(main.demo);
    const elsewhere = await newContact(main.demo);
    const mine: Reminder[] = [];
    for (let i = 0; i < 3; i += 1) {
      main.clock.advance(10);
      mine.push(await newReminder(main.demo, contact.id));
    }
    await newReminder(main.demo, elsewhere.id);

    const all = ok(await listContactReminders({ client: main.demo, path: { id: contact.id } }));
    expect(ids(all.data)).toEqual(ids(mine));
    expect(all.data.every((r) => r.contact.id === contact.id)).toBe(true);

    const page2 = ok(await listContactReminders({ client: main.demo, path: { id: contact.id }, query: { limit: 2, page: 2 } }));
    expect(ids(page2.data)).toEqual([mine[2]!.id]);
    expect(page2.meta).toMatchObject({ total: 3, per_page: 2, current_page: 2, last_page: 2, from: 3, to: 3 });
    expect(page2.links.prev).toMatch(new RegExp(`/contacts/${contact.id}/reminders\\?page=1$`));

    const desc = ok(await listContactReminders({ client: main.demo, path: { id: contact.id }, query: { sort: '-created_at' } }));
    expect(ids(desc.data)).toEqual(ids(mine).reverse());

    main.clock.advance(10);
    ok(await updateReminder({ client: main.demo, path: { id: mine[0]!.id }, body: reminderBody(contact.id) }));
    const byUpdate = ok(await listContactReminders({ client: main.demo, path: { id: contact.id }, query: { sort: '-updated_at' } }));
    expect(byUpdate.data[0]!.id).toBe(mine[0]!.id);
  });

  it('delete answers {deleted, id} and the reminder is gone; the contact stays', async () => {
    const contact = await newContact(main.demo);
    const reminder = await newReminder(main.demo, contact.id);
    expect(ok(await deleteReminder({ client: main.demo, path: { id: reminder.id } }))).toEqual({ deleted: true, id: reminder.id });
    expectNotFound(await getReminder({ client: main.demo, path: { id: reminder.id } }));
    expect(ok(await listContactReminders({ client: main.demo, path: { id: contact.id } })).meta.total).toBe(0);
  });
});

describe('archived contacts', () => {
  it('reminder writes about an archived contact answer 422 code 32; reads and deletes still work', { timeout: SERVER_START_TIMEOUT }, async () => {
    const server = await startFilesServer();
    try {
      const client = server.demo;
      const contact = await newContact(client);
      const reminder = await newReminder(client, contact.id);
      archiveContact(server.db, contact.id);

      expectValidationError(
        await createReminder({ client, body: reminderBody(contact.id) }),
        ['The contact is archived: it cannot be changed until it is unarchived.'],
      );
      expectValidationError(
        await updateReminder({ client, path: { id: reminder.id }, body: { ...reminderBody(contact.id), title: 'Changed' } }),
        ['The contact is archived: it cannot be changed until it is unarchived.'],
      );
      // Unchanged, but for its contact now showing as archived.
      expect(ok(await getReminder({ client, path: { id: reminder.id } })).data).toEqual({ ...reminder, contact: { ...reminder.contact, is_active: false } });
      expect(ok(await listContactReminders({ client, path: { id: contact.id } })).meta.total).toBe(1);
      ok(await deleteReminder({ client, path: { id: reminder.id } }));
    } finally {
      await server.close();
    }
  });
});

describe('upcoming reminders', () => {
  /** The days and titles `GET /reminders/upcoming/{month}` lists. */
  async function upcoming(server: TestServer | { demo: TestServer['demo'] }, month: number, client = server.demo): Promise<string[]> {
    const body = ok(await listUpcomingReminders({ client, path: { month } }));
    expect(Object.keys(body)).toEqual(['data']);
    return body.data.map((r) => `${r.planned_date.slice(0, 10)} ${r.title}`);
  }

  it('lists each reminder\'s next occurrence in the month asked for, counted from this one, soonest first', { timeout: SERVER_START_TIMEOUT }, async () => {
    // Saturday 15 June 2024, in the user's time zone (UTC for a new user).
    const server = await startTestServer({ startAt: '2024-06-15T10:00:00Z' });
    const contact = await newContact(server.demo);
    const remind = (title: string, initial_date: string, frequency_type: ReminderCreate['frequency_type'], frequency_number = 1) =>
      newReminder(server.demo, contact.id, { title, initial_date, frequency_type, frequency_number });
    const today = await remind('today', '2024-06-15', 'one_time');
    await remind('yesterday', '2024-06-14', 'one_time');
    await remind('next month', '2024-07-01', 'one_time');
    await remind('every other week', '2024-06-01', 'week', 2);
    await remind('month end', '2024-01-31', 'month');
    await remind('birthday', '1990-08-20', 'year');
    await remind('leap day', '2000-02-29', 'year');
    await remind('quarterly', '2024-03-10', 'month', 3);

    expect(await upcoming(server, 0)).toEqual(['2024-06-15 today', '2024-06-15 every other week', '2024-06-30 month end']);
    expect(await upcoming(server, 1)).toEqual(['2024-07-01 next month']);
    expect(await upcoming(server, 2)).toEqual(['2024-08-20 birthday']);
    expect(await upcoming(server, 3)).toEqual(['2024-09-10 quarterly']);
    expect(await upcoming(server, 8)).toEqual(['2025-02-28 leap day']);
    expect(await upcoming(server, 5)).toEqual([]);
    expect(await upcoming(server, -1)).toEqual([]);
    expect(await upcoming(server, 100_000_000)).toEqual([]);

    const [first] = ok(await listUpcomingReminders({ client: server.demo, path: { month: 0 } })).data;
    expect(Object.keys(first!).sort()).toEqual(
      ['id', 'reminder_id', 'object', 'planned_date', 'title', 'description', 'frequency_type', 'frequency_number', 'initial_date', 'delible', 'account', 'contact', 'created_at', 'updated_at'].sort(),
    );
    expect(first).toMatchObject({
      reminder_id: today.id,
      object: 'reminder',
      planned_date: '2024-06-15T00:00:00.000000Z',
      initial_date: '2024-06-15T00:00:00Z',
      frequency_type: 'one_time',
      contact: { id: contact.id },
      created_at: today.updated_at,
    });

    // Later in the month, what is past is no longer due; another account sees none of it.
    server.clock.set('2024-06-20T10:00:00Z');
    expect(await upcoming(server, 0)).toEqual(['2024-06-29 every other week', '2024-06-30 month end']);
    expect(await upcoming(server, 0, server.other)).toEqual([]);
    ok(await deleteContact({ client: server.demo, path: { id: contact.id } }));
    expect(await upcoming(server, 0)).toEqual([]);
  });

  it("counts months and today in the user's time zone", { timeout: SERVER_START_TIMEOUT }, async () => {
    const server = await startFilesServer();
    try {
      const contact = await newContact(server.demo);
      await newReminder(server.demo, contact.id, { title: 'first of July', initial_date: '2024-07-01', frequency_type: 'one_time' });
      server.clock.set('2024-06-30T20:00:00Z');
      expect(await upcoming(server, 0)).toEqual([]);
      expect(await upcoming(server, 1)).toEqual(['2024-07-01 first of July']);
      server.db.prepare('UPDATE users SET timezone = ? WHERE id = ?').run('Pacific/Auckland', server.accounts.demo.userId);
      expect(await upcoming(server, 0)).toEqual(['2024-07-01 first of July']);
    } finally {
      await server.close();
    }
  });

  it('the demo account has reminders due this month and in each of the next two', { timeout: SERVER_START_TIMEOUT }, async () => {
    for (const startAt of ['2024-06-15T10:00:00Z', '2025-01-31T23:30:00Z']) {
      const server = await startTestServer({ demoData: true, startAt });
      for (const month of [0, 1, 2]) expect((await upcoming(server, month)).length, `${startAt} month ${month}`).toBeGreaterThan(0);
    }
  });
});
