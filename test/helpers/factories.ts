// Small builders for the data each test owns: contacts, tags and notes made through the SDK.
import { expect } from 'vitest';
import type { Client } from '../../generated/client/client/index.js';
import { createContact, createNote, createTag, setContactTags } from '../../generated/client/sdk.gen.js';
import type { Contact, ContactCreate, Note, PartialContact, Tag } from '../../generated/client/types.gen.js';
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
