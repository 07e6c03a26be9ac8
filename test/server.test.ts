// The reference server, driven through the generated SDK: contacts, search, pagination, sorting, validation,
// tags, notes, audit logs, authentication, account isolation and rate limiting (behaviour.md §2-§7, §9, §10).
// Every server runs on port 0 with an in-memory database; each test creates the data it looks at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createContact,
  createNote,
  createTag,
  deleteContact,
  deleteNote,
  deleteTag,
  getContact,
  getNote,
  getTag,
  listContactLogs,
  listContactNotes,
  listContacts,
  listContactsForTag,
  listNotes,
  listTags,
  setContactTags,
  unsetContactTag,
  unsetContactTags,
  updateContact,
  updateContactWork,
  updateNote,
  updateTag,
} from '../generated/client/sdk.gen.js';
import type { Client } from '../generated/client/client/index.js';
import type { Contact, ContactCreate, ContactSort, NoteWrite } from '../generated/client/types.gen.js';
import { rawRequest, responseLog } from './helpers/client.js';
import {
  expectEnvelope,
  expectError,
  expectJsonContentType,
  expectNotFound,
  expectUnauthenticated,
  expectValidationError,
  ok,
  TIMESTAMP,
  UNAUTHENTICATED_BODY,
} from './helpers/expect.js';
import {
  collectPages,
  contactBody,
  ids,
  newContact,
  newNote,
  newPartialContact,
  newTag,
  tagContact,
  uniqueWord,
  unchecked,
} from './helpers/factories.js';
import { closeTestServers, startTestServer, type TestServer } from './helpers/server.js';

const FULL_CONTACT_KEYS = [
  'id', 'uuid', 'object', 'hash_id', 'first_name', 'last_name', 'nickname', 'complete_name', 'initials', 'description',
  'gender', 'gender_type', 'is_starred', 'is_partial', 'is_active', 'is_dead', 'is_me', 'last_called',
  'last_activity_together', 'stay_in_touch_frequency', 'stay_in_touch_trigger_date', 'information', 'addresses', 'tags',
  'statistics', 'url', 'account', 'created_at', 'updated_at',
];
const FULL_INFORMATION_KEYS = ['relationships', 'dates', 'career', 'avatar', 'food_preferences', 'how_you_met'];
const PARTIAL_CONTACT_KEYS = [
  'id', 'uuid', 'object', 'hash_id', 'first_name', 'last_name', 'nickname', 'complete_name', 'initials', 'description',
  'gender', 'gender_type', 'is_starred', 'is_partial', 'is_active', 'is_dead', 'is_me', 'information', 'account',
  'created_at', 'updated_at',
];
const UNKNOWN_DATE = { is_age_based: null, is_year_unknown: null, date: null };

const sorted = (keys: string[]) => [...keys].sort();

/** Every contact the client can list (all pages), optionally for a search term. */
function allContacts(client: Client, query?: string): Promise<Contact[]> {
  return collectPages(async (page) => ok(await listContacts({ client, query: { page, limit: 100, ...(query ? { query } : {}) } })));
}

/** The ids of the contacts a search finds (first page of 100 is plenty for one test's data). */
async function searchIds(client: Client, query: string): Promise<number[]> {
  const body = ok(await listContacts({ client, query: { query, limit: 100 } }));
  expect(body.meta.query).toBe(query);
  return ids(body.data);
}

afterAll(closeTestServers);

/** The server most tests share; each test makes its own contacts, tags and notes with unique names. */
let main: TestServer;
beforeAll(async () => {
  main = await startTestServer();
});

