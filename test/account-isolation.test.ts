// Account isolation across resources that belong together, through the generated SDK: the second account gets 404
// on the first account's objects and on body references to them, and nothing of the first account changes. The
// contacts, notes and tags are in server.test.ts; test/reliability/isolation.test.ts tries every operation.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createActivity,
  createActivityType,
  createActivityTypeCategory,
  createDebt,
  createDocument,
  createGift,
  createJournalEntry,
  createPhoto,
  createReminder,
  createTask,
  deleteActivity,
  deleteActivityType,
  deleteActivityTypeCategory,
  deleteDebt,
  deleteDocument,
  deleteGift,
  deleteJournalEntry,
  deletePhoto,
  deleteReminder,
  deleteTask,
  getActivity,
  getActivityType,
  getActivityTypeCategory,
  getDebt,
  getDocument,
  getGift,
  getJournalEntry,
  getPhoto,
  getReminder,
  getTask,
  listActivityTypeCategories,
  listContactActivities,
  listContactDocuments,
  listContactGifts,
  listContactPhotos,
  listContactReminders,
  listContactTasks,
  listDebts,
  listDocuments,
  listGifts,
  listJournalEntries,
  listPhotos,
  listReminders,
  listTasks,
  setGiftPhoto,
  updateActivity,
  updateActivityType,
  updateActivityTypeCategory,
  updateDebt,
  updateGift,
  updateJournalEntry,
  updateReminder,
  updateTask,
} from '../generated/client/sdk.gen.js';
import { expectNotFound, ok } from './helpers/expect.js';
import {
  allActivities,
  allTypes,
  collectPages,
  file,
  ids,
  newActivity,
  newContact,
  newDebt,
  newDocument,
  newGift,
  newPhoto,
  newReminder,
  newTask,
  PDF,
  PNG,
  reminderBody,
} from './helpers/factories.js';
import { filesServerForFile, storedFiles } from './helpers/filesServer.js';
import { serversForFile } from './helpers/server.js';

