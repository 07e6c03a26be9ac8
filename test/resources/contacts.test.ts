// Contacts through the generated SDK: create, read, replace and delete, the full and the partial shape, the list with
// pagination, sorting and search, ?with=contactfields, validation, the contacts of a tag, a contact's audit logs, food
// preferences, introduction, avatar, the user's own contact, and the deprecated partners/kids calls (relationships made and removed both ways). Every server runs on port 0 with an
// in-memory database; each test creates the data it looks at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createContact,
  createNote,
  createTag,
  deleteContact,
  deletePhoto,
  deleteTag,
  getContact,
  getCurrentUser,
  getNote,
  linkContactChild,
  linkContactPartner,
  listContactLogs,
  listContactReminders,
  listContacts,
  listContactsForTag,
  listNotes,
  listTags,
  setContactTags,
  setMeContact,
  unlinkContactChild,
  unlinkContactPartner,
  unsetMeContact,
  updateContact,
  updateContactAvatar,
  updateContactFood,
  updateContactIntroduction,
  updateContactWork,
} from '../../generated/client/sdk.gen.js';
import type { Contact, ContactCreate, ContactSort } from '../../generated/client/types.gen.js';
import { rawRequest } from '../helpers/client.js';
import { expectError, expectJsonContentType, expectNotFound, expectPage, expectValidationError, ok } from '../helpers/expect.js';
import {
  allContacts,
  collectPages,
  contactBody,
  ids,
  linksOf,
  newContact,
  newNote,
  newPartialContact,
  newPhoto,
  newRelationship,
  newTag,
  searchIds,
  tagContact,
  unchecked,
  uniqueWord,
} from '../helpers/factories.js';
import { archiveContact, startFilesServer, type FilesTestServer } from '../helpers/filesServer.js';
import { serversForFile, startTestServer, type TestServer } from '../helpers/server.js';

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

/** The server most tests share; each test makes its own contacts, tags and notes with unique names. */
const [main] = await serversForFile();

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
    expectPage(page1, list, { current_page: 1, from: 1, to: 15, last_page: 2, per_page: 15, total: 17 });

    const page2 = ok(await listContacts({ client: server.demo, query: { page: 2 } }));
    expect(ids(page2.data)).toEqual(ids(created.slice(15)));
    expectPage(page2, list, { current_page: 2, from: 16, to: 17, last_page: 2, per_page: 15, total: 17 });
  });

  it('limit and page pick a window; links carry only the page', async () => {
    const list = `${server.url}/contacts`;
    const page = ok(await listContacts({ client: server.demo, query: { limit: 5, page: 2 } }));
    expect(ids(page.data)).toEqual(ids(created.slice(5, 10)));
    expectPage(page, list, { current_page: 2, from: 6, to: 10, last_page: 4, per_page: 5, total: 17 });

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
    expectValidationError(
      await createContact({ client: main.demo, body: unchecked<ContactCreate>({}) }),
      [
        'The first name field is required.',
        'The is birthdate known field is required.',
        'The is deceased field is required.',
        'The is deceased date known field is required.',
      ],
    );
    expectValidationError(
      await createContact({ client: main.demo, body: unchecked<ContactCreate>({ first_name: uniqueWord(), is_birthdate_known: false, is_deceased: false }) }),
      ['The is deceased date known field is required.'],
    );
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
    expectValidationError(
      await createContact({
        client: main.demo,
        body: contactBody({ first_name: first, is_birthdate_known: true, birthdate_is_age_based: false, birthdate_day: 30, birthdate_month: 2, birthdate_year: 2001 }),
      }),
      ['The birthdate is not a valid date.'],
    );
    expect(await searchIds(main.demo, first)).toEqual([]);
  });

  it('refuses an unknown gender_id with 422', async () => {
    expectValidationError(await createContact({ client: main.demo, body: contactBody({ gender_id: 987654 }) }), ['The selected gender id is invalid.']);
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
    expectValidationError(
      await updateContactWork({ client: main.demo, path: { id: partial.id }, body: { job: 'Pilot' } }),
      ["The contact can't be a partial contact"],
    );
  });
});