describe('contacts', () => {
  it('create answers 201 with the full contact shape, and get returns the same contact', async () => {
    const first = uniqueWord('Ada');
    const result = await createContact({
      client: main.demo,
      body: contactBody({ first_name: first, last_name: 'Lovelace', nickname: 'Countess', description: 'Wrote the first program' }),
    });
    const contact = ok(result, 201).data as Contact;

    expect(sorted(Object.keys(contact))).toEqual(sorted(FULL_CONTACT_KEYS));
    expect(sorted(Object.keys(contact.information))).toEqual(sorted(FULL_INFORMATION_KEYS));
    expect(Number.isInteger(contact.id)).toBe(true);
    expect(contact).toMatchObject({
      object: 'contact',
      first_name: first,
      last_name: 'Lovelace',
      nickname: 'Countess',
      complete_name: `${first} Lovelace`,
      description: 'Wrote the first program',
      is_partial: false,
      is_dead: false,
      addresses: [],
      tags: [],
      url: `${main.url}/contacts/${contact.id}`,
      created_at: main.clock.stamp(),
      updated_at: main.clock.stamp(),
    });
    expect(Number.isInteger(contact.account.id)).toBe(true);
    expect(Object.values(contact.statistics)).toHaveLength(7);
    expect(Object.values(contact.statistics).every((n) => n === 0)).toBe(true);
    expect(contact.information.career).toEqual({ job: null, company: null });
    expect(contact.information.dates).toEqual({ birthdate: UNKNOWN_DATE, deceased_date: UNKNOWN_DATE });
    for (const group of Object.values(contact.information.relationships)) expect(group).toEqual({ total: 0, contacts: [] });
    expect(contact).not.toHaveProperty('contactFields');
    expect(contact).not.toHaveProperty('notes');

    const fetched = ok(await getContact({ client: main.demo, path: { id: contact.id } })).data;
    expect(fetched).toEqual(contact);
  });

  it('a partial contact comes back in the reduced shape', async () => {
    const partial = await newPartialContact(main.demo, { last_name: 'Partial' });
    const fetched = ok(await getContact({ client: main.demo, path: { id: partial.id } })).data;

    expect(fetched.id).toBe(partial.id);
    expect(fetched.is_partial).toBe(true);
    expect(sorted(Object.keys(fetched))).toEqual(sorted(PARTIAL_CONTACT_KEYS));
    expect(Object.keys(fetched.information)).toEqual(['dates']);
    for (const absent of ['tags', 'statistics', 'url', 'addresses', 'last_called']) expect(fetched).not.toHaveProperty(absent);
    expect(fetched.information).not.toHaveProperty('career');

    // Even ?with=contactfields does not add anything to a partial contact.
    const withFields = ok(await getContact({ client: main.demo, path: { id: partial.id }, query: { with: 'contactfields' } })).data;
    expect(withFields).not.toHaveProperty('contactFields');
    expect(withFields).not.toHaveProperty('notes');
  });

  it('partial contacts are left out of lists and of search', async () => {
    const word = uniqueWord('Shared');
    const real = await newContact(main.demo, { last_name: word });
    const partial = await newPartialContact(main.demo, { last_name: word });

    const listed = ids(await allContacts(main.demo));
    expect(listed).toContain(real.id);
    expect(listed).not.toContain(partial.id);
    expect(await searchIds(main.demo, word)).toEqual([real.id]);
  });

  it('delete answers {deleted: true, id}, then the contact and its notes are gone (404)', async () => {
    const contact = await newContact(main.demo);
    const notes = [await newNote(main.demo, contact.id), await newNote(main.demo, contact.id)];

    const deleted = ok(await deleteContact({ client: main.demo, path: { id: contact.id } }));
    expect(deleted).toEqual({ deleted: true, id: contact.id });
    expect(deleted.id).toBeTypeOf('number');

    expectNotFound(await getContact({ client: main.demo, path: { id: contact.id } }));
    for (const note of notes) expectNotFound(await getNote({ client: main.demo, path: { id: note.id } }));
    const remainingNotes = await collectPages(async (page) => ok(await listNotes({ client: main.demo, query: { page, limit: 100 } })));
    for (const note of notes) expect(ids(remainingNotes)).not.toContain(note.id);
    expectNotFound(await deleteContact({ client: main.demo, path: { id: contact.id } }));
  });
});

describe('pagination', () => {
  let server: TestServer;
  let created: Contact[];

  beforeAll(async () => {
    server = await startTestServer();
    created = [];
    for (let i = 0; i < 17; i += 1) {
      server.clock.advance(1);
      created.push(await newContact(server.demo));
    }
  });

  it('pages hold 15 contacts by default, with Laravel links and meta', async () => {
    const list = `${server.url}/contacts`;
    const page1 = ok(await listContacts({ client: server.demo }));
    expect(ids(page1.data)).toEqual(ids(created.slice(0, 15)));
    expect(page1.links).toEqual({ first: `${list}?page=1`, last: `${list}?page=2`, prev: null, next: `${list}?page=2` });
    expect(page1.meta).toMatchObject({ current_page: 1, from: 1, to: 15, last_page: 2, per_page: 15, total: 17, path: list });

    const page2 = ok(await listContacts({ client: server.demo, query: { page: 2 } }));
    expect(ids(page2.data)).toEqual(ids(created.slice(15)));
    expect(page2.links).toEqual({ first: `${list}?page=1`, last: `${list}?page=2`, prev: `${list}?page=1`, next: null });
    expect(page2.meta).toMatchObject({ current_page: 2, from: 16, to: 17, last_page: 2, per_page: 15, total: 17 });
  });

  it('limit and page pick a window; links carry only the page', async () => {
    const list = `${server.url}/contacts`;
    const page = ok(await listContacts({ client: server.demo, query: { limit: 5, page: 2 } }));
    expect(ids(page.data)).toEqual(ids(created.slice(5, 10)));
    expect(page.links).toEqual({ first: `${list}?page=1`, last: `${list}?page=4`, prev: `${list}?page=1`, next: `${list}?page=3` });
    expect(page.meta).toMatchObject({ current_page: 2, from: 6, to: 10, last_page: 4, per_page: 5, total: 17 });

    const last = ok(await listContacts({ client: server.demo, query: { limit: 5, page: 4 } }));
    expect(ids(last.data)).toEqual(ids(created.slice(15)));
    expect(last.meta).toMatchObject({ current_page: 4, from: 16, to: 17, last_page: 4 });
    expect(last.links.next).toBeNull();
  });

  it('a page past the end answers 200 with no data and from/to null', async () => {
    const page = ok(await listContacts({ client: server.demo, query: { limit: 5, page: 9 } }));
    expect(page.data).toEqual([]);
    expect(page.meta).toMatchObject({ current_page: 9, from: null, to: null, last_page: 4, per_page: 5, total: 17 });
  });

  it('limit=101 answers 400 code 30; limit=100 is accepted', async () => {
    const tooBig = expectError(await listContacts({ client: server.demo, query: { limit: 101 } }), 400, 30);
    expect(tooBig.error.message).toBe('The limit parameter is too big');
    expectError(await listNotes({ client: server.demo, query: { limit: 101 } }), 400, 30);

    const max = ok(await listContacts({ client: server.demo, query: { limit: 100 } }));
    expect(max.meta.per_page).toBe(100);
    expect(ids(max.data)).toEqual(ids(created));
  });
});

