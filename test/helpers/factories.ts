// Small builders for the data each test owns, made through the SDK (contacts, tags, notes, relationships, companies,
// groups, activities, calls, conversations, reminders, tasks, contact fields and their types, debts, gifts, photos,
// documents), the files uploads send, and readers of the lists they show up in.
import { expect } from 'vitest';
import type { Client } from '../../generated/client/client/index.js';
import {
  addConversationMessage,
  createActivity,
  createCall,
  createCompany,
  createContact,
  createContactField,
  createContactFieldType,
  createConversation,
  createDebt,
  createDocument,
  createGift,
  createGroup,
  createLifeEvent,
  createNote,
  createPet,
  createPlace,
  createPhoto,
  createRelationship,
  createReminder,
  createTag,
  createTask,
  getContact,
  listActivities,
  listActivityTypes,
  listContactFieldTypes,
  listContactRelationships,
  listContacts,
  listGroups,
  listLifeEvents,
  listPets,
  listPlaces,
  listRelationshipTypes,
  setContactTags,
} from '../../generated/client/sdk.gen.js';
import type {
  Activity,
  ActivityType,
  ActivityWrite,
  Call,
  CallCreate,
  Company,
  Contact,
  ContactCreate,
  ContactField,
  ContactFieldType,
  ContactFieldWrite,
  Conversation,
  Debt,
  DebtWrite,
  Document,
  Gift,
  GiftWrite,
  Group,
  LifeEvent,
  LifeEventCreate,
  MessageWrite,
  Note,
  PartialContact,
  Pet,
  PetWrite,
  Photo,
  Place,
  PlaceWrite,
  Relationship,
  RelationshipType,
  Reminder,
  ReminderCreate,
  Tag,
  Task,
} from '../../generated/client/types.gen.js';
import { ok } from './expect.js';
import type { TestServer } from './server.js';

let counter = 0;

/**
 * A word no other test uses, so searches and name lookups only find this test's data.
 * Letters only, and never a substring of another generated word.
 */
export function uniqueWord(prefix = 'w'): string {
  counter += 1;
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let random = '';
  for (let i = 0; i < 8; i += 1) random += letters[Math.floor(Math.random() * letters.length)];
  const n = counter.toString(26).replace(/\d/g, (d) => letters[Number(d)]!);
  return `${prefix}${random}q${n}q`;
}

/** The smallest valid body for a new contact, plus overrides. */
export function contactBody(overrides: Partial<ContactCreate> = {}): ContactCreate {
  return {
    first_name: uniqueWord('First'),
    is_birthdate_known: false,
    is_deceased: false,
    is_deceased_date_known: false,
    ...overrides,
  };
}

/** Creates a real contact and returns it (asserting 201). */
export async function newContact(client: Client, overrides: Partial<ContactCreate> = {}): Promise<Contact> {
  const body = ok(await createContact({ client, body: contactBody(overrides) }), 201);
  expect(body.data.is_partial).toBe(false);
  return body.data as Contact;
}

/** Creates a partial contact and returns it (asserting 201). */
export async function newPartialContact(client: Client, overrides: Partial<ContactCreate> = {}): Promise<PartialContact> {
  const body = ok(await createContact({ client, body: contactBody({ is_partial: true, ...overrides }) }), 201);
  expect(body.data.is_partial).toBe(true);
  return body.data as PartialContact;
}

export async function newTag(client: Client, name = uniqueWord('Tag')): Promise<Tag> {
  return ok(await createTag({ client, body: { name } }), 201).data;
}

export async function newNote(client: Client, contactId: number, overrides: { body?: string; is_favorited?: boolean } = {}): Promise<Note> {
  const body = overrides.body ?? `Note ${uniqueWord()}`;
  return ok(await createNote({ client, body: { contact_id: contactId, body, ...(overrides.is_favorited === undefined ? {} : { is_favorited: overrides.is_favorited }) } }), 201).data;
}

/** Puts tags (by name) on a contact and returns the contact. */
export async function tagContact(client: Client, contactId: number, names: string[]): Promise<Contact> {
  return ok(await setContactTags({ client, path: { id: contactId }, body: { tags: names } })).data as Contact;
}

/** Casts a value the SDK's types forbid (a bogus sort, a body missing required fields) so it can still be sent through the SDK. */
export function unchecked<T>(value: unknown): T {
  return value as T;
}

/** Every item of a paginated list, fetched 100 at a time. */
export async function collectPages<T>(fetchPage: (page: number) => Promise<{ data: T[]; links: { next: string | null } }>): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; page < 1000; page += 1) {
    const body = await fetchPage(page);
    items.push(...body.data);
    if (body.links.next === null) return items;
  }
  throw new Error('the list never ends');
}

