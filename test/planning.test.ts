// Reminders, tasks and journal entries through the generated SDK: what one Dredd example per status cannot show
// (field rules, completed_at, sorting and paging, account isolation, cascades, archived contacts, demo data).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createJournalEntry,
  createReminder,
  createTask,
  deleteContact,
  deleteJournalEntry,
  deleteReminder,
  deleteTask,
  getJournalEntry,
  getReminder,
  getTask,
  listContactReminders,
  listContactTasks,
  listJournalEntries,
  listReminders,
  listTasks,
  updateJournalEntry,
  updateReminder,
  updateTask,
} from '../generated/client/sdk.gen.js';
import type { Client } from '../generated/client/client/index.js';
import type { Reminder, ReminderCreate, Task } from '../generated/client/types.gen.js';
import { openDatabase } from '../server/store/db.js';
import { createAccount } from '../server/store/accounts.js';
import { createContact } from '../server/store/contacts.js';
import { createReminder as storeCreateReminder } from '../server/store/reminders.js';
import { countRowsPerContact, statisticsForContacts } from '../server/store/statistics.js';
import { createTask as storeCreateTask } from '../server/store/tasks.js';
import { expectNotFound, expectValidationError, ok, TIMESTAMP } from './helpers/expect.js';
import { collectPages, ids, newContact, uniqueWord, unchecked } from './helpers/factories.js';
import { archiveContact, startFilesServer } from './helpers/filesServer.js';
import { closeTestServers, startTestServer, type TestServer } from './helpers/server.js';

afterAll(closeTestServers);

/** Tests that start a server of their own (loading the spec takes a few seconds on a busy machine). */
const SERVER_START_TIMEOUT = 60_000;

let main: TestServer;
beforeAll(async () => {
  main = await startTestServer();
}, SERVER_START_TIMEOUT);

const REMINDER_KEYS = [
  'id', 'uuid', 'object', 'title', 'description', 'frequency_type', 'frequency_number', 'initial_date', 'delible',
  'account', 'contact', 'created_at', 'updated_at',
].sort();
const TASK_KEYS = [
  'id', 'uuid', 'object', 'title', 'description', 'completed', 'completed_at', 'account', 'contact', 'created_at', 'updated_at',
].sort();
const ENTRY_KEYS = ['id', 'uuid', 'object', 'title', 'post', 'date', 'url', 'account', 'created_at', 'updated_at'].sort();

function reminderBody(contactId: number, overrides: Partial<ReminderCreate> = {}): ReminderCreate {
  return { title: `Reminder ${uniqueWord()}`, initial_date: '2030-01-15', frequency_type: 'month', frequency_number: 1, contact_id: contactId, ...overrides };
}

async function newReminder(client: Client, contactId: number, overrides: Partial<ReminderCreate> = {}): Promise<Reminder> {
  return ok(await createReminder({ client, body: reminderBody(contactId, overrides) }), 201).data;
}