describe('sorting', () => {
  let server: TestServer;
  let early: Contact;
  let middle: Contact;
  let late: Contact;

  beforeAll(async () => {
    server = await startTestServer({ startAt: '2024-01-01T12:00:00Z' });
    // Created out of id order: creation time, not id, must decide the order.
    server.clock.set('2024-01-01T12:00:30Z');
    late = await newContact(server.demo);
    server.clock.set('2024-01-01T12:00:10Z');
    early = await newContact(server.demo);
    server.clock.set('2024-01-01T12:00:20Z');
    middle = await newContact(server.demo);
  });

  const order = async (sort?: ContactSort) => ids(ok(await listContacts({ client: server.demo, query: sort ? { sort } : {} })).data);

  it('lists oldest first by default, newest first with sort=-created_at', async () => {
    expect(await order()).toEqual([early.id, middle.id, late.id]);
    expect(await order('created_at')).toEqual([early.id, middle.id, late.id]);
    expect(await order('-created_at')).toEqual([late.id, middle.id, early.id]);
  });

  it('sort=updated_at follows the last update', async () => {
    server.clock.set('2024-01-01T13:00:00Z');
    const updated = ok(await updateContact({ client: server.demo, path: { id: early.id }, body: contactBody({ first_name: early.first_name }) }));
    expect(updated.data.updated_at).toBe('2024-01-01T13:00:00Z');
    expect(updated.data.created_at).toBe(early.created_at);

    expect(await order('updated_at')).toEqual([middle.id, late.id, early.id]);
    expect(await order('-updated_at')).toEqual([early.id, late.id, middle.id]);
    // The creation order is unchanged.
    expect(await order()).toEqual([early.id, middle.id, late.id]);
  });

  it('an unknown sort criterion answers 400 code 39, and so does called_at on contacts', async () => {
    const bogus = expectError(await listContacts({ client: server.demo, query: { sort: unchecked<ContactSort>('bogus') } }), 400, 39);
    expect(bogus.error.message).toBe('The sorting criteria is invalid');
    expectError(await listContacts({ client: server.demo, query: { sort: unchecked<ContactSort>('called_at') } }), 400, 39);
    expectError(await listTags({ client: server.demo, query: { sort: unchecked<ContactSort>('bogus') } }), 400, 39);
  });
});

describe('search', () => {
  it('matches first name, last name, nickname, job, company and description, ignoring case', async () => {
    const words = {
      first: uniqueWord('Fn'),
      last: uniqueWord('Ln'),
      nick: uniqueWord('Nn'),
      job: uniqueWord('Job'),
      company: uniqueWord('Co'),
      description: uniqueWord('De'),
    };
    const byFirst = await newContact(main.demo, { first_name: words.first });
    const byLast = await newContact(main.demo, { last_name: words.last });
    const byNick = await newContact(main.demo, { nickname: words.nick });
    const byDescription = await newContact(main.demo, { description: `Met at ${words.description} camp` });
    const byJob = await newContact(main.demo);
    ok(await updateContactWork({ client: main.demo, path: { id: byJob.id }, body: { job: `Senior ${words.job}` } }));
    const byCompany = await newContact(main.demo);
    ok(await updateContactWork({ client: main.demo, path: { id: byCompany.id }, body: { company: words.company } }));

    expect(await searchIds(main.demo, words.first)).toEqual([byFirst.id]);
    expect(await searchIds(main.demo, words.last)).toEqual([byLast.id]);
    expect(await searchIds(main.demo, words.nick)).toEqual([byNick.id]);
    expect(await searchIds(main.demo, words.job)).toEqual([byJob.id]);
    expect(await searchIds(main.demo, words.company)).toEqual([byCompany.id]);
    expect(await searchIds(main.demo, words.description)).toEqual([byDescription.id]);
    // Case-insensitive, and matching inside a word.
    expect(await searchIds(main.demo, words.first.toUpperCase())).toEqual([byFirst.id]);
    expect(await searchIds(main.demo, words.job.slice(2, -2))).toEqual([byJob.id]);
  });

  it('ORs several words, echoes the term in meta.query and leaves partial contacts out', async () => {
    const a = uniqueWord('Ora');
    const b = uniqueWord('Orb');
    const contactA = await newContact(main.demo, { first_name: a });
    const contactB = await newContact(main.demo, { last_name: b });
    await newPartialContact(main.demo, { first_name: a });
    await newContact(main.demo, { first_name: uniqueWord('Unrelated') });

    const term = `${a} ${b}`;
    const body = ok(await listContacts({ client: main.demo, query: { query: term } }));
    expect(body.meta.query).toBe(term);
    expect(body.meta.total).toBe(2);
    expect(ids(body.data)).toEqual([contactA.id, contactB.id]);
    expect(body.data.every((c) => c.is_partial === false)).toBe(true);
  });

  it('finds a contact by the prefix of its email with Email:prefix', async () => {
    const local = uniqueWord('mail');
    const withEmail = await newContact(main.demo, { email: `${local}@example.test` });
    await newContact(main.demo, { email: `x${local}@example.test` }); // contains the prefix, but does not start with it

    expect(await searchIds(main.demo, `Email:${local}`)).toEqual([withEmail.id]);
    expect(await searchIds(main.demo, `Email:${local}@example.test`)).toEqual([withEmail.id]);
    expect(await searchIds(main.demo, `Email:${uniqueWord('nobody')}`)).toEqual([]);
  });
});

