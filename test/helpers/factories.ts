// Small builders for the data each test owns, made through the SDK (contacts, tags, notes, calls, conversations,
// debts, gifts, photos, documents), the files uploads send, and readers of lists.
import { expect } from 'vitest';
import type { Client } from '../../generated/client/client/index.js';
import {
  addConversationMessage,
  createCall,
  createContact,
  createConversation,
  createDebt,
  createDocument,
  createGift,
  createNote,
  createPhoto,
  createTag,
  getContact,
  setContactTags,
} from '../../generated/client/sdk.gen.js';
import type {
  Call,
  CallCreate,
  Contact,
  ContactCreate,
  Conversation,
  Debt,
  DebtWrite,
  Document,
  Gift,
  GiftWrite,
  MessageWrite,
  Note,
  PartialContact,
  Photo,
  Tag,
} from '../../generated/client/types.gen.js';
import { ok } from './expect.js';

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
