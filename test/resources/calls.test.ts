// Calls (with emotions, yearly statistics and the contact's last_called) through the generated SDK against real
// servers on port 0: lenient input, ordering and pagination, side effects, account isolation, archived contacts,
// cascades and the all-or-nothing writes.
import { describe, expect, it } from 'vitest';
import type { Client } from '../../generated/client/client/index.js';
import { createCall, deleteCall, deleteContact, getCall, getContact, listCalls, listContactCalls, updateCall } from '../../generated/client/sdk.gen.js';
import type { Contact } from '../../generated/client/types.gen.js';
import { createAccount } from '../../server/store/accounts.js';
import { createCall as createCallInStore } from '../../server/store/calls.js';
import { createContact as createContactInStore } from '../../server/store/contacts.js';
import { openDatabase } from '../../server/store/db.js';
import { expectError, expectNotFound, expectObject, expectValidationError, ok } from '../helpers/expect.js';
import { ids, newCall, newContact, newPartialContact, unchecked } from '../helpers/factories.js';
import { archiveContact, countRows, filesServerForFile } from '../helpers/filesServer.js';
import { serversForFile } from '../helpers/server.js';

const CALL_KEYS = ['id', 'uuid', 'object', 'called_at', 'content', 'contact_called', 'emotions', 'url', 'account', 'contact', 'created_at', 'updated_at'];

async function lastCalled(client: Client, contactId: number): Promise<string | null> {
  const contact = ok(await getContact({ client, path: { id: contactId } })).data as Contact;
  return contact.last_called;
}

/** Shared by most tests (each makes its own contacts); `lists` and `stats` start empty for exact lists and counts. */
const [[main, lists, stats], withDb] = await Promise.all([serversForFile(3), filesServerForFile()]);