describe('with=contactfields', () => {
  let contact: Contact;
  let email: string;
  let noteIds: number[];

  beforeAll(async () => {
    email = `${uniqueWord('cf')}@example.test`;
    contact = await newContact(main.demo, { email });
    noteIds = [];
    for (let i = 0; i < 4; i += 1) {
      main.clock.advance(1);
      noteIds.push((await newNote(main.demo, contact.id)).id);
    }
  });

  function expectFieldsAndNotes(c: Contact) {
    expect(c.contactFields).toHaveLength(1);
    expect(c.contactFields![0]).toMatchObject({ object: 'contactfield', content: email, contact: { id: contact.id } });
    expect(c.contactFields![0]!.contact_field_type.type).toBe('email');
    // The latest 3 notes, newest first.
    expect(ids(c.notes!)).toEqual([noteIds[3], noteIds[2], noteIds[1]]);
  }

  it('adds contactFields and the latest 3 notes to get', async () => {
    const plain = ok(await getContact({ client: main.demo, path: { id: contact.id } })).data;
    expect(plain).not.toHaveProperty('contactFields');
    expect(plain).not.toHaveProperty('notes');
    expect((plain as Contact).statistics.number_of_notes).toBe(4);

    const withFields = ok(await getContact({ client: main.demo, path: { id: contact.id }, query: { with: 'contactfields' } })).data;
    expectFieldsAndNotes(withFields as Contact);
  });

  it('adds them to every contact of a list', async () => {
    const plain = ok(await listContacts({ client: main.demo, query: { query: contact.first_name } }));
    expect(ids(plain.data)).toEqual([contact.id]);
    expect(plain.data[0]).not.toHaveProperty('contactFields');

    const withFields = ok(await listContacts({ client: main.demo, query: { query: contact.first_name, with: 'contactfields' } }));
    expect(ids(withFields.data)).toEqual([contact.id]);
    expectFieldsAndNotes(withFields.data[0]!);
  });

  it('listContactsForTag always includes them', async () => {
    const tagged = await tagContact(main.demo, contact.id, [uniqueWord('Cf')]);
    const tag = tagged.tags[0]!;
    const body = ok(await listContactsForTag({ client: main.demo, path: { id: tag.id } }));
    expect(ids(body.data)).toEqual([contact.id]);
    expectFieldsAndNotes(body.data[0]!);
  });
});