const [[main], server] = await Promise.all([serversForFile(), filesServerForFile()]);
const { demo, other } = server;

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

  it("the second account gets 404 on the first account's debts, gifts, photos and documents, which stay unchanged", async () => {
    const contact = await newContact(demo);
    const debt = await newDebt(demo, contact.id);
    const gift = await newGift(demo, contact.id);
    const photo = await newPhoto(demo, contact.id);
    const document = await newDocument(demo, contact.id);

    expectNotFound(await getDebt({ client: other, path: { id: debt.id } }));
    expectNotFound(await updateDebt({ client: other, path: { id: debt.id }, body: { contact_id: contact.id, in_debt: 'no', status: 'completed', amount: 1 } }));
    expectNotFound(await deleteDebt({ client: other, path: { id: debt.id } }));
    expectNotFound(await getGift({ client: other, path: { id: gift.id } }));
    expectNotFound(await updateGift({ client: other, path: { id: gift.id }, body: { contact_id: contact.id, name: 'x', status: 'idea' } }));
    expectNotFound(await deleteGift({ client: other, path: { id: gift.id } }));
    expectNotFound(await setGiftPhoto({ client: other, path: { id: gift.id, photoId: photo.id } }));
    expectNotFound(await getPhoto({ client: other, path: { id: photo.id } }));
    expectNotFound(await deletePhoto({ client: other, path: { id: photo.id } }));
    expectNotFound(await getDocument({ client: other, path: { id: document.id } }));
    expectNotFound(await deleteDocument({ client: other, path: { id: document.id } }));
    expectNotFound(await listContactGifts({ client: other, path: { id: contact.id } }));
    expectNotFound(await listContactPhotos({ client: other, path: { id: contact.id } }));
    expectNotFound(await listContactDocuments({ client: other, path: { id: contact.id } }));

    expect(ok(await getDebt({ client: demo, path: { id: debt.id } })).data).toEqual(debt);
    expect(ok(await getGift({ client: demo, path: { id: gift.id } })).data).toEqual(gift);
    expect(ok(await getPhoto({ client: demo, path: { id: photo.id } })).data).toEqual(photo);
    expect(ok(await getDocument({ client: demo, path: { id: document.id } })).data).toEqual(document);
    expect(existsSync(join(server.filesDir, photo.new_filename))).toBe(true);
    expect(existsSync(join(server.filesDir, document.new_filename))).toBe(true);

    await newDebt(other, (await newContact(other)).id);
    const theirDebts = ok(await listDebts({ client: other, query: { limit: 100 } })).data;
    expect(theirDebts.length).toBeGreaterThan(0);
    expect(ids(theirDebts)).not.toContain(debt.id);
    expect(ids(ok(await listGifts({ client: other, query: { limit: 100 } })).data)).not.toContain(gift.id);
    expect(ids(ok(await listPhotos({ client: other, query: { limit: 100 } })).data)).not.toContain(photo.id);
    expect(ids(ok(await listDocuments({ client: other, query: { limit: 100 } })).data)).not.toContain(document.id);
  });

  it("a body naming the first account's contact, recipient or gift answers 404 to the second, and nothing changes", async () => {
    const contact = await newContact(demo);
    const theirContact = await newContact(other);
    const theirGift = await newGift(other, theirContact.id);
    const theirDebt = await newDebt(other, theirContact.id, { amount: 3 });
    const before = storedFiles(server.filesDir);

    expectNotFound(await createDebt({ client: other, body: { contact_id: contact.id, in_debt: 'yes', status: 'inprogress', amount: 1 } }));
    expectNotFound(await updateDebt({ client: other, path: { id: theirDebt.id }, body: { contact_id: contact.id, in_debt: 'yes', status: 'inprogress', amount: 9 } }));
    expectNotFound(await createGift({ client: other, body: { contact_id: contact.id, name: 'x', status: 'idea' } }));
    expectNotFound(await createGift({ client: other, body: { contact_id: theirContact.id, recipient_id: contact.id, name: 'x', status: 'idea' } }));
    expectNotFound(await updateGift({ client: other, path: { id: theirGift.id }, body: { contact_id: theirContact.id, recipient_id: contact.id, name: 'y', status: 'idea' } }));
    expectNotFound(await createPhoto({ client: other, body: { contact_id: contact.id, photo: file(PNG, 'a.png', 'image/png') } }));
    expectNotFound(await createDocument({ client: other, body: { contact_id: contact.id, document: file(PDF, 'a.pdf', 'application/pdf') } }));
    const myPhoto = await newPhoto(demo, contact.id);
    expectNotFound(await setGiftPhoto({ client: other, path: { id: theirGift.id, photoId: myPhoto.id } }));

    expect(ok(await getGift({ client: other, path: { id: theirGift.id } })).data).toEqual(theirGift);
    expect(ok(await getDebt({ client: other, path: { id: theirDebt.id } })).data).toEqual(theirDebt);
    expect(ok(await listContactGifts({ client: demo, path: { id: contact.id } })).meta.total).toBe(0);
    expect(storedFiles(server.filesDir)).toEqual([...before, myPhoto.new_filename].sort());
  });

  it("the second account gets 404 on the first account's activities, types and categories, which stay unchanged", async () => {
    const contact = await newContact(main.demo);
    const category = ok(await createActivityTypeCategory({ client: main.demo, body: { name: 'Private category' } })).data;
    const type = ok(await createActivityType({ client: main.demo, body: { name: 'private type', activity_type_category_id: category.id } })).data;
    const activity = await newActivity(main.demo, { contacts: [contact.id], activity_type_id: type.id, emotions: [9] });
    const before = {
      activity: ok(await getActivity({ client: main.demo, path: { id: activity.id } })).data,
      type: ok(await getActivityType({ client: main.demo, path: { id: type.id } })).data,
      category: ok(await getActivityTypeCategory({ client: main.demo, path: { id: category.id } })).data,
      contactActivities: ok(await listContactActivities({ client: main.demo, path: { id: contact.id } })).data,
    };

    const client = main.other;
    const own = await newContact(client);
    const ownCategory = ok(await listActivityTypeCategories({ client })).data[0]!;
    const ownType = (await allTypes(client))[0]!;
    const ownActivity = await newActivity(client, { contacts: [own.id] });
    const theirsBefore = (await allActivities(client)).length;
    main.clock.advance(30);

    expectNotFound(await getActivity({ client, path: { id: activity.id } }));
    expectNotFound(await updateActivity({ client, path: { id: activity.id }, body: { summary: 'Hijacked', happened_at: '2024-01-01', contacts: [own.id] } }));
    expectNotFound(await deleteActivity({ client, path: { id: activity.id } }));
    expectNotFound(await listContactActivities({ client, path: { id: contact.id } }));
    expectNotFound(await getActivityType({ client, path: { id: type.id } }));
    expectNotFound(await updateActivityType({ client, path: { id: type.id }, body: { name: 'Hijacked', activity_type_category_id: ownCategory.id } }));
    expectNotFound(await deleteActivityType({ client, path: { id: type.id } }));
    expectNotFound(await getActivityTypeCategory({ client, path: { id: category.id } }));
    expectNotFound(await updateActivityTypeCategory({ client, path: { id: category.id }, body: { name: 'Hijacked' } }));
    expectNotFound(await deleteActivityTypeCategory({ client, path: { id: category.id } }));

    // Body references to the first account's objects.
    expectNotFound(await createActivity({ client, body: { summary: 'x', happened_at: '2024-01-01', contacts: [contact.id] } }));
    expectNotFound(await createActivity({ client, body: { summary: 'x', happened_at: '2024-01-01', contacts: [own.id, contact.id] } }));
    expectNotFound(await createActivity({ client, body: { summary: 'x', happened_at: '2024-01-01', contacts: [own.id], activity_type_id: type.id } }));
    expectNotFound(
      await updateActivity({ client, path: { id: ownActivity.id }, body: { summary: 'x', happened_at: '2024-01-01', contacts: [contact.id] } }),
    );
    expectNotFound(
      await updateActivity({ client, path: { id: ownActivity.id }, body: { summary: 'x', happened_at: '2024-01-01', contacts: [own.id], activity_type_id: type.id } }),
    );
    expectNotFound(await createActivityType({ client, body: { name: 'x', activity_type_category_id: category.id } }));
    expectNotFound(await updateActivityType({ client, path: { id: ownType.id }, body: { name: 'x', activity_type_category_id: category.id } }));

    const after = {
      activity: ok(await getActivity({ client: main.demo, path: { id: activity.id } })).data,
      type: ok(await getActivityType({ client: main.demo, path: { id: type.id } })).data,
      category: ok(await getActivityTypeCategory({ client: main.demo, path: { id: category.id } })).data,
      contactActivities: ok(await listContactActivities({ client: main.demo, path: { id: contact.id } })).data,
    };
    expect(after).toEqual(before);
    expect(ok(await getActivity({ client, path: { id: ownActivity.id } })).data).toEqual(ownActivity);
    expect(ok(await getActivityType({ client, path: { id: ownType.id } })).data).toEqual(ownType);
    expect((await allActivities(client)).length).toBe(theirsBefore);

    // Neither account's lists show the other's objects.
    const mine = new Set(ids(await allActivities(main.demo)));
    expect(ids(await allActivities(client)).filter((id) => mine.has(id))).toEqual([]);
    const myTypes = new Set(ids(await allTypes(main.demo)));
    expect(ids(await allTypes(client)).filter((id) => myTypes.has(id))).toEqual([]);
  });
});