/** The ids of objects. */
export const ids = (items: readonly { id: number }[]): number[] => items.map((item) => item.id);

export async function newCall(client: Client, contactId: number, overrides: Partial<CallCreate> = {}): Promise<Call> {
  return ok(await createCall({ client, body: { contact_id: contactId, called_at: '2024-01-10', ...overrides } }), 201).data;
}

/**
 * The id of one contact field type of the account, found through the API: a new contact with an e-mail address
 * gets an e-mail contact field, whose type is one of the account's.
 */
export async function channelOf(client: Client): Promise<number> {
  const contact = await newContact(client, { email: `${contactBody().first_name.toLowerCase()}@example.com` });
  const full = ok(await getContact({ client, path: { id: contact.id }, query: { with: 'contactfields' } })).data as Contact;
  const type = full.contactFields?.[0]?.contact_field_type;
  if (!type) throw new Error('a contact with an e-mail address has no contact field');
  return type.id;
}

export async function newConversation(client: Client, contactId: number, channelId: number, happenedAt = '2024-02-01'): Promise<Conversation> {
  return ok(
    await createConversation({ client, body: { contact_id: contactId, contact_field_type_id: channelId, happened_at: happenedAt } }),
    201,
  ).data;
}

export async function addMessage(client: Client, conversationId: number, body: Partial<MessageWrite> = {}): Promise<Conversation> {
  return ok(
    await addConversationMessage({
      client,
      path: { id: conversationId },
      body: { written_at: '2024-02-01', written_by_me: true, content: 'Hello there', ...body },
    }),
  ).data;
}

/** A 1x1 PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);
/** The smallest GIF. */
export const GIF = Buffer.from('R0lGODlhAQABAAAAACwAAAAAAQABAAA=', 'base64');
export const PDF = Buffer.from('%PDF-1.4\n% test document\n%%EOF\n', 'utf8');

export function file(bytes: Uint8Array | string, name: string, type: string): File {
  return new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name, { type });
}

export async function newDebt(client: Client, contactId: number, overrides: Partial<DebtWrite> = {}): Promise<Debt> {
  const body: DebtWrite = { contact_id: contactId, in_debt: 'yes', status: 'inprogress', amount: 10, ...overrides };
  return ok(await createDebt({ client, body }), 201).data;
}

export async function newGift(client: Client, contactId: number, overrides: Partial<GiftWrite> = {}): Promise<Gift> {
  const body: GiftWrite = { contact_id: contactId, name: 'A book', status: 'idea', ...overrides };
  return ok(await createGift({ client, body }), 201).data;
}

export async function newPhoto(client: Client, contactId: number, photo: File = file(PNG, 'pixel.png', 'image/png')): Promise<Photo> {
  return ok(await createPhoto({ client, body: { contact_id: contactId, photo } }), 201).data;
}

export async function newDocument(client: Client, contactId: number, document: File = file(PDF, 'report.pdf', 'application/pdf')): Promise<Document> {
  return ok(await createDocument({ client, body: { contact_id: contactId, document } }), 201).data;
}

/** Every contact the client can list (all pages), optionally for a search term. */
export function allContacts(client: Client, query?: string): Promise<Contact[]> {
  return collectPages(async (page) => ok(await listContacts({ client, query: { page, limit: 100, ...(query ? { query } : {}) } })));
}

/** The ids of the contacts a search finds (first page of 100 is plenty for one test's data). */
export async function searchIds(client: Client, query: string): Promise<number[]> {
  const body = ok(await listContacts({ client, query: { query, limit: 100 } }));
  expect(body.meta.query).toBe(query);
  return ids(body.data);
}

/** The relationship types of the client's account, by name. */
export async function typesOf(client: Client): Promise<Map<string, RelationshipType>> {
  const all = await collectPages(async (page) => ok(await listRelationshipTypes({ client, query: { page, limit: 100 } })));
  return new Map(all.map((t) => [t.name, t]));
}

export async function relationshipsOf(client: Client, contactId: number): Promise<Relationship[]> {
  return ok(await listContactRelationships({ client, path: { id: contactId } })).data;
}

/** [type name, of_contact id] of every relationship of a contact. */
export async function linksOf(client: Client, contactId: number): Promise<[string, number][]> {
  return (await relationshipsOf(client, contactId)).map((r) => [r.relationship_type.name, r.of_contact.id]);
}