describe('validation', () => {
  it('create without the required fields answers 422 code 32 naming each missing field', async () => {
    const messages = expectValidationError(await createContact({ client: main.demo, body: unchecked<ContactCreate>({}) }));
    expect(messages).toEqual(
      expect.arrayContaining([
        'The first name field is required.',
        'The is birthdate known field is required.',
        'The is deceased field is required.',
        'The is deceased date known field is required.',
      ]),
    );
    const one = expectValidationError(
      await createContact({ client: main.demo, body: unchecked<ContactCreate>({ first_name: uniqueWord(), is_birthdate_known: false, is_deceased: false }) }),
    );
    expect(one).toEqual(['The is deceased date known field is required.']);
  });

  it('accepts numeric strings for integers and "1"/1/0 for booleans', async () => {
    const reference = await newContact(main.demo, { gender_id: 1 });
    const lenient = ok(
      await createContact({
        client: main.demo,
        body: contactBody({
          gender_id: '1',
          is_partial: '0',
          is_birthdate_known: '1',
          birthdate_is_age_based: 0,
          birthdate_day: '12',
          birthdate_month: '5',
          birthdate_year: '1990',
          is_deceased: 1,
          is_deceased_date_known: '1',
          deceased_date_day: '3',
          deceased_date_month: '4',
          deceased_date_year: '2020',
        }),
      }),
      201,
    ).data;
    expect(reference.gender).not.toBeNull();
    expect(lenient.gender).toBe(reference.gender);
    expect(lenient.gender_type).toBe(reference.gender_type);
    expect(lenient.is_partial).toBe(false);
    expect(lenient.is_dead).toBe(true);
    expect(lenient.information.dates.birthdate).toEqual({ is_age_based: false, is_year_unknown: false, date: '1990-05-12T00:00:00Z' });
    expect(lenient.information.dates.deceased_date).toEqual({ is_age_based: false, is_year_unknown: false, date: '2020-04-03T00:00:00Z' });

    const partial = ok(await createContact({ client: main.demo, body: contactBody({ is_partial: 1 }) }), 201).data;
    expect(partial.is_partial).toBe(true);
    const partialToo = ok(await createContact({ client: main.demo, body: contactBody({ is_partial: '1' }) }), 201).data;
    expect(partialToo.is_partial).toBe(true);
  });

  it('refuses a birthdate that does not exist (30 February) with 422', async () => {
    const first = uniqueWord('Feb');
    const messages = expectValidationError(
      await createContact({
        client: main.demo,
        body: contactBody({ first_name: first, is_birthdate_known: true, birthdate_is_age_based: false, birthdate_day: 30, birthdate_month: 2, birthdate_year: 2001 }),
      }),
    );
    expect(messages.some((m) => /birthdate/i.test(m))).toBe(true);
    expect(await searchIds(main.demo, first)).toEqual([]);
  });

  it('refuses an unknown gender_id with 422', async () => {
    const messages = expectValidationError(await createContact({ client: main.demo, body: contactBody({ gender_id: 987654 }) }));
    expect(messages.some((m) => /gender/i.test(m))).toBe(true);
  });

  it('a body that is not JSON answers 400 code 37', async () => {
    const contact = await newContact(main.demo);
    const requests: [string, string][] = [
      ['POST', '/contacts'],
      ['PUT', `/contacts/${contact.id}`],
      ['POST', '/notes'],
    ];
    for (const [method, path] of requests) {
      const res = await rawRequest(main.url, method, path, {
        token: main.tokens.demo,
        body: '{"first_name": "Broken",',
        headers: { 'Content-Type': 'application/json' },
      });
      expect(res.status, `${method} ${path}`).toBe(400);
      expectJsonContentType(res);
      expect(res.json).toEqual({ error: { message: 'Problems parsing JSON', error_code: 37 } });
    }
    expect(ok(await getContact({ client: main.demo, path: { id: contact.id } })).data).toEqual(contact);
  });

  it('a duplicate email, in any case, answers 422 code 35 and creates nothing', async () => {
    const local = uniqueWord('dup');
    await newContact(main.demo, { email: `${local}@Example.test` });
    const second = uniqueWord('Second');
    const dup = expectError(
      await createContact({ client: main.demo, body: contactBody({ first_name: second, email: `${local.toUpperCase()}@example.TEST` }) }),
      422,
      35,
    );
    expect(dup.error.message).toBe('This email address is already taken');
    expect(await searchIds(main.demo, second)).toEqual([]);
    expect(await searchIds(main.demo, `Email:${local}`)).toHaveLength(1);
  });

  it('a required text that is only spaces counts as missing (422), as Laravel trims input', async () => {
    const contact = await newContact(main.demo);
    const results = {
      contact: await createContact({ client: main.demo, body: contactBody({ first_name: '   ' }) }),
      tag: await createTag({ client: main.demo, body: { name: '   ' } }),
      note: await createNote({ client: main.demo, body: { contact_id: contact.id, body: '   ' } }),
    };
    const summary = (r: { response: Response; error?: unknown }) => ({ status: r.response.status, error: r.error });
    expect({ contact: summary(results.contact), tag: summary(results.tag), note: summary(results.note) }).toEqual({
      contact: { status: 422, error: { error: { message: ['The first name field is required.'], error_code: 32 } } },
      tag: { status: 422, error: { error: { message: ['The name field is required.'], error_code: 32 } } },
      note: { status: 422, error: { error: { message: ['The body field is required.'], error_code: 32 } } },
    });
  });

  it('case-insensitive matching covers accented letters too (search and duplicate email)', async () => {
    const word = uniqueWord('x');
    const contact = await newContact(main.demo, { last_name: `Élodie${word}` });
    const local = uniqueWord('dupé');
    await newContact(main.demo, { email: `${local}É@example.test` });
    const duplicate = await createContact({ client: main.demo, body: contactBody({ email: `${local}é@example.test` }) });

    expect({
      search: await searchIds(main.demo, `élodie${word}`),
      duplicateStatus: duplicate.response.status,
    }).toEqual({ search: [contact.id], duplicateStatus: 422 });
    expectError(duplicate, 422, 35);
  });

  it('updateContactWork on a partial contact answers 422', async () => {
    const partial = await newPartialContact(main.demo);
    const messages = expectValidationError(await updateContactWork({ client: main.demo, path: { id: partial.id }, body: { job: 'Pilot' } }));
    expect(messages).toEqual(["The contact can't be a partial contact"]);
  });
});

