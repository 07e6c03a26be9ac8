// The reference server across resources, driven through the generated SDK: authentication, account isolation and
// rate limiting (behaviour.md §2, §9, §10), and the shape of every response. Each resource's own tests are in
// test/resources/, one file per tag of the spec.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createContact,
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
import type { NoteWrite } from '../generated/client/types.gen.js';
import { describeEveryResponse } from './helpers/everyResponse.js';
import { expectError, expectNotFound, expectUnauthenticated, ok } from './helpers/expect.js';
import {
  allContacts,
  collectPages,
  contactBody,
  ids,
  newContact,
  newNote,
  searchIds,
  tagContact,
  uniqueWord,
} from './helpers/factories.js';
import { closeTestServers, startTestServer, type TestServer } from './helpers/server.js';

afterAll(closeTestServers);

/** The server most tests share; each test makes its own contacts, tags and notes with unique names. */
let main: TestServer;
beforeAll(async () => {
  main = await startTestServer();
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

describeEveryResponse({ moreThan: 50, statuses: [200, 201, 401, 404, 429] });
