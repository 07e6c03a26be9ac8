// The reference server across resources, driven through the generated SDK: authentication, account isolation and
// rate limiting (behaviour.md §2, §9, §10), and every kind of answer. Each resource's own tests are in
// test/resources/, one file per tag of the spec. Every response any test receives is checked against the contract
// as it arrives (test/helpers/client.ts).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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
  createTag,
  setContactTags,
  unsetContactTag,
  unsetContactTags,
  updateContact,
  updateContactWork,
  updateNote,
  updateTag,
} from '../generated/client/sdk.gen.js';
import type { NoteWrite } from '../generated/client/types.gen.js';
import { clientFor } from './helpers/client.js';
import { expectError, expectNotFound, expectRateLimited, expectUnauthenticated, expectValidationError, ok, spendBudget } from './helpers/expect.js';
import { allContacts, collectPages, contactBody, ids, newContact, newNote, searchIds, tagContact, uniqueWord } from './helpers/factories.js';
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
    await spendBudget(5, () => listTags({ client: server.demo }));
    const body = expectRateLimited(await listTags({ client: server.demo }));
    expect(body.error.message).toBe('Too many attempts, please slow down the request');
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

describe('every kind of answer', () => {
  // The statuses the contract documents for nearly every operation, each made to happen here, in one test, so that
  // the suite meets every one of them whatever runs before; the client checks each answer against the contract, and
  // expectError the message of each code.
  it('200, 201, 400, 401, 404, 422 and 429 are each answered as the contract says', async () => {
    // Five requests a minute: the sixth that counts (a 401 does not) is refused.
    const server = await startTestServer({ rateLimit: 5 });
    const client = server.demo;
    expect(ok(await listTags({ client })).data).toEqual([]);
    const contact = ok(await createContact({ client, body: contactBody() }), 201).data;
    expectError(await listContacts({ client, query: { limit: 101 } }), 400, 30);
    expectUnauthenticated(await getContact({ client: server.anonymous, path: { id: contact.id } }));
    expectNotFound(await getContact({ client, path: { id: contact.id + 1000 } }));
    expectValidationError(await createTag({ client, body: { name: '' } }), ['The name field is required.']);
    expectError(await listTags({ client }), 429, 34);
  });

  it('a response that breaks the contract fails the call that got it', async () => {
    // A server that answers every request with a 200 whose body is not a page of tags, and a 418.
    const fake = createServer((req, res) => {
      res.writeHead(req.method === 'GET' ? 200 : 418, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ data: 'not a list' }));
    });
    await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
    try {
      const client = clientFor(`http://127.0.0.1:${(fake.address() as AddressInfo).port}/api`, 'token');
      await expect(listTags({ client })).rejects.toThrow(/GET \/api\/tags answered 200, which breaks the contract:[^]*\/data must be array/);
      await expect(createTag({ client, body: { name: 'x' } })).rejects.toThrow(/status 418 is not documented/);
    } finally {
      await new Promise((resolve) => fake.close(resolve));
    }
  });
});