describe('tags', () => {
  it('createTag answers 201 with a slug of the name', async () => {
    const word = uniqueWord('Trip');
    const name = `Road Trip ${word}!`;
    const result = ok(await createTag({ client: main.demo, body: { name } }), 201).data;
    expect(result).toMatchObject({ object: 'tag', name, name_slug: `road-trip-${word.toLowerCase()}` });
    expect(result.created_at).toMatch(TIMESTAMP);
    expect(ok(await getTag({ client: main.demo, path: { id: result.id } })).data).toEqual(result);
  });

  it('setContactTags reuses tags by name, creates missing ones and never removes any', async () => {
    const [alpha, beta, gamma] = [uniqueWord('Alpha'), uniqueWord('Beta'), uniqueWord('Gamma')];
    const existing = await newTag(main.demo, alpha);
    const contact = await newContact(main.demo);

    const first = await tagContact(main.demo, contact.id, [alpha, beta]);
    expect(first.tags.map((t) => t.name)).toEqual([alpha, beta]);
    expect(first.tags[0]!.id).toBe(existing.id);

    const second = await tagContact(main.demo, contact.id, [gamma, beta]);
    expect(second.tags.map((t) => t.name).sort()).toEqual([alpha, beta, gamma].sort());

    const allTags = await collectPages(async (page) => ok(await listTags({ client: main.demo, query: { page, limit: 100 } })));
    for (const name of [alpha, beta, gamma]) expect(allTags.filter((t) => t.name === name), name).toHaveLength(1);
    const read = ok(await getContact({ client: main.demo, path: { id: contact.id } })).data as Contact;
    expect(read.tags.map((t) => t.name).sort()).toEqual([alpha, beta, gamma].sort());
  });

  it('unsetContactTag removes the given tags; a tag of another account answers 404 and changes nothing', async () => {
    const names = [uniqueWord('Ua'), uniqueWord('Ub'), uniqueWord('Uc')];
    const contact = await newContact(main.demo);
    const tagged = await tagContact(main.demo, contact.id, names);
    const [a, b, c] = tagged.tags;

    const after = ok(await unsetContactTag({ client: main.demo, path: { id: contact.id }, body: { tags: [a!.id] } })).data as Contact;
    expect(ids(after.tags)).toEqual([b!.id, c!.id]);
    expect(ok(await getTag({ client: main.demo, path: { id: a!.id } })).data.id).toBe(a!.id);

    const foreign = await newTag(main.other);
    expectNotFound(await unsetContactTag({ client: main.demo, path: { id: contact.id }, body: { tags: [foreign.id] } }));
    expectNotFound(await unsetContactTag({ client: main.demo, path: { id: contact.id }, body: { tags: [b!.id, foreign.id] } }));
    const read = ok(await getContact({ client: main.demo, path: { id: contact.id } })).data as Contact;
    expect(ids(read.tags)).toEqual([b!.id, c!.id]);
    expect(ok(await getTag({ client: main.other, path: { id: foreign.id } })).data).toEqual(foreign);
  });

  it('unsetContactTags removes every tag but keeps the tags themselves', async () => {
    const contact = await newContact(main.demo);
    const tagged = await tagContact(main.demo, contact.id, [uniqueWord('Ra'), uniqueWord('Rb')]);
    expect(tagged.tags).toHaveLength(2);

    const after = ok(await unsetContactTags({ client: main.demo, path: { id: contact.id } })).data as Contact;
    expect(after.tags).toEqual([]);
    expect((ok(await getContact({ client: main.demo, path: { id: contact.id } })).data as Contact).tags).toEqual([]);
    for (const tag of tagged.tags) expect(ok(await getTag({ client: main.demo, path: { id: tag.id } })).data).toEqual(tag);
  });

  it('deleting a tag removes it from its contacts and keeps the contacts', async () => {
    const keep = uniqueWord('Keep');
    const doomed = uniqueWord('Doomed');
    const contact = await newContact(main.demo);
    const tagged = await tagContact(main.demo, contact.id, [keep, doomed]);
    const doomedTag = tagged.tags.find((t) => t.name === doomed)!;

    expect(ok(await deleteTag({ client: main.demo, path: { id: doomedTag.id } }))).toEqual({ deleted: true, id: doomedTag.id });
    expectNotFound(await getTag({ client: main.demo, path: { id: doomedTag.id } }));
    const read = ok(await getContact({ client: main.demo, path: { id: contact.id } })).data as Contact;
    expect(read.tags.map((t) => t.name)).toEqual([keep]);
    expectNotFound(await listContactsForTag({ client: main.demo, path: { id: doomedTag.id } }));
  });

  it('listContactsForTag lists only the real contacts carrying the tag; an unknown tag is 404', async () => {
    const name = uniqueWord('Club');
    const one = await newContact(main.demo);
    await newContact(main.demo); // not tagged
    const partial = await newPartialContact(main.demo);
    const two = await newContact(main.demo);
    const tag = (await tagContact(main.demo, one.id, [name])).tags[0]!;
    await tagContact(main.demo, two.id, [name]);
    ok(await setContactTags({ client: main.demo, path: { id: partial.id }, body: { tags: [name] } }));

    const body = ok(await listContactsForTag({ client: main.demo, path: { id: tag.id } }));
    expect(ids(body.data)).toEqual([one.id, two.id]);
    expect(body.meta.total).toBe(2);

    const unknown = await newTag(main.demo);
    ok(await deleteTag({ client: main.demo, path: { id: unknown.id } }));
    expectNotFound(await listContactsForTag({ client: main.demo, path: { id: unknown.id } }));
  });
});

describe('notes', () => {
  it('create answers 201; is_favorited sets favorited_at, and an update without it un-favourites', async () => {
    const contact = await newContact(main.demo);
    main.clock.advance(60);
    const note = ok(await createNote({ client: main.demo, body: { contact_id: contact.id, body: 'Likes tea', is_favorited: true } }), 201).data;
    expect(note).toMatchObject({ object: 'note', body: 'Likes tea', is_favorited: true, favorited_at: main.clock.stamp(), contact: { id: contact.id } });
    expect(ok(await getNote({ client: main.demo, path: { id: note.id } })).data).toEqual(note);

    main.clock.advance(60);
    const updated = ok(await updateNote({ client: main.demo, path: { id: note.id }, body: { contact_id: contact.id, body: 'Likes coffee' } })).data;
    expect(updated).toMatchObject({ id: note.id, body: 'Likes coffee', is_favorited: false, favorited_at: null, updated_at: main.clock.stamp() });

    const plain = await newNote(main.demo, contact.id);
    expect(plain).toMatchObject({ is_favorited: false, favorited_at: null });
  });

  it('listContactNotes lists the notes of one contact only', async () => {
    const contact = await newContact(main.demo);
    const elsewhere = await newContact(main.demo);
    const mine = [await newNote(main.demo, contact.id), await newNote(main.demo, contact.id)];
    await newNote(main.demo, elsewhere.id);

    const body = ok(await listContactNotes({ client: main.demo, path: { id: contact.id } }));
    expect(ids(body.data)).toEqual(ids(mine));
    expect(body.meta.total).toBe(2);
    expect(body.data.every((n) => n.contact.id === contact.id)).toBe(true);
  });

  it('a note for a contact of another account answers 404', async () => {
    const contact = await newContact(main.demo);
    expectNotFound(await createNote({ client: main.other, body: { contact_id: contact.id, body: 'Sneaky' } }));
    expect(ok(await listContactNotes({ client: main.demo, path: { id: contact.id } })).meta.total).toBe(0);
  });

  it('sort=-favorited_at puts the latest favourite first', async () => {
    const contact = await newContact(main.demo);
    main.clock.advance(10);
    const older = await newNote(main.demo, contact.id, { is_favorited: true });
    main.clock.advance(10);
    const none = await newNote(main.demo, contact.id);
    main.clock.advance(10);
    const newer = await newNote(main.demo, contact.id, { is_favorited: true });

    const desc = ok(await listContactNotes({ client: main.demo, path: { id: contact.id }, query: { sort: '-favorited_at' } }));
    expect(ids(desc.data)).toEqual([newer.id, older.id, none.id]);
    const byCreation = ok(await listContactNotes({ client: main.demo, path: { id: contact.id } }));
    expect(ids(byCreation.data)).toEqual([older.id, none.id, newer.id]);
  });
});