/** Creates a relationship of the type named `type` (one of the client's account) and returns it. */
export async function newRelationship(client: Client, contactIs: number, type: string, ofContact: number): Promise<Relationship> {
  const typeId = (await typesOf(client)).get(type)?.id;
  if (typeId === undefined) throw new Error(`no relationship type ${type}`);
  const body = { contact_is: contactIs, relationship_type_id: typeId, of_contact: ofContact };
  return ok(await createRelationship({ client, body }), 201).data;
}

export async function newCompany(client: Client, overrides: Partial<{ name: string; website: string | null; number_of_employees: number | string | null }> = {}): Promise<Company> {
  return ok(await createCompany({ client, body: { name: uniqueWord('Company'), ...overrides } }), 201).data;
}

/** Every group the client can list (all pages). */
export function allGroups(server: TestServer, client = server.demo): Promise<Group[]> {
  return collectPages(async (page) => ok(await listGroups({ client, query: { page, limit: 100 } })));
}

export async function newGroup(server: TestServer, name = uniqueWord('Group'), client = server.demo): Promise<Group> {
  return ok(await createGroup({ client, body: { name } })).data;
}

export async function newActivity(client: Client, body: Partial<ActivityWrite> & Pick<ActivityWrite, 'contacts'>): Promise<Activity> {
  return ok(await createActivity({ client, body: { summary: 'Lunch', happened_at: '2024-05-01', ...body } }), 201).data;
}

export async function allActivities(client: Client): Promise<Activity[]> {
  return collectPages(async (page) => ok(await listActivities({ client, query: { page, limit: 100 } })));
}

export async function allTypes(client: Client): Promise<ActivityType[]> {
  return collectPages(async (page) => ok(await listActivityTypes({ client, query: { page, limit: 100 } })));
}

export function reminderBody(contactId: number, overrides: Partial<ReminderCreate> = {}): ReminderCreate {
  return { title: `Reminder ${uniqueWord()}`, initial_date: '2030-01-15', frequency_type: 'month', frequency_number: 1, contact_id: contactId, ...overrides };
}

export async function newReminder(client: Client, contactId: number, overrides: Partial<ReminderCreate> = {}): Promise<Reminder> {
  return ok(await createReminder({ client, body: reminderBody(contactId, overrides) }), 201).data;
}

export async function newTask(client: Client, contactId: number | null, title = `Task ${uniqueWord()}`): Promise<Task> {
  return ok(await createTask({ client, body: { title, ...(contactId === null ? {} : { contact_id: contactId }) } })).data;
}

/** The contact field type of the client's account named `name`. */
export async function typeNamed(client: Client, name: string): Promise<ContactFieldType> {
  const found = ok(await listContactFieldTypes({ client, query: { limit: 100 } })).data.find((t) => t.name === name);
  if (!found) throw new Error(`no contact field type ${name}`);
  return found;
}

export async function newField(client: Client, body: ContactFieldWrite): Promise<ContactField> {
  return ok(await createContactField({ client, body }), 201).data;
}

export async function newType(client: Client, name = uniqueWord('Type')): Promise<ContactFieldType> {
  return ok(await createContactFieldType({ client, body: { name } }), 201).data;
}

/** A life event of the contact (type 1, "New job", on 2024-02-03 unless overridden); Monica answers 200. */
export async function newLifeEvent(client: Client, contactId: number, overrides: Partial<LifeEventCreate> = {}): Promise<LifeEvent> {
  const body: LifeEventCreate = {
    contact_id: contactId,
    life_event_type_id: 1,
    happened_at: '2024-02-03',
    has_reminder: false,
    happened_at_month_unknown: false,
    happened_at_day_unknown: false,
    ...overrides,
  };
  return ok(await createLifeEvent({ client, body })).data;
}

/** A pet of the contact (a dog unless overridden). */
export async function newPet(client: Client, contactId: number, overrides: Partial<PetWrite> = {}): Promise<Pet> {
  return ok(await createPet({ client, body: { contact_id: contactId, pet_category_id: 4, name: uniqueWord('Pet'), ...overrides } }), 201).data;
}

export async function newPlace(client: Client, body: PlaceWrite = { city: uniqueWord('City') }): Promise<Place> {
  return ok(await createPlace({ client, body }), 201).data;
}

export function allLifeEvents(client: Client): Promise<LifeEvent[]> {
  return collectPages(async (page) => ok(await listLifeEvents({ client, query: { page, limit: 100 } })));
}

export function allPets(client: Client): Promise<Pet[]> {
  return collectPages(async (page) => ok(await listPets({ client, query: { page, limit: 100 } })));
}

export function allPlaces(client: Client): Promise<Place[]> {
  return collectPages(async (page) => ok(await listPlaces({ client, query: { page, limit: 100 } })));
}
