// Deleting a contact takes everything that belongs to it, through every resource, and keeps what does not.
import { describe, expect, it } from 'vitest';
import * as sdk from '../generated/client/sdk.gen.js';
import { createJournalEntry, deleteContact, getDebt, getDocument, getGift, getJournalEntry, getPhoto, getReminder, getTask, listContactTasks, setGiftPhoto } from '../generated/client/sdk.gen.js';
import { filesOfContact } from '../server/store/files.js';
import { ok, expectNotFound } from './helpers/expect.js';
import { ids, newContact, newDebt, newDocument, newGift, newPhoto, newReminder, newTag, newTask, tagContact } from './helpers/factories.js';
import { filesServerForFile, storedFiles } from './helpers/filesServer.js';
import { serversForFile } from './helpers/server.js';

const [[main], server] = await Promise.all([serversForFile(), filesServerForFile()]);
const { demo } = server;

describe('deleting a contact', () => {
  it('removes its notes, activities, calls, conversations, reminders, tasks, gifts, debts, addresses (and their places), fields, photos, documents, relationships, occupations, pets and life events', async () => {
    const client = server.demo;
    const contact = await newContact(client);
    const friend = await newContact(client);
    const tag = await newTag(client);
    await tagContact(client, contact.id, [tag.name]);
    const company = ok(await sdk.createCompany({ client, body: { name: 'Dunder Mifflin' } }), 201).data;
    const types = ok(await sdk.listContactFieldTypes({ client })).data;
    const relationshipTypes = ok(await sdk.listRelationshipTypes({ client, query: { limit: 100 } })).data;
    const friendType = relationshipTypes.find((t) => t.name === 'friend')!;

    const owned = {
      note: ok(await sdk.createNote({ client, body: { body: 'Likes tea', contact_id: contact.id } }), 201).data.id,
      activity: ok(await sdk.createActivity({ client, body: { summary: 'Lunch', happened_at: '2024-01-02', contacts: [contact.id] } }), 201).data.id,
      call: ok(await sdk.createCall({ client, body: { contact_id: contact.id, called_at: '2024-01-03' } }), 201).data.id,
      conversation: ok(await sdk.createConversation({ client, body: { contact_id: contact.id, happened_at: '2024-01-04', contact_field_type_id: types[0]!.id } }), 201).data.id,
      reminder: ok(await sdk.createReminder({ client, body: { contact_id: contact.id, title: 'Call back', initial_date: '2024-02-01', frequency_type: 'one_time', frequency_number: 1 } }), 201).data.id,
      task: ok(await sdk.createTask({ client, body: { contact_id: contact.id, title: 'Return the book' } }), 200).data.id,
      gift: ok(await sdk.createGift({ client, body: { contact_id: contact.id, name: 'Scarf', status: 'idea' } }), 201).data.id,
      debt: ok(await sdk.createDebt({ client, body: { contact_id: contact.id, in_debt: 'yes', status: 'inprogress', amount: 12 } }), 201).data.id,
      address: ok(await sdk.createAddress({ client, body: { contact_id: contact.id, city: 'Scranton' } }), 201).data.id,
      field: ok(await sdk.createContactField({ client, body: { contact_id: contact.id, contact_field_type_id: types[1]!.id, data: '+1 555 0100' } }), 201).data.id,
      photo: (await newPhoto(client, contact.id)).id,
      document: (await newDocument(client, contact.id)).id,
      relationship: ok(await sdk.createRelationship({ client, body: { contact_is: contact.id, of_contact: friend.id, relationship_type_id: friendType.id } }), 201).data.id,
      occupation: ok(await sdk.createOccupation({ client, body: { contact_id: contact.id, company_id: company.id, title: 'Salesman' } }), 201).data.id,
      pet: ok(await sdk.createPet({ client, body: { contact_id: contact.id, pet_category_id: 4, name: 'Rex' } }), 201).data.id,
      lifeEvent: ok(await sdk.createLifeEvent({ client, body: { contact_id: contact.id, life_event_type_id: 10, happened_at: '2015-05-05', has_reminder: true, happened_at_month_unknown: false, happened_at_day_unknown: false } })).data.id,
    };
    const place = ok(await sdk.listPlaces({ client, query: { sort: '-created_at', limit: 1 } })).data[0]!;
    expect(place.city).toBe('Scranton');
    const placeOnItsOwn = ok(await sdk.createPlace({ client, body: { city: 'Nobody lives here' } }), 201).data;
    expect(storedFiles(server.filesDir)).toHaveLength(2);
    const before = ok(await sdk.getContact({ client, path: { id: contact.id } })).data;
    expect(before.is_partial).toBe(false);
    if (!before.is_partial) {
      // The life event's yearly reminder is the second one.
      expect(before.statistics).toMatchObject({ number_of_notes: 1, number_of_activities: 1, number_of_calls: 1, number_of_reminders: 2, number_of_tasks: 1, number_of_gifts: 1, number_of_debts: 1 });
      expect(before.addresses.map((a) => a.id)).toEqual([owned.address]);
      expect(before.information.relationships.friend.total).toBe(1);
    }

    expect(ok(await sdk.deleteContact({ client, path: { id: contact.id } }))).toEqual({ deleted: true, id: contact.id });

    expectNotFound(await sdk.getContact({ client, path: { id: contact.id } }));
    expectNotFound(await sdk.getNote({ client, path: { id: owned.note } }));
    expectNotFound(await sdk.getActivity({ client, path: { id: owned.activity } }));
    expectNotFound(await sdk.getCall({ client, path: { id: owned.call } }));
    expectNotFound(await sdk.getConversation({ client, path: { id: owned.conversation } }));
    expectNotFound(await sdk.getReminder({ client, path: { id: owned.reminder } }));
    expectNotFound(await sdk.getTask({ client, path: { id: owned.task } }));
    expectNotFound(await sdk.getGift({ client, path: { id: owned.gift } }));
    expectNotFound(await sdk.getDebt({ client, path: { id: owned.debt } }));
    expectNotFound(await sdk.getAddress({ client, path: { id: owned.address } }));
    expectNotFound(await sdk.getContactField({ client, path: { id: owned.field } }));
    expectNotFound(await sdk.getPhoto({ client, path: { id: owned.photo } }));
    expectNotFound(await sdk.getDocument({ client, path: { id: owned.document } }));
    expectNotFound(await sdk.getRelationship({ client, path: { id: owned.relationship } }));
    expectNotFound(await sdk.getOccupation({ client, path: { id: owned.occupation } }));
    expectNotFound(await sdk.getPet({ client, path: { id: owned.pet } }));
    expectNotFound(await sdk.getLifeEvent({ client, path: { id: owned.lifeEvent } }));
    expectNotFound(await sdk.getPlace({ client, path: { id: place.id } }));
    expect(ok(await sdk.listReminders({ client, query: { limit: 100 } })).data.filter((r) => r.contact.id === contact.id)).toEqual([]);
    expect(storedFiles(server.filesDir)).toEqual([]);

    // What only pointed at the contact stays: the tag, the company, a place of nobody's address, the other contact
    // (without the relationship).
    expect(ok(await sdk.getTag({ client, path: { id: tag.id } })).data.name).toBe(tag.name);
    expect(ok(await sdk.getPlace({ client, path: { id: placeOnItsOwn.id } })).data).toEqual(placeOnItsOwn);
    expect(ok(await sdk.getCompany({ client, path: { id: company.id } })).data.name).toBe('Dunder Mifflin');
    const left = ok(await sdk.getContact({ client, path: { id: friend.id } })).data;
    expect(left.is_partial || left.information.relationships.friend.total).toBe(0);
  }, 60_000);

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

  it("removes the contact's debts, gifts, photos and documents; filesOfContact names its files beforehand; a deleted recipient becomes null", async () => {
    const contact = await newContact(demo);
    const friend = await newContact(demo);
    const debt = await newDebt(demo, contact.id);
    const gift = await newGift(demo, contact.id);
    const photo = await newPhoto(demo, contact.id);
    const document = await newDocument(demo, contact.id);
    const forFriend = await newGift(demo, friend.id, { recipient_id: contact.id });
    const friendPhoto = await newPhoto(demo, friend.id);
    ok(await setGiftPhoto({ client: demo, path: { id: forFriend.id, photoId: photo.id } }));
    ok(await setGiftPhoto({ client: demo, path: { id: forFriend.id, photoId: friendPhoto.id } }));

    const files = filesOfContact(server.db, server.accounts.demo.accountId, contact.id);
    expect([...files].sort()).toEqual([photo.new_filename, document.new_filename].sort());
    expect(filesOfContact(server.db, server.accounts.other.accountId, contact.id)).toEqual([]);

    ok(await deleteContact({ client: demo, path: { id: contact.id } }));
    expectNotFound(await getDebt({ client: demo, path: { id: debt.id } }));
    expectNotFound(await getGift({ client: demo, path: { id: gift.id } }));
    expectNotFound(await getPhoto({ client: demo, path: { id: photo.id } }));
    expectNotFound(await getDocument({ client: demo, path: { id: document.id } }));
    const kept = ok(await getGift({ client: demo, path: { id: forFriend.id } })).data;
    expect(kept.recipient).toBeNull();
    expect(ids(kept.photos)).toEqual([friendPhoto.id]);
  });
});