describe('audit logs', () => {
  it('listContactLogs shows contact_created then contact_updated, newest first, with the author', async () => {
    main.clock.advance(5);
    const contact = await newContact(main.demo);
    const createdAt = main.clock.stamp();
    main.clock.advance(5);
    ok(await updateContact({ client: main.demo, path: { id: contact.id }, body: contactBody({ first_name: contact.first_name, last_name: 'Renamed' }) }));
    const updatedAt = main.clock.stamp();

    const logs = ok(await listContactLogs({ client: main.demo, path: { id: contact.id } }));
    expect(logs.data.map((l) => l.action)).toEqual(['contact_updated', 'contact_created']);
    expect(logs.data.map((l) => l.audited_at)).toEqual([updatedAt, createdAt]);
    for (const log of logs.data) {
      expect(log.object).toBe('auditlog');
      expect(log.author.name).toBe('Jane Doe');
      expect(log.objects).toMatchObject({ contact_id: contact.id });
    }
    expect(logs.meta.total).toBe(2);
  });
});

describe('authentication and account isolation', () => {
  it('no token or an unknown token answers 401 with exactly {"message":"Unauthenticated."}', async () => {
    const contact = await newContact(main.demo);
    const stranger = main.clientFor('not-a-real-token');
    for (const client of [main.anonymous, stranger]) {
      expectUnauthenticated(await listContacts({ client }));
      expectUnauthenticated(await getContact({ client, path: { id: contact.id } }));
      expectUnauthenticated(await createContact({ client, body: contactBody() }));
      expectUnauthenticated(await deleteContact({ client, path: { id: contact.id } }));
      expectUnauthenticated(await listTags({ client }));
      expectUnauthenticated(await listNotes({ client }));
    }
    expect(ok(await getContact({ client: main.demo, path: { id: contact.id } })).data).toEqual(contact);
  });

  it("the second account gets 404 on the first account's contact, note and tag, which stay unchanged", async () => {
    const contact = await newContact(main.demo, { email: `${uniqueWord('iso')}@example.test` });
    const tagged = await tagContact(main.demo, contact.id, [uniqueWord('Iso')]);
    const tag = tagged.tags[0]!;
    const note = await newNote(main.demo, contact.id);
    const before = {
      contact: ok(await getContact({ client: main.demo, path: { id: contact.id }, query: { with: 'contactfields' } })).data,
      note: ok(await getNote({ client: main.demo, path: { id: note.id } })).data,
      tag: ok(await getTag({ client: main.demo, path: { id: tag.id } })).data,
      logs: ok(await listContactLogs({ client: main.demo, path: { id: contact.id } })).data,
    };
    const ownContact = await newContact(main.other);
    const client = main.other;
    const id = contact.id;
    const noteBody: NoteWrite = { contact_id: ownContact.id, body: 'Overwritten' };

    main.clock.advance(30);
    expectNotFound(await getContact({ client, path: { id } }));
    expectNotFound(await updateContact({ client, path: { id }, body: contactBody({ first_name: 'Hijacked' }) }));
    expectNotFound(await updateContactWork({ client, path: { id }, body: { job: 'Hijacked' } }));
    expectNotFound(await setContactTags({ client, path: { id }, body: { tags: ['hijacked'] } }));
    expectNotFound(await unsetContactTag({ client, path: { id }, body: { tags: [tag.id] } }));
    expectNotFound(await unsetContactTags({ client, path: { id } }));
    expectNotFound(await listContactLogs({ client, path: { id } }));
    expectNotFound(await listContactNotes({ client, path: { id } }));
    expectNotFound(await getNote({ client, path: { id: note.id } }));
    expectNotFound(await updateNote({ client, path: { id: note.id }, body: noteBody }));
    expectNotFound(await deleteNote({ client, path: { id: note.id } }));
    expectNotFound(await getTag({ client, path: { id: tag.id } }));
    expectNotFound(await updateTag({ client, path: { id: tag.id }, body: { name: 'Hijacked' } }));
    expectNotFound(await listContactsForTag({ client, path: { id: tag.id } }));
    expectNotFound(await deleteTag({ client, path: { id: tag.id } }));
    expectNotFound(await deleteContact({ client, path: { id } }));
    // The second account's own note cannot be moved onto the first account's contact either.
    const ownNote = await newNote(client, ownContact.id);
    expectNotFound(await updateNote({ client, path: { id: ownNote.id }, body: { contact_id: id, body: 'Moved' } }));

    const after = {
      contact: ok(await getContact({ client: main.demo, path: { id }, query: { with: 'contactfields' } })).data,
      note: ok(await getNote({ client: main.demo, path: { id: note.id } })).data,
      tag: ok(await getTag({ client: main.demo, path: { id: tag.id } })).data,
      logs: ok(await listContactLogs({ client: main.demo, path: { id } })).data,
    };
    expect(after).toEqual(before);
    expect(ok(await getNote({ client, path: { id: ownNote.id } })).data.contact.id).toBe(ownContact.id);
  });

  it("the second account's lists never contain the first account's objects", async () => {
    const first = uniqueWord('Mine');
    const contact = await newContact(main.demo, { first_name: first, email: `${first}@example.test` });
    const tag = (await tagContact(main.demo, contact.id, [uniqueWord('Mine')])).tags[0]!;
    const note = await newNote(main.demo, contact.id);
    await newContact(main.other); // so that the lists are not trivially empty

    const contacts = await allContacts(main.other);
    expect(contacts.length).toBeGreaterThan(0);
    expect(ids(contacts)).not.toContain(contact.id);
    expect(contacts.every((c) => c.account.id !== contact.account.id)).toBe(true);
    const tags = await collectPages(async (page) => ok(await listTags({ client: main.other, query: { page, limit: 100 } })));
    expect(ids(tags)).not.toContain(tag.id);
    const notes = await collectPages(async (page) => ok(await listNotes({ client: main.other, query: { page, limit: 100 } })));
    expect(ids(notes)).not.toContain(note.id);
    expect(await searchIds(main.other, first)).toEqual([]);
    expect(await searchIds(main.other, `Email:${first}`)).toEqual([]);
    expect(await searchIds(main.demo, first)).toEqual([contact.id]);
  });
});