async function newTask(client: Client, contactId: number | null, title = `Task ${uniqueWord()}`): Promise<Task> {
  return ok(await createTask({ client, body: { title, ...(contactId === null ? {} : { contact_id: contactId }) } })).data;
}

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
    expect(Object.keys(reminder).sort()).toEqual(REMINDER_KEYS);
    expect(reminder).toMatchObject({
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
    expect(expectValidationError(await send(withoutDate))).toContain('The initial date field is required.');
    expect(expectValidationError(await send(withoutNumber))).toContain('The frequency number field is required.');
    expect(expectValidationError(await send({ ...base, frequency_type: 'day' }))).toContain('The selected frequency type is invalid.');
    expect(expectValidationError(await send({ ...base, title: '   ' }))).toContain('The title field is required.');
    expect(expectValidationError(await send({ ...base, initial_date: '2023-02-30' }))).toEqual([
      'The initial date does not match the format Y-m-d.',
    ]);
    expect(expectValidationError(await send({ ...base, initial_date: '15/01/2030' })).length).toBeGreaterThan(0);
    expect(expectValidationError(await send({ ...base, frequency_number: '3.5' })).length).toBeGreaterThan(0);
    expect(expectValidationError(await send({ ...base, frequency_number: '99999999999999999999' }))).toEqual([
      'The frequency number must be an integer.',
    ]);
    expect(ok(await listContactReminders({ client: main.demo, path: { id: contact.id } })).meta.total).toBe(0);

    const reminder = await newReminder(main.demo, contact.id);
    const update = (body: unknown) => updateReminder({ client: main.demo, path: { id: reminder.id }, body: unchecked(body) });
    expect(expectValidationError(await update({ ...base, initial_date: undefined }))).toContain('The initial date field is required.');
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

describe('tasks', () => {
  it('create answers 200 and ignores completed and completed_at: a new task is never done', async () => {
    const contact = await newContact(main.demo);
    const result = await createTask({
      client: main.demo,
      body: { title: 'Bring back the table', description: 'Borrowed ages ago', contact_id: String(contact.id), completed: true, completed_at: '1970-03-03' },
    });
    const task = ok(result, 200).data;
    expect(Object.keys(task).sort()).toEqual(TASK_KEYS);
    expect(task).toMatchObject({
      object: 'task',
      title: 'Bring back the table',
      description: 'Borrowed ages ago',
      completed: false,
      completed_at: null,
      contact: { id: contact.id },
      created_at: main.clock.stamp(),
    });
    expect(ok(await getTask({ client: main.demo, path: { id: task.id } })).data).toEqual(task);
  });

  it('a task without contact_id (or with null) is about no one', async () => {
    const loose = ok(await createTask({ client: main.demo, body: { title: 'Renew passport' } })).data;
    expect(loose.contact).toBeNull();
    const nulled = ok(await createTask({ client: main.demo, body: { title: 'Plan the barbecue', contact_id: null } })).data;
    expect(nulled.contact).toBeNull();
    expect(ok(await getTask({ client: main.demo, path: { id: loose.id } })).data.contact).toBeNull();
    const listed = await collectPages(async (page) => ok(await listTasks({ client: main.demo, query: { page, limit: 100 } })));
    expect(ids(listed)).toEqual(expect.arrayContaining([loose.id, nulled.id]));
  });

  it('completed true stamps completed_at with the time of the update (again on each update); false clears it', async () => {
    const contact = await newContact(main.demo);
    const task = await newTask(main.demo, contact.id);
    main.clock.advance(120);
    const done = ok(await updateTask({ client: main.demo, path: { id: task.id }, body: { title: 'Done', completed: true, completed_at: '1970-03-03' } })).data;
    expect(done).toMatchObject({ title: 'Done', completed: true, completed_at: main.clock.stamp(), updated_at: main.clock.stamp(), contact: { id: contact.id } });

    main.clock.advance(120);
    const again = ok(await updateTask({ client: main.demo, path: { id: task.id }, body: { title: 'Done', completed: '1' } })).data;
    expect(again.completed_at).toBe(main.clock.stamp());
    expect(again.completed_at).not.toBe(done.completed_at);

    main.clock.advance(120);
    const undone = ok(await updateTask({ client: main.demo, path: { id: task.id }, body: { title: 'Not yet', completed: 0 } })).data;
    expect(undone).toMatchObject({ completed: false, completed_at: null, description: null, contact: { id: contact.id } });
  });

  it('update requires completed (422) and keeps the task\'s contact: another contact_id answers 404, null leaves it', async () => {
    const contact = await newContact(main.demo);
    const elsewhere = await newContact(main.demo);
    const task = await newTask(main.demo, contact.id);
    expect(
      expectValidationError(await updateTask({ client: main.demo, path: { id: task.id }, body: unchecked({ title: 'No completed' }) })),
    ).toContain('The completed field is required.');
    expectNotFound(await updateTask({ client: main.demo, path: { id: task.id }, body: { title: 'Moved', completed: true, contact_id: elsewhere.id } }));
    expect(ok(await getTask({ client: main.demo, path: { id: task.id } })).data).toEqual(task);

    const same = ok(await updateTask({ client: main.demo, path: { id: task.id }, body: { title: 'Same', completed: false, contact_id: contact.id } })).data;
    expect(same.contact?.id).toBe(contact.id);
    const kept = ok(await updateTask({ client: main.demo, path: { id: task.id }, body: { title: 'Kept', completed: false, contact_id: null } })).data;
    expect(kept.contact?.id).toBe(contact.id);

    const loose = await newTask(main.demo, null);
    expectNotFound(await updateTask({ client: main.demo, path: { id: loose.id }, body: { title: 'Attach', completed: false, contact_id: contact.id } }));
    expect(ok(await getTask({ client: main.demo, path: { id: loose.id } })).data.contact).toBeNull();
  });

  it('validation and unknown ids', async () => {
    expect(expectValidationError(await createTask({ client: main.demo, body: { title: '  ' } }))).toContain('The title field is required.');
    expect(expectValidationError(await createTask({ client: main.demo, body: { title: 'x'.repeat(256) } }))).toEqual([
      'The title may not be greater than 255 characters.',
    ]);
    expectNotFound(await createTask({ client: main.demo, body: { title: 'Orphan', contact_id: 999999999 } }));
    expectNotFound(await getTask({ client: main.demo, path: { id: 999999999 } }));
    expectNotFound(await updateTask({ client: main.demo, path: { id: 999999999 }, body: { title: 'x', completed: true } }));
    expectNotFound(await deleteTask({ client: main.demo, path: { id: 999999999 } }));
    expectNotFound(await listContactTasks({ client: main.demo, path: { id: 999999999 } }));
  });

  it('listContactTasks lists one contact\'s tasks; sort=completed_at puts open tasks first, -completed_at the latest done first', async () => {
    const contact = await newContact(main.demo);
    await newTask(main.demo, null);
    await newTask(main.demo, (await newContact(main.demo)).id);
    const [a, b, c] = [await newTask(main.demo, contact.id), await newTask(main.demo, contact.id), await newTask(main.demo, contact.id)];
    main.clock.advance(10);
    ok(await updateTask({ client: main.demo, path: { id: c!.id }, body: { title: c!.title, completed: true } }));
    main.clock.advance(10);
    ok(await updateTask({ client: main.demo, path: { id: a!.id }, body: { title: a!.title, completed: true } }));

    const list = ok(await listContactTasks({ client: main.demo, path: { id: contact.id } }));
    expect(ids(list.data)).toEqual([a!.id, b!.id, c!.id]);
    expect(list.meta.total).toBe(3);
    const asc = ok(await listContactTasks({ client: main.demo, path: { id: contact.id }, query: { sort: 'completed_at' } }));
    expect(ids(asc.data)).toEqual([b!.id, c!.id, a!.id]);
    const desc = ok(await listContactTasks({ client: main.demo, path: { id: contact.id }, query: { sort: '-completed_at' } }));
    expect(ids(desc.data)).toEqual([a!.id, c!.id, b!.id]);
    const page = ok(await listContactTasks({ client: main.demo, path: { id: contact.id }, query: { sort: '-completed_at', limit: 1, page: 2 } }));
    expect(ids(page.data)).toEqual([c!.id]);
  });

  it('delete answers {deleted, id}', async () => {
    const task = await newTask(main.demo, null);
    expect(ok(await deleteTask({ client: main.demo, path: { id: task.id } }))).toEqual({ deleted: true, id: task.id });
    expectNotFound(await getTask({ client: main.demo, path: { id: task.id } }));
  });
});

describe('journal entries', () => {
  it('create answers 201 with date (microseconds) and url; update keeps the date; delete removes it', async () => {
    main.clock.advance(100);
    const createdAt = main.clock.stamp();
    const entry = ok(await createJournalEntry({ client: main.demo, body: { title: ' Just another winter ', post: 'Christmas has just past.' } }), 201).data;
    expect(Object.keys(entry).sort()).toEqual(ENTRY_KEYS);
    expect(entry).toMatchObject({
      object: 'entry',
      title: 'Just another winter',
      post: 'Christmas has just past.',
      date: `${createdAt.slice(0, 19)}.000000Z`,
      created_at: createdAt,
      updated_at: createdAt,
    });
    expect(entry.url).toBe(`${main.url}/journal/${entry.id}`);
    expect(ok(await getJournalEntry({ client: main.demo, path: { id: entry.id } })).data).toEqual(entry);

    main.clock.advance(100);
    const updated = ok(await updateJournalEntry({ client: main.demo, path: { id: entry.id }, body: { title: 'Spring', post: 'Better days.' } })).data;
    expect(updated).toMatchObject({ title: 'Spring', post: 'Better days.', date: entry.date, created_at: createdAt, updated_at: main.clock.stamp() });

    expect(ok(await deleteJournalEntry({ client: main.demo, path: { id: entry.id } }))).toEqual({ deleted: true, id: entry.id });
    expectNotFound(await getJournalEntry({ client: main.demo, path: { id: entry.id } }));
    expectNotFound(await updateJournalEntry({ client: main.demo, path: { id: entry.id }, body: { title: 'x', post: 'y' } }));
    expectNotFound(await deleteJournalEntry({ client: main.demo, path: { id: entry.id } }));
  });

  it('validation: title and post are required (spaces count as missing), title at most 255 characters', async () => {
    const before = ok(await listJournalEntries({ client: main.demo, query: { limit: 1 } })).meta.total;
    expect(expectValidationError(await createJournalEntry({ client: main.demo, body: unchecked({ title: 'Only a title' }) }))).toEqual([
      'The post field is required.',
    ]);
    expect(expectValidationError(await createJournalEntry({ client: main.demo, body: { title: '   ', post: 'x' } }))).toEqual([
      'The title field is required.',
    ]);
    expect(expectValidationError(await createJournalEntry({ client: main.demo, body: { title: 'x'.repeat(256), post: 'x' } }))).toEqual([
      'The title may not be greater than 255 characters.',
    ]);
    expect(ok(await listJournalEntries({ client: main.demo, query: { limit: 1 } })).meta.total).toBe(before);
  });

  it('lists the account\'s entries oldest first, or by -updated_at', { timeout: SERVER_START_TIMEOUT }, async () => {
    const server = await startTestServer();
    const entries = [];
    for (let i = 0; i < 3; i += 1) {
      server.clock.advance(10);
      entries.push(ok(await createJournalEntry({ client: server.demo, body: { title: `Day ${i}`, post: 'Text' } }), 201).data);
    }
    server.clock.advance(10);
    ok(await updateJournalEntry({ client: server.demo, path: { id: entries[1]!.id }, body: { title: 'Edited', post: 'Text' } }));
    const list = ok(await listJournalEntries({ client: server.demo }));
    expect(ids(list.data)).toEqual(ids(entries));
    expect(list.meta.total).toBe(3);
    expect(list.links.first).toBe(`${server.url}/journal?page=1`);
    const byUpdate = ok(await listJournalEntries({ client: server.demo, query: { sort: '-updated_at' } }));
    expect(ids(byUpdate.data)).toEqual([entries[1]!.id, entries[2]!.id, entries[0]!.id]);
    const page = ok(await listJournalEntries({ client: server.demo, query: { limit: 2, page: 2 } }));
    expect(ids(page.data)).toEqual([entries[2]!.id]);
  });
});

describe('account isolation', () => {
  it('the other account gets 404 on every id of the first, and on body references to its contacts; nothing changes', async () => {
    const contact = await newContact(main.demo);
    const reminder = await newReminder(main.demo, contact.id);
    const task = await newTask(main.demo, contact.id);
    const entry = ok(await createJournalEntry({ client: main.demo, body: { title: 'Private', post: 'Mine only' } }), 201).data;
    const other = main.other;

    expectNotFound(await getReminder({ client: other, path: { id: reminder.id } }));
    expectNotFound(await updateReminder({ client: other, path: { id: reminder.id }, body: reminderBody(contact.id) }));
    expectNotFound(await deleteReminder({ client: other, path: { id: reminder.id } }));
    expectNotFound(await listContactReminders({ client: other, path: { id: contact.id } }));
    expectNotFound(await createReminder({ client: other, body: reminderBody(contact.id) }));

    expectNotFound(await getTask({ client: other, path: { id: task.id } }));
    expectNotFound(await updateTask({ client: other, path: { id: task.id }, body: { title: 'Hijack', completed: true } }));
    expectNotFound(await deleteTask({ client: other, path: { id: task.id } }));
    expectNotFound(await listContactTasks({ client: other, path: { id: contact.id } }));
    expectNotFound(await createTask({ client: other, body: { title: 'Sneaky', contact_id: contact.id } }));

    expectNotFound(await getJournalEntry({ client: other, path: { id: entry.id } }));
    expectNotFound(await updateJournalEntry({ client: other, path: { id: entry.id }, body: { title: 'Hijack', post: 'x' } }));
    expectNotFound(await deleteJournalEntry({ client: other, path: { id: entry.id } }));

    expect(ok(await getReminder({ client: main.demo, path: { id: reminder.id } })).data).toEqual(reminder);
    expect(ok(await getTask({ client: main.demo, path: { id: task.id } })).data).toEqual(task);
    expect(ok(await getJournalEntry({ client: main.demo, path: { id: entry.id } })).data).toEqual(entry);
    expect(ok(await listContactReminders({ client: main.demo, path: { id: contact.id } })).meta.total).toBe(1);
    expect(ok(await listContactTasks({ client: main.demo, path: { id: contact.id } })).meta.total).toBe(1);

    const theirReminders = await collectPages(async (page) => ok(await listReminders({ client: other, query: { page, limit: 100 } })));
    const theirTasks = await collectPages(async (page) => ok(await listTasks({ client: other, query: { page, limit: 100 } })));
    const theirEntries = await collectPages(async (page) => ok(await listJournalEntries({ client: other, query: { page, limit: 100 } })));
    expect(ids(theirReminders)).not.toContain(reminder.id);
    expect(ids(theirTasks)).not.toContain(task.id);
    expect(ids(theirEntries)).not.toContain(entry.id);
    expect([...theirReminders, ...theirTasks, ...theirEntries].every((o) => o.account.id !== reminder.account.id)).toBe(true);
  });
});

describe('deleting a contact', () => {
  it('removes its reminders and tasks; tasks about no one and journal entries stay', async () => {
    const contact = await newContact(main.demo);
    const reminder = await newReminder(main.demo, contact.id);
    const task = await newTask(main.demo, contact.id);
    const loose = await newTask(main.demo, null);
    const entry = ok(await createJournalEntry({ client: main.demo, body: { title: 'Stays', post: 'Not about anyone' } }), 201).data;

    ok(await deleteContact({ client: main.demo, path: { id: contact.id } }));
    expectNotFound(await getReminder({ client: main.demo, path: { id: reminder.id } }));
    expectNotFound(await getTask({ client: main.demo, path: { id: task.id } }));
    expectNotFound(await listContactTasks({ client: main.demo, path: { id: contact.id } }));
    expect(ok(await getTask({ client: main.demo, path: { id: loose.id } })).data).toEqual(loose);
    expect(ok(await getJournalEntry({ client: main.demo, path: { id: entry.id } })).data).toEqual(entry);
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

      const created = expectValidationError(await createReminder({ client, body: reminderBody(contact.id) }));
      expect(created).toHaveLength(1);
      expect(created[0]).toMatch(/archived/);
      expectValidationError(await updateReminder({ client, path: { id: reminder.id }, body: { ...reminderBody(contact.id), title: 'Changed' } }));
      // Unchanged, but for its contact now showing as archived.
      expect(ok(await getReminder({ client, path: { id: reminder.id } })).data).toEqual({ ...reminder, contact: { ...reminder.contact, is_active: false } });
      expect(ok(await listContactReminders({ client, path: { id: contact.id } })).meta.total).toBe(1);
      ok(await deleteReminder({ client, path: { id: reminder.id } }));
    } finally {
      await server.close();
    }
  });
});

describe('statistics counts', () => {
  it('statistics count reminders and tasks per contact within the account, 0 when none', () => {
    const db = openDatabase(':memory:');
    const now = '2024-06-15T10:00:00Z';
    const mine = createAccount(db, { name: 'A', userFirstName: 'A', userLastName: 'A', email: 'a@example.com' }, now).accountId;
    const theirs = createAccount(db, { name: 'B', userFirstName: 'B', userLastName: 'B', email: 'b@example.com' }, now).accountId;
    const person = (accountId: number, first: string) =>
      createContact(db, accountId, { first_name: first, is_birthdate_known: false, is_deceased: false, is_deceased_date_known: false }, now).id;
    const [x, y, z] = [person(mine, 'X'), person(mine, 'Y'), person(theirs, 'Z')];
    const reminder = (accountId: number, contactId: number) =>
      storeCreateReminder(db, accountId, { contact_id: contactId, title: 't', description: null, initial_date: '2024-01-01', frequency_type: 'year', frequency_number: 1, delible: true }, now);
    reminder(mine, x);
    reminder(mine, x);
    reminder(theirs, z);
    expect(reminder(mine, z)).toBeUndefined();
    storeCreateTask(db, mine, { contact_id: y, title: 't', description: null }, now);
    storeCreateTask(db, mine, { contact_id: null, title: 't', description: null }, now);
    storeCreateTask(db, theirs, { contact_id: z, title: 't', description: null }, now);

    const stats = statisticsForContacts(db, mine, [x, y, z]);
    expect([x, y, z].map((id) => stats.get(id)!.number_of_reminders)).toEqual([2, 0, 0]);
    expect([x, y, z].map((id) => stats.get(id)!.number_of_tasks)).toEqual([0, 1, 0]);
    expect(statisticsForContacts(db, theirs, [z]).get(z)!.number_of_reminders).toBe(1);
    expect(countRowsPerContact(db, 'tasks', mine, []).size).toBe(0);
    db.close();
  });
});

describe('demo data', () => {
  it('the demo account has birthday and other reminders, open and done tasks (some about no one) and journal entries', { timeout: SERVER_START_TIMEOUT }, async () => {
    const server = await startTestServer({ demoData: true });
    const reminders = await collectPages(async (page) => ok(await listReminders({ client: server.demo, query: { page, limit: 100 } })));
    expect(reminders.some((r) => !r.delible && r.title.startsWith('Wish happy birthday') && r.frequency_type === 'year')).toBe(true);
    expect(reminders.some((r) => r.delible)).toBe(true);
    expect(new Set(reminders.map((r) => r.frequency_type)).size).toBeGreaterThanOrEqual(3);

    const tasks = await collectPages(async (page) => ok(await listTasks({ client: server.demo, query: { page, limit: 100 } })));
    expect(tasks.some((t) => t.contact === null)).toBe(true);
    expect(tasks.some((t) => t.contact !== null)).toBe(true);
    expect(tasks.some((t) => t.completed && TIMESTAMP.test(t.completed_at ?? ''))).toBe(true);
    expect(tasks.some((t) => !t.completed && t.completed_at === null)).toBe(true);

    const entries = ok(await listJournalEntries({ client: server.demo })).data;
    expect(entries.length).toBeGreaterThan(3);
    const createdAt = entries.map((e) => e.created_at!);
    expect(createdAt).toEqual([...createdAt].sort());

    expect(ok(await listReminders({ client: server.other })).meta.total).toBe(0);
    expect(ok(await listTasks({ client: server.other })).meta.total).toBe(0);
    expect(ok(await listJournalEntries({ client: server.other })).meta.total).toBe(0);
  });
});
