// Tasks through the generated SDK: tasks about a contact or about no one, completed_at, updates that keep the task's
// contact, validation, a contact's list with sorting, and delete.
import { describe, expect, it } from 'vitest';
import { createTask, deleteTask, getTask, listContactTasks, listTasks, updateTask } from '../../generated/client/sdk.gen.js';
import { expectNotFound, expectObject, expectValidationError, ok } from '../helpers/expect.js';
import { collectPages, ids, newContact, newTask, unchecked } from '../helpers/factories.js';
import { serversForFile } from '../helpers/server.js';

const [main] = await serversForFile();

const TASK_KEYS = [
  'id', 'uuid', 'object', 'title', 'description', 'completed', 'completed_at', 'account', 'contact', 'created_at', 'updated_at',
].sort();

describe('tasks', () => {
  it('create answers 200 and ignores completed and completed_at: a new task is never done', async () => {
    const contact = await newContact(main.demo);
    const result = await createTask({
      client: main.demo,
      body: { title: 'Bring back the table', description: 'Borrowed ages ago', contact_id: String(contact.id), completed: true, completed_at: '1970-03-03' },
    });
    const task = ok(result, 200).data;
    expectObject(task, TASK_KEYS, {
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
    expectValidationError(
      await updateTask({ client: main.demo, path: { id: task.id }, body: unchecked({ title: 'No completed' }) }),
      ['The completed field is required.'],
    );
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
    expectValidationError(await createTask({ client: main.demo, body: { title: '  ' } }), ['The title field is required.']);
    expectValidationError(await createTask({ client: main.demo, body: { title: 'x'.repeat(256) } }), ['The title may not be greater than 255 characters.']);
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