describe('rate limiting', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ rateLimit: 5 });
  });

  it('counts down X-RateLimit-Remaining, then answers 429 code 34 with Retry-After; other tokens keep their budget', async () => {
    for (let i = 1; i <= 5; i += 1) {
      const result = await listTags({ client: server.demo });
      ok(result);
      expect(result.response.headers.get('X-RateLimit-Limit')).toBe('5');
      expect(result.response.headers.get('X-RateLimit-Remaining')).toBe(String(5 - i));
    }
    const limited = await listTags({ client: server.demo });
    const body = expectError(limited, 429, 34);
    expect(body.error.message).toBe('Too many attempts, please slow down the request');
    const retryAfter = Number(limited.response.headers.get('Retry-After'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.response.headers.get('X-RateLimit-Remaining')).toBe('0');
    // A write is refused too, and creates nothing.
    expectError(await createContact({ client: server.demo, body: contactBody() }), 429, 34);

    const second = server.clientFor(server.issueToken('second'));
    const fresh = await listContacts({ client: second });
    expect(ok(fresh).data).toEqual([]);
    expect(fresh.response.headers.get('X-RateLimit-Remaining')).toBe('4');
    const otherAccount = await listTags({ client: server.other });
    ok(otherAccount);
    expect(otherAccount.response.headers.get('X-RateLimit-Remaining')).toBe('4');
  });

  it("401 answers are not throttled and use no one's budget", async () => {
    const client = server.clientFor(server.issueToken('third'));
    const first = await listTags({ client });
    expect(first.response.headers.get('X-RateLimit-Remaining')).toBe('4');

    const stranger = server.clientFor('not-a-real-token');
    for (let i = 0; i < 8; i += 1) {
      const result = await listTags({ client: i % 2 === 0 ? server.anonymous : stranger });
      expectUnauthenticated(result);
      expect(result.response.headers.get('X-RateLimit-Remaining')).toBeNull();
    }
    const next = await listTags({ client });
    ok(next);
    expect(next.response.headers.get('X-RateLimit-Remaining')).toBe('3');
  });
});

describe('demo data', () => {
  it('the demo account lists its real contacts 15 a page; the other account sees none of them', async () => {
    const server = await startTestServer({ demoData: true });
    const page1 = ok(await listContacts({ client: server.demo }));
    expect(page1.meta.per_page).toBe(15);
    expect(page1.data).toHaveLength(15);
    expect(page1.meta.total).toBeGreaterThan(15);

    const everyone = await collectPages(async (page) => ok(await listContacts({ client: server.demo, query: { page } })));
    expect(everyone).toHaveLength(page1.meta.total);
    expect(new Set(ids(everyone)).size).toBe(everyone.length);
    expect(everyone.every((c) => c.is_partial === false)).toBe(true);
    const createdAt = everyone.map((c) => c.created_at!);
    expect(createdAt).toEqual([...createdAt].sort());

    const theirs = await allContacts(server.other);
    expect(theirs.length).toBeGreaterThan(0);
    const mine = new Set(ids(everyone));
    expect(ids(theirs).filter((id) => mine.has(id))).toEqual([]);
    for (const c of theirs) expectNotFound(await getContact({ client: server.demo, path: { id: c.id } }));
  });
});

// Runs last: looks back at every response the tests above received.
describe('every response', () => {
  it('is JSON, and every error body is the envelope (or Laravel 401 body)', () => {
    expect(responseLog.length).toBeGreaterThan(100);
    const statuses = new Set(responseLog.map((r) => r.status));
    for (const status of [200, 201, 400, 401, 404, 422, 429]) expect(statuses, `no ${status} seen`).toContain(status);
    for (const r of responseLog) {
      const where = `${r.method} ${r.url} -> ${r.status}`;
      expect(r.contentType ?? '', where).toMatch(/^application\/json\b/);
      const body: unknown = JSON.parse(r.body);
      if (r.status === 401) expect(body, where).toEqual(UNAUTHENTICATED_BODY);
      else if (r.status >= 400) expectEnvelope(body);
    }
  });
});