describe('calls', () => {
  it('create takes lenient values and answers 201 with the call, its emotions in order and its contact', async () => {
    const contact = await newContact(main.demo, { last_name: 'Caller' });
    const created = ok(
      await createCall({
        client: main.demo,
        body: { contact_id: String(contact.id), called_at: '2024-03-05', content: 'We talked about the trip.', contact_called: '1', emotions: ['14', 3, 14] },
      }),
      201,
    ).data;

    expectObject(created, CALL_KEYS, {
      object: 'call',
      called_at: '2024-03-05T00:00:00Z',
      content: 'We talked about the trip.',
      contact_called: true,
      url: `${main.url}/calls/${created.id}`,
      created_at: main.clock.stamp(),
      updated_at: main.clock.stamp(),
    });
    expect(created.emotions).toEqual([
      { id: 14, object: 'emotion', name: 'happiness' },
      { id: 3, object: 'emotion', name: 'amusement' },
    ]);
    expect(created.contact).toMatchObject({ id: contact.id, object: 'contact', last_name: 'Caller', url: `${main.url}/contacts/${contact.id}` });
    expect(created.account.id).toBe(contact.account.id);
    expect(ok(await getCall({ client: main.demo, path: { id: created.id } })).data).toEqual(created);
  });

  it('an empty content is stored as null, and a call may be logged with a partial contact', async () => {
    const partial = await newPartialContact(main.demo);
    const call = await newCall(main.demo, partial.id, { content: '', contact_called: 0 });
    expect(call.content).toBeNull();
    expect(call.contact_called).toBe(false);
    expect(call.emotions).toEqual([]);
    expect(call.contact.id).toBe(partial.id);
    expect(call.contact).not.toHaveProperty('url');
  });

  it('update replaces day, content and direction; an empty emotion list keeps the emotions, a non-empty one replaces them', async () => {
    const contact = await newContact(main.demo);
    const call = await newCall(main.demo, contact.id, { content: 'First words', contact_called: true, emotions: [1, 2] });
    main.clock.advance(60);

    const kept = ok(await updateCall({ client: main.demo, path: { id: call.id }, body: { called_at: '2024-01-11', emotions: [] } })).data;
    expect(kept).toMatchObject({ called_at: '2024-01-11T00:00:00Z', content: null, contact_called: false, updated_at: main.clock.stamp(), created_at: call.created_at });
    expect(ids(kept.emotions)).toEqual([1, 2]);

    const other = await newContact(main.demo);
    const replaced = ok(
      await updateCall({
        client: main.demo,
        path: { id: call.id },
        body: unchecked({ called_at: '2024-01-12', content: 'Second words', contact_called: '1', emotions: ['24'], contact_id: other.id }),
      }),
    ).data;
    expect(ids(replaced.emotions)).toEqual([24]);
    expect(replaced.content).toBe('Second words');
    expect(replaced.contact.id).toBe(contact.id); // contact_id is ignored: a call never moves
    expect(ok(await getCall({ client: main.demo, path: { id: call.id } })).data).toEqual(replaced);
  });

  it('logging and updating calls moves last_called forward only; deleting calls falls back to the latest remaining one', async () => {
    const contact = await newContact(main.demo);
    expect(await lastCalled(main.demo, contact.id)).toBeNull();

    const march = await newCall(main.demo, contact.id, { called_at: '2024-03-01' });
    expect(await lastCalled(main.demo, contact.id)).toBe('2024-03-01T00:00:00.000000Z');

    const january = await newCall(main.demo, contact.id, { called_at: '2024-01-15' });
    expect(await lastCalled(main.demo, contact.id)).toBe('2024-03-01T00:00:00.000000Z');

    ok(await updateCall({ client: main.demo, path: { id: january.id }, body: { called_at: '2024-04-20' } }));
    expect(await lastCalled(main.demo, contact.id)).toBe('2024-04-20T00:00:00.000000Z');

    ok(await updateCall({ client: main.demo, path: { id: march.id }, body: { called_at: '2023-12-31' } }));
    expect(await lastCalled(main.demo, contact.id)).toBe('2024-04-20T00:00:00.000000Z');

    ok(await deleteCall({ client: main.demo, path: { id: january.id } }));
    expect(await lastCalled(main.demo, contact.id)).toBe('2023-12-31T00:00:00.000000Z');
    ok(await deleteCall({ client: main.demo, path: { id: march.id } }));
    expect(await lastCalled(main.demo, contact.id)).toBeNull();
  });

  it('an unknown emotion answers 404 and nothing is written, on create and on update', async () => {
    const contact = await newContact(main.demo);
    expectNotFound(await createCall({ client: main.demo, body: { contact_id: contact.id, called_at: '2024-05-01', emotions: [1, 999] } }));
    expect(ok(await listContactCalls({ client: main.demo, path: { id: contact.id } })).meta.total).toBe(0);
    expect(await lastCalled(main.demo, contact.id)).toBeNull();

    const call = await newCall(main.demo, contact.id, { called_at: '2024-01-01', content: 'Before', emotions: [5] });
    expectNotFound(await updateCall({ client: main.demo, path: { id: call.id }, body: { called_at: '2024-09-09', content: 'After', emotions: [6, 1000] } }));
    expect(ok(await getCall({ client: main.demo, path: { id: call.id } })).data).toEqual(call);
    expect(await lastCalled(main.demo, contact.id)).toBe('2024-01-01T00:00:00.000000Z');
  });

  it('refuses bodies the contract refuses with 422 and a message array', async () => {
    const contact = await newContact(main.demo);
    expectValidationError(await createCall({ client: main.demo, body: unchecked({ contact_id: contact.id }) }), ['The called at field is required.']);
    expectValidationError(await createCall({ client: main.demo, body: { contact_id: contact.id, called_at: '2024-13-01' } }), ['The called at is not a valid date.']);
    expectValidationError(await createCall({ client: main.demo, body: { contact_id: contact.id, called_at: '2023-02-29' } }), ['The called at is not a valid date.']);
    expectValidationError(
      await createCall({ client: main.demo, body: unchecked({ contact_id: contact.id, called_at: '2024-01-01', emotions: [0] }) }),
      ['The emotions.0 must be >= 1.'],
    );
    expectValidationError(
      await createCall({ client: main.demo, body: unchecked({ contact_id: contact.id, called_at: '2024-01-01', contact_called: 'yes' }) }),
      ['The selected contact called is invalid.'],
    );
    const call = await newCall(main.demo, contact.id);
    expectValidationError(
      await updateCall({ client: main.demo, path: { id: call.id }, body: unchecked({ content: 'no day' }) }),
      ['The called at field is required.'],
    );
    expectValidationError(
      await updateCall({ client: main.demo, path: { id: call.id }, body: { called_at: '2024-04-31' } }),
      ['The called at is not a valid date.'],
    );
    expect(ok(await getCall({ client: main.demo, path: { id: call.id } })).data).toEqual(call);
    expect(ok(await listContactCalls({ client: main.demo, path: { id: contact.id } })).meta.total).toBe(1);
  });

  it('lists page and sort, per account and per contact, and a contact list answers 404 for an unknown contact', async () => {
    const server = lists;
    const a = await newContact(server.demo);
    const b = await newContact(server.demo);
    const first = await newCall(server.demo, a.id, { called_at: '2024-02-10' });
    server.clock.advance(10);
    const second = await newCall(server.demo, b.id, { called_at: '2023-07-01' });
    server.clock.advance(10);
    const third = await newCall(server.demo, a.id, { called_at: '2024-12-25' });

    const all = ok(await listCalls({ client: server.demo }));
    expect(ids(all.data)).toEqual([first.id, second.id, third.id]);
    expect(all.meta).toMatchObject({ total: 3, per_page: 15, current_page: 1, path: `${server.url}/calls` });
    expect(ids(ok(await listCalls({ client: server.demo, query: { sort: 'called_at' } })).data)).toEqual([second.id, first.id, third.id]);
    expect(ids(ok(await listCalls({ client: server.demo, query: { sort: '-called_at' } })).data)).toEqual([third.id, first.id, second.id]);
    expect(ids(ok(await listCalls({ client: server.demo, query: { sort: '-created_at' } })).data)).toEqual([third.id, second.id, first.id]);

    const page2 = ok(await listCalls({ client: server.demo, query: { limit: 2, page: 2 } }));
    expect(ids(page2.data)).toEqual([third.id]);
    expect(page2.meta).toMatchObject({ total: 3, last_page: 2, from: 3, to: 3 });
    expect(page2.links.prev).toBe(`${server.url}/calls?page=1`);

    const ofA = ok(await listContactCalls({ client: server.demo, path: { id: a.id }, query: { sort: '-called_at' } }));
    expect(ids(ofA.data)).toEqual([third.id, first.id]);
    expect(ofA.meta.path).toBe(`${server.url}/contacts/${a.id}/calls`);
    expectNotFound(await listContactCalls({ client: server.demo, path: { id: 987654 } }));
    expectError(await listCalls({ client: server.demo, query: unchecked({ sort: 'favorited_at' }) }), 400, 39);
  });

  it('meta.statistics counts the calls of the whole account per year, [] when there are none', async () => {
    const server = stats;
    const a = await newContact(server.demo);
    const b = await newContact(server.demo);
    expect(ok(await listCalls({ client: server.demo })).meta.statistics).toEqual([]);
    expect(ok(await listContactCalls({ client: server.demo, path: { id: a.id } })).meta.statistics).toEqual([]);

    await newCall(server.demo, a.id, { called_at: '2023-03-01' });
    await newCall(server.demo, a.id, { called_at: '2023-11-30' });
    const moved = await newCall(server.demo, b.id, { called_at: '2023-06-06' });
    await newCall(server.demo, b.id, { called_at: '2024-01-01' });
    ok(await updateCall({ client: server.demo, path: { id: moved.id }, body: { called_at: '2021-06-06' } }));

    const expected = { '2021': 1, '2023': 2, '2024': 1 };
    expect(ok(await listCalls({ client: server.demo })).meta.statistics).toEqual(expected);
    // A contact's list still counts the whole account, even on an empty page.
    const empty = await newContact(server.demo);
    expect(ok(await listContactCalls({ client: server.demo, path: { id: empty.id } })).meta.statistics).toEqual(expected);
    // The other account has none.
    expect(ok(await listCalls({ client: server.other })).meta.statistics).toEqual([]);
  });

  it('another account gets 404 on the calls and on the contact it names, and nothing changes', async () => {
    const contact = await newContact(main.demo);
    const call = await newCall(main.demo, contact.id, { called_at: '2024-02-02', content: 'Private', emotions: [7] });
    const otherContact = await newContact(main.other);

    expectNotFound(await getCall({ client: main.other, path: { id: call.id } }));
    expectNotFound(await updateCall({ client: main.other, path: { id: call.id }, body: { called_at: '2025-01-01', content: 'Hijacked' } }));
    expectNotFound(await deleteCall({ client: main.other, path: { id: call.id } }));
    expectNotFound(await listContactCalls({ client: main.other, path: { id: contact.id } }));
    expectNotFound(await createCall({ client: main.other, body: { contact_id: contact.id, called_at: '2025-01-01' } }));
    expect(ids(ok(await listCalls({ client: main.other, query: { limit: 100 } })).data)).not.toContain(call.id);
    // The refusals are about ownership: the other account's own contact works.
    await newCall(main.other, otherContact.id);

    expect(ok(await getCall({ client: main.demo, path: { id: call.id } })).data).toEqual(call);
    expect(ok(await listContactCalls({ client: main.demo, path: { id: contact.id } })).meta.total).toBe(1);
    expect(await lastCalled(main.demo, contact.id)).toBe('2024-02-02T00:00:00.000000Z');
  });

  it('a call with an archived contact cannot be logged or changed (422), and nothing is written', async () => {
    const contact = await newContact(withDb.demo);
    const call = await newCall(withDb.demo, contact.id, { called_at: '2024-01-01', content: 'Before archiving' });
    archiveContact(withDb.db, contact.id);

    expectValidationError(
      await createCall({ client: withDb.demo, body: { contact_id: contact.id, called_at: '2024-06-01' } }),
      ['The contact is archived: it cannot be changed until it is unarchived.'],
    );
    expectValidationError(
      await updateCall({ client: withDb.demo, path: { id: call.id }, body: { called_at: '2024-06-01', content: 'After' } }),
      ['The contact is archived: it cannot be changed until it is unarchived.'],
    );
    expect(countRows(withDb.db, 'calls', 'contact_id', contact.id)).toBe(1);
    expect(ok(await getCall({ client: withDb.demo, path: { id: call.id } })).data).toEqual({ ...call, contact: { ...call.contact, is_active: false } });
    expect(await lastCalled(withDb.demo, contact.id)).toBe('2024-01-01T00:00:00.000000Z');
  });

  it('deleting a contact deletes its calls and their emotions', async () => {
    const contact = await newContact(withDb.demo);
    const kept = await newContact(withDb.demo);
    const call = await newCall(withDb.demo, contact.id, { emotions: [1, 2, 3] });
    const keptCall = await newCall(withDb.demo, kept.id, { emotions: [4] });
    expect(countRows(withDb.db, 'call_emotion', 'call_id', call.id)).toBe(3);

    ok(await deleteContact({ client: withDb.demo, path: { id: contact.id } }));
    expectNotFound(await getCall({ client: withDb.demo, path: { id: call.id } }));
    expect(countRows(withDb.db, 'calls', 'contact_id', contact.id)).toBe(0);
    expect(countRows(withDb.db, 'call_emotion', 'call_id', call.id)).toBe(0);
    expect(ok(await getCall({ client: withDb.demo, path: { id: keptCall.id } })).data.emotions).toHaveLength(1);
  });

  it('a call is written all or nothing: a failing emotion insert leaves no call and no moved last_called', () => {
    const db = openDatabase(':memory:');
    try {
      const { accountId } = createAccount(db, { name: 'T', userFirstName: 'T', userLastName: null, email: 't@example.com' }, '2024-01-01T00:00:00Z');
      const contact = createContactInStore(
        db,
        accountId,
        { first_name: 'Tx', is_birthdate_known: false, is_deceased_date_known: false },
        '2024-01-01T00:00:00Z',
      );
      // 9999 names no emotion: the handler refuses it first; here the store meets the foreign key instead.
      expect(() =>
        createCallInStore(db, accountId, contact.id, { called_at: '2024-05-05', emotions: [1, 9999] }, '2024-05-05T10:00:00Z'),
      ).toThrow(/FOREIGN KEY/);
      expect(db.prepare('SELECT COUNT(*) AS n FROM calls').get()).toEqual({ n: 0 });
      expect(db.prepare('SELECT COUNT(*) AS n FROM call_emotion').get()).toEqual({ n: 0 });
      expect(db.prepare('SELECT last_talked_to FROM contacts WHERE id = ?').get(contact.id)).toEqual({ last_talked_to: null });
    } finally {
      db.close();
    }
  });
});