describe('tags', () => {
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

describe('legacy partners and kids calls', () => {
  it('linkContactPartner links both ways and answers the contact with its partner under love', async () => {
    const a = await newContact(main.demo);
    const b = await newPartialContact(main.demo);
    const contact = ok(await linkContactPartner({ client: main.demo, path: { id: a.id }, body: { partner_id: String(b.id) } })).data as Contact;
    expect(contact.id).toBe(a.id);
    const love = contact.information.relationships.love;
    expect(love.total).toBe(1);
    expect(love.contacts).toEqual([{ relationship: { id: expect.any(Number), uuid: expect.any(String), name: 'partner' }, contact: expect.objectContaining({ id: b.id, is_partial: true }) }]);
    expect(contact.information.relationships.family).toEqual({ total: 0, contacts: [] });
    expect(await linksOf(main.demo, b.id)).toEqual([['partner', a.id]]);

    // Linking again changes nothing.
    ok(await linkContactPartner({ client: main.demo, path: { id: a.id }, body: { partner_id: b.id } }));
    expect(await linksOf(main.demo, a.id)).toEqual([['partner', b.id]]);
  });

  it('unlinkContactPartner removes both sides and deletes neither contact', async () => {
    const a = await newContact(main.demo);
    const b = await newContact(main.demo);
    ok(await linkContactPartner({ client: main.demo, path: { id: a.id }, body: { partner_id: b.id } }));
    await newRelationship(main.demo, a.id, 'friend', b.id);
    const contact = ok(await unlinkContactPartner({ client: main.demo, path: { id: a.id }, body: { partner_id: b.id } })).data as Contact;
    expect(contact.information.relationships.love).toEqual({ total: 0, contacts: [] });
    expect(contact.information.relationships.friend.total).toBe(1);
    expect(await linksOf(main.demo, a.id)).toEqual([['friend', b.id]]);
    expect(await linksOf(main.demo, b.id)).toEqual([['friend', a.id]]);
    ok(await getContact({ client: main.demo, path: { id: b.id } }));
  });

  it('linkContactChild makes the child the contact’s child and the contact the child’s parent; unlink removes both', async () => {
    const parent = await newContact(main.demo);
    const child = await newContact(main.demo);
    const contact = ok(await linkContactChild({ client: main.demo, path: { id: parent.id }, body: { child_id: child.id } })).data as Contact;
    expect(contact.information.relationships.family.contacts?.map((c) => [c.relationship.name, c.contact.id])).toEqual([['child', child.id]]);
    expect(await linksOf(main.demo, child.id)).toEqual([['parent', parent.id]]);

    const after = ok(await unlinkContactChild({ client: main.demo, path: { id: parent.id }, body: { child_id: child.id } })).data as Contact;
    expect(after.information.relationships.family).toEqual({ total: 0, contacts: [] });
    expect(await linksOf(main.demo, child.id)).toEqual([]);
  });

  it('a partial contact in the path answers 422 with code 36 and links nothing', async () => {
    const partial = await newPartialContact(main.demo);
    const real = await newContact(main.demo);
    const error = expectError(await linkContactPartner({ client: main.demo, path: { id: partial.id }, body: { partner_id: real.id } }), 422, 36);
    expect(error.error.message).toBe("You can't set a partner or a child to a partial contact");
    expectError(await linkContactChild({ client: main.demo, path: { id: partial.id }, body: { child_id: real.id } }), 422, 36);
    expect(await linksOf(main.demo, real.id)).toEqual([]);
  });

  it('a missing partner_id is 422 code 32; a contact of another account is 404 and nothing changes', async () => {
    const a = await newContact(main.demo);
    expectValidationError(await linkContactPartner({ client: main.demo, path: { id: a.id }, body: unchecked({}) }), ['The partner id field is required.']);
    const stranger = await newContact(main.other);
    expectNotFound(await linkContactPartner({ client: main.demo, path: { id: a.id }, body: { partner_id: stranger.id } }));
    expectNotFound(await linkContactChild({ client: main.other, path: { id: stranger.id }, body: { child_id: a.id } }));
    expectNotFound(await linkContactPartner({ client: main.other, path: { id: a.id }, body: { partner_id: stranger.id } }));
    expect(await linksOf(main.demo, a.id)).toEqual([]);
    expect(await linksOf(main.other, stranger.id)).toEqual([]);
  });
});

describe('food preferences, introduction, avatar and the user\'s contact', () => {
  let withDb: FilesTestServer;
  beforeAll(async () => {
    withDb = await startFilesServer();
  });
  afterAll(() => withDb.close());

  const full = async (id: number) => ok(await getContact({ client: main.demo, path: { id } })).data as Contact;

  it('PUT food sets the food preferences and answers the contact; null, "" or nothing clears them', async () => {
    const contact = await newContact(main.demo);
    main.clock.advance(30);
    const fed = ok(await updateContactFood({ client: main.demo, path: { id: contact.id }, body: { food_preferences: ' Vegetarian; no peanuts ' } })).data as Contact;
    expect(sorted(Object.keys(fed))).toEqual(sorted(FULL_CONTACT_KEYS));
    expect(fed.information.food_preferences).toBe('Vegetarian; no peanuts');
    expect(fed.updated_at).toBe(main.clock.stamp());
    expect((await full(contact.id)).information.food_preferences).toBe('Vegetarian; no peanuts');
    for (const body of [{ food_preferences: null }, { food_preferences: '' }, {}]) {
      ok(await updateContactFood({ client: main.demo, path: { id: contact.id }, body: { food_preferences: 'Something' } }));
      expect((ok(await updateContactFood({ client: main.demo, path: { id: contact.id }, body })).data as Contact).information.food_preferences).toBeNull();
    }
  });

  it('PUT food: a partial contact answers 422, another account\'s contact 404, and nothing changes', async () => {
    const partial = await newPartialContact(main.demo);
    expectValidationError(await updateContactFood({ client: main.demo, path: { id: partial.id }, body: { food_preferences: 'Tea' } }), ["The contact can't be a partial contact"]);
    const contact = await newContact(main.demo);
    expectNotFound(await updateContactFood({ client: main.other, path: { id: contact.id }, body: { food_preferences: 'Stolen' } }));
    expectValidationError(await updateContactFood({ client: main.demo, path: { id: contact.id }, body: { food_preferences: 'x'.repeat(65536) } }), [
      'The food preferences may not be greater than 65535 characters.',
    ]);
    expect((await full(contact.id)).information.food_preferences).toBeNull();
  });

  it('PUT introduction replaces how you met: who, when (exact, year unknown or from an age) and a free text', async () => {
    const contact = await newContact(main.demo);
    const friend = await newContact(main.demo, { first_name: 'Ron' });
    const exact = ok(
      await updateContactIntroduction({
        client: main.demo,
        path: { id: contact.id },
        body: { met_through_contact_id: String(friend.id), general_information: 'At the picnic', where: 'Scranton', is_date_known: true, is_age_based: false, day: 12, month: '8', year: 2005 },
      }),
    ).data as Contact;
    expect(exact.information.how_you_met).toMatchObject({
      general_information: 'At the picnic',
      first_met_date: { is_age_based: false, is_year_unknown: false, date: '2005-08-12T00:00:00Z' },
      first_met_through_contact: { id: friend.id, first_name: 'Ron' },
    });
    const noYear = ok(await updateContactIntroduction({ client: main.demo, path: { id: contact.id }, body: { is_date_known: true, day: 1, month: 3, year: null } })).data as Contact;
    expect(noYear.information.how_you_met).toEqual({
      general_information: null,
      first_met_date: { is_age_based: false, is_year_unknown: true, date: '2024-03-01T00:00:00Z' },
      first_met_through_contact: null,
    });
    const aged = ok(await updateContactIntroduction({ client: main.demo, path: { id: contact.id }, body: { is_date_known: '1', is_age_based: true, age: 10 } })).data as Contact;
    expect(aged.information.how_you_met.first_met_date).toEqual({ is_age_based: true, is_year_unknown: false, date: '2014-01-01T00:00:00Z' });
    const unknown = ok(await updateContactIntroduction({ client: main.demo, path: { id: contact.id }, body: { is_date_known: false, day: 5, month: 5 } })).data as Contact;
    expect(unknown.information.how_you_met.first_met_date).toEqual(UNKNOWN_DATE);
  });

  it('PUT introduction with add_reminder adds a yearly reminder on that day; the next call replaces it', async () => {
    const contact = await newContact(main.demo);
    const reminders = async () => ok(await listContactReminders({ client: main.demo, path: { id: contact.id } })).data;
    ok(await updateContactIntroduction({ client: main.demo, path: { id: contact.id }, body: { is_date_known: true, day: 12, month: 8, year: 2005, add_reminder: true } }));
    const [first] = await reminders();
    expect(first).toMatchObject({ title: 'Anniversary of the day you first met', frequency_type: 'year', frequency_number: 1, initial_date: '2005-08-12T00:00:00Z', delible: false });
    ok(await updateContactIntroduction({ client: main.demo, path: { id: contact.id }, body: { is_date_known: true, day: 13, month: 8, year: 2005, add_reminder: true } }));
    const again = await reminders();
    expect(again).toHaveLength(1);
    expect(again[0]!.initial_date).toBe('2005-08-13T00:00:00Z');
    ok(await updateContactIntroduction({ client: main.demo, path: { id: contact.id }, body: { is_date_known: true, is_age_based: true, age: 3, add_reminder: true } }));
    expect(await reminders()).toEqual([]);
  });

  it('PUT introduction refuses a partial or archived contact, missing or impossible days (422), another account\'s contacts (404)', async () => {
    const partial = await newPartialContact(main.demo);
    expectValidationError(await updateContactIntroduction({ client: main.demo, path: { id: partial.id }, body: { is_date_known: false } }), ["The contact can't be a partial contact"]);
    const contact = await newContact(main.demo);
    // 4.x's Rule::requiredIf answers the plain 'The day field is required.' (and month, age); the server adds the condition.
    expectValidationError(await updateContactIntroduction({ client: main.demo, path: { id: contact.id }, body: { is_date_known: true } }), [
      'The day field is required when the date is known.',
      'The month field is required when the date is known.',
    ]);
    // 4.x validates no day against its month (it would store 2 March); the contract refuses 30 February.
    expectValidationError(await updateContactIntroduction({ client: main.demo, path: { id: contact.id }, body: { is_date_known: true, day: 30, month: 2, year: 2023 } }), [
      'The date is not a valid date.',
    ]);
    expectValidationError(await updateContactIntroduction({ client: main.demo, path: { id: contact.id }, body: { is_date_known: true, is_age_based: true } }), [
      'The age field is required when the date is age based.',
    ]);
    expectValidationError(await updateContactIntroduction({ client: main.demo, path: { id: contact.id }, body: unchecked({ general_information: 'no flag' }) }), [
      'The is date known field is required.',
    ]);
    const theirs = await newContact(main.other);
    expectNotFound(await updateContactIntroduction({ client: main.demo, path: { id: contact.id }, body: { is_date_known: false, met_through_contact_id: theirs.id } }));
    expectNotFound(await updateContactIntroduction({ client: main.other, path: { id: contact.id }, body: { is_date_known: false } }));
    expect((await full(contact.id)).information.how_you_met).toEqual({ general_information: null, first_met_date: UNKNOWN_DATE, first_met_through_contact: null });

    const archived = await newContact(withDb.demo);
    archiveContact(withDb.db, archived.id);
    expectValidationError(await updateContactIntroduction({ client: withDb.demo, path: { id: archived.id }, body: { is_date_known: false, general_information: 'Later' } }), [
      'The contact is archived: it cannot be changed until it is unarchived.',
    ]);
    ok(await updateContactFood({ client: withDb.demo, path: { id: archived.id }, body: { food_preferences: 'Tea' } }));
  });

  it('PUT avatar: a photo of the account (its file\'s URL), Gravatar of the first email, Adorable, or back to the initials', async () => {
    const contact = await newContact(main.demo, { email: `${uniqueWord('ava').toLowerCase()}@example.com` });
    const photo = await newPhoto(main.demo, contact.id);
    const withPhoto = ok(await updateContactAvatar({ client: main.demo, path: { id: contact.id }, body: { source: 'photo', photo_id: String(photo.id) } })).data as Contact;
    expect(withPhoto.information.avatar).toEqual({ source: 'photo', url: photo.link, default_avatar_color: contact.information.avatar.default_avatar_color });
    const listed = ok(await listContacts({ client: main.demo, query: { limit: 100, sort: '-created_at' } })).data.find((c) => c.id === contact.id)!;
    expect(listed.information.avatar.url).toBe(photo.link);

    const gravatar = ok(await updateContactAvatar({ client: main.demo, path: { id: contact.id }, body: { source: 'gravatar' } })).data as Contact;
    expect(gravatar.information.avatar.source).toBe('gravatar');
    expect(gravatar.information.avatar.url).toMatch(/^https:\/\/www\.gravatar\.com\/avatar\/[0-9a-f]{32}\?/);
    const noEmail = await newContact(main.demo);
    expect((ok(await updateContactAvatar({ client: main.demo, path: { id: noEmail.id }, body: { source: 'gravatar' } })).data as Contact).information.avatar.url).toBeNull();

    const adorable = ok(await updateContactAvatar({ client: main.demo, path: { id: contact.id }, body: { source: 'adorable' } })).data as Contact;
    expect(adorable.information.avatar).toMatchObject({ source: 'adorable', url: expect.stringContaining(contact.uuid!) });
    const initials = ok(await updateContactAvatar({ client: main.demo, path: { id: contact.id }, body: { source: 'default' } })).data as Contact;
    expect(initials.information.avatar).toEqual(contact.information.avatar);
  });

  it('PUT avatar refuses a missing photo (422), another account\'s photo or contact (404); a deleted photo brings the initials back', async () => {
    const contact = await newContact(main.demo);
    expectValidationError(await updateContactAvatar({ client: main.demo, path: { id: contact.id }, body: { source: 'photo' } }), ['The photo id field is required when source is photo.']);
    expectValidationError(await updateContactAvatar({ client: main.demo, path: { id: contact.id }, body: unchecked({ source: 'selfie' }) }), ['The selected source is invalid.']);
    const theirPhoto = await newPhoto(main.other, (await newContact(main.other)).id);
    expectNotFound(await updateContactAvatar({ client: main.demo, path: { id: contact.id }, body: { source: 'photo', photo_id: theirPhoto.id } }));
    expectNotFound(await updateContactAvatar({ client: main.demo, path: { id: contact.id }, body: { source: 'default', photo_id: theirPhoto.id } }));
    expectNotFound(await updateContactAvatar({ client: main.other, path: { id: contact.id }, body: { source: 'adorable' } }));
    expect((await full(contact.id)).information.avatar).toEqual(contact.information.avatar);

    const photo = await newPhoto(main.demo, contact.id);
    ok(await updateContactAvatar({ client: main.demo, path: { id: contact.id }, body: { source: 'photo', photo_id: photo.id } }));
    ok(await deletePhoto({ client: main.demo, path: { id: photo.id } }));
    expect((await full(contact.id)).information.avatar).toEqual(contact.information.avatar);
  });

  it('POST /me/contact marks the user\'s own contact (is_me, GET /me); another one takes the mark; DELETE removes it', async () => {
    const me = await newContact(withDb.demo);
    const other = await newContact(withDb.demo);
    expect(ok(await setMeContact({ client: withDb.demo, body: { contact_id: String(me.id) } }))).toEqual(['true']);
    expect(ok(await getCurrentUser({ client: withDb.demo })).data.me_contact).toMatchObject({ id: me.id, is_me: true });
    expect((ok(await getContact({ client: withDb.demo, path: { id: me.id } })).data as Contact).is_me).toBe(true);
    ok(await setMeContact({ client: withDb.demo, body: { contact_id: other.id } }));
    expect((ok(await getContact({ client: withDb.demo, path: { id: me.id } })).data as Contact).is_me).toBe(false);
    expect(ok(await getCurrentUser({ client: withDb.demo })).data.me_contact?.id).toBe(other.id);
    expect(ok(await unsetMeContact({ client: withDb.demo }))).toEqual(['true']);
    expect(ok(await unsetMeContact({ client: withDb.demo }))).toEqual(['true']);
    expect(ok(await getCurrentUser({ client: withDb.demo })).data.me_contact).toBeNull();
    expect((ok(await getContact({ client: withDb.demo, path: { id: other.id } })).data as Contact).is_me).toBe(false);
  });

  it('POST /me/contact refuses a partial contact (422), another account\'s contact (404) and a missing id (422)', async () => {
    const partial = await newPartialContact(main.demo);
    expectValidationError(await setMeContact({ client: main.demo, body: { contact_id: partial.id } }), ["The contact can't be a partial contact"]);
    expectNotFound(await setMeContact({ client: main.other, body: { contact_id: (await newContact(main.demo)).id } }));
    expectValidationError(await setMeContact({ client: main.demo, body: unchecked({}) }), ['The contact id field is required.']);
    expect(ok(await getCurrentUser({ client: main.other })).data.me_contact).toBeNull();
  });
});