describe("the day of a call, in any form Monica's clients send", () => {
  const forms = ['2024-02-03', '2024-02-03T10:00:00', '2024-02-03 10:00:00', '2024-02-03 10:00', '2024-02-03T10:00:00Z', '2024-02-03T10:00:00+02:00',
    '2024-02-03T23:30:00-05:00', '2024-02-03T10:00:00.000000Z', '2024-02-03T00:00:00Z'];

  it('is taken on create and update; the day is kept as written and answered at midnight UTC, last_called too', async () => {
    const contact = await newContact(main.demo);
    for (const called_at of forms) {
      const call = await newCall(main.demo, contact.id, { called_at });
      expect(call.called_at, called_at).toBe('2024-02-03T00:00:00Z');
      expect(ok(await updateCall({ client: main.demo, path: { id: call.id }, body: { called_at: called_at.replace('2024-02-03', '2024-02-04') } })).data.called_at).toBe(
        '2024-02-04T00:00:00Z',
      );
    }
    expect(await lastCalled(main.demo, contact.id)).toBe('2024-02-04T00:00:00.000000Z');
  });

  it('comes back as it was read: GET a call, PUT its own values, 200 and the same call', async () => {
    const contact = await newContact(main.demo);
    const call = await newCall(main.demo, contact.id, { called_at: '2023-11-05T21:15:00-08:00', content: 'About the move', contact_called: true, emotions: [3, 14] });
    const read = ok(await getCall({ client: main.demo, path: { id: call.id } })).data;
    const body = { called_at: read.called_at, content: read.content, contact_called: read.contact_called, emotions: read.emotions.map((e) => e.id) };
    const written = ok(await updateCall({ client: main.demo, path: { id: call.id }, body })).data;
    expect(written).toEqual({ ...read, updated_at: written.updated_at });
    expect(written.called_at).toBe('2023-11-05T00:00:00Z');
  });

  it('a day that does not exist is refused with 422, whatever the time after it', async () => {
    const contact = await newContact(main.demo);
    for (const called_at of ['2024-02-30', '2024-02-30T10:00:00', '2023-02-29T10:00:00Z', '2024-04-31 08:00']) {
      expectValidationError(await createCall({ client: main.demo, body: { contact_id: contact.id, called_at } }), ['The called at is not a valid date.'], called_at);
    }
    expect(ok(await listContactCalls({ client: main.demo, path: { id: contact.id } })).meta.total).toBe(0);
  });
});
