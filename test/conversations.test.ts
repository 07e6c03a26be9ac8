// Calls (with emotions, yearly statistics and the contact's last_called) and conversations (with their messages),
// driven through the generated SDK against real servers on port 0. What Dredd's one example per status cannot
// show: lenient input, ordering and pagination, side effects, account isolation, archived contacts, cascades and
// the all-or-nothing writes.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Client } from '../generated/client/client/index.js';
import {
  createCall,
  createConversation,
  deleteCall,
  deleteContact,
  deleteConversation,
  deleteConversationMessage,
  getCall,
  getContact,
  getConversation,
  listCalls,
  listContactCalls,
  listContactConversations,
  listConversations,
  updateCall,
  updateConversation,
  updateConversationMessage,
  addConversationMessage,
} from '../generated/client/sdk.gen.js';
import type { Contact } from '../generated/client/types.gen.js';
import { createCall as createCallInStore } from '../server/store/calls.js';
import { openDatabase } from '../server/store/db.js';
import { createAccount } from '../server/store/accounts.js';
import { createContact as createContactInStore } from '../server/store/contacts.js';
import { expectError, expectNotFound, expectValidationError, ok, TIMESTAMP } from './helpers/expect.js';
import { addMessage, channelOf, ids, newCall, newContact, newConversation, newPartialContact, unchecked } from './helpers/factories.js';
import { archiveContact, countRows, startFilesServer, type FilesTestServer } from './helpers/filesServer.js';
import { closeTestServers, startTestServer, type TestServer } from './helpers/server.js';

const CALL_KEYS = ['id', 'uuid', 'object', 'called_at', 'content', 'contact_called', 'emotions', 'url', 'account', 'contact', 'created_at', 'updated_at'];
const CONVERSATION_KEYS = ['id', 'uuid', 'object', 'happened_at', 'messages', 'contact_field_type', 'url', 'account', 'contact', 'created_at', 'updated_at'];
const MESSAGE_KEYS = ['id', 'uuid', 'object', 'content', 'written_at', 'written_by_me', 'account', 'contact', 'conversation', 'created_at', 'updated_at'];
const sorted = (keys: string[]) => [...keys].sort();

// Every test talks to real servers; a loaded machine (parallel suites, Dredd runs) can make a test take seconds.
vi.setConfig({ testTimeout: 30_000 });

async function lastCalled(client: Client, contactId: number): Promise<string | null> {
  const contact = ok(await getContact({ client, path: { id: contactId } })).data as Contact;
  return contact.last_called;
}

/** Shared by most tests (each makes its own contacts); `lists` and `stats` start empty for exact lists and counts. */
let main: TestServer;
let lists: TestServer;
let stats: TestServer;
let withDb: FilesTestServer;
beforeAll(async () => {
  [main, lists, stats, withDb] = await Promise.all([startTestServer(), startTestServer(), startTestServer(), startFilesServer()]);
}, 60_000);
afterAll(async () => {
  await withDb.close();
  await closeTestServers();
});

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

    expect(sorted(Object.keys(created))).toEqual(sorted(CALL_KEYS));
    expect(created).toMatchObject({
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
    expect(expectValidationError(await createCall({ client: main.demo, body: unchecked({ contact_id: contact.id }) })).length).toBeGreaterThan(0);
    expect(expectValidationError(await createCall({ client: main.demo, body: { contact_id: contact.id, called_at: '2024-13-01' } }))).toEqual([
      'The called at does not match the format Y-m-d.',
    ]);
    expectValidationError(await createCall({ client: main.demo, body: { contact_id: contact.id, called_at: '2023-02-29' } }));
    expectValidationError(await createCall({ client: main.demo, body: unchecked({ contact_id: contact.id, called_at: '2024-01-01', emotions: [0] }) }));
    expectValidationError(await createCall({ client: main.demo, body: unchecked({ contact_id: contact.id, called_at: '2024-01-01', contact_called: 'yes' }) }));
    const call = await newCall(main.demo, contact.id);
    expectValidationError(await updateCall({ client: main.demo, path: { id: call.id }, body: unchecked({ content: 'no day' }) }));
    expectValidationError(await updateCall({ client: main.demo, path: { id: call.id }, body: { called_at: '2024-04-31' } }));
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

    expectValidationError(await createCall({ client: withDb.demo, body: { contact_id: contact.id, called_at: '2024-06-01' } }));
    expectValidationError(await updateCall({ client: withDb.demo, path: { id: call.id }, body: { called_at: '2024-06-01', content: 'After' } }));
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

describe('conversations', () => {
  let channel: number;
  let otherChannel: number;
  beforeAll(async () => {
    channel = await channelOf(main.demo);
    otherChannel = await channelOf(main.other);
  }, 30_000);

  it('create takes lenient ids and answers 201 with no messages, its channel and its contact', async () => {
    const contact = await newContact(main.demo, { last_name: 'Talker' });
    const created = ok(
      await createConversation({ client: main.demo, body: { contact_id: String(contact.id), contact_field_type_id: String(channel), happened_at: '2024-02-29' } }),
      201,
    ).data;
    expect(sorted(Object.keys(created))).toEqual(sorted(CONVERSATION_KEYS));
    expect(created).toMatchObject({
      object: 'conversation',
      happened_at: '2024-02-29T00:00:00Z',
      messages: [],
      url: `${main.url}/conversations/${created.id}`,
      created_at: main.clock.stamp(),
    });
    expect(created.contact_field_type).toMatchObject({ id: channel, object: 'contactfieldtype' });
    expect(created.contact).toMatchObject({ id: contact.id, last_name: 'Talker' });
    expect(ok(await getConversation({ client: main.demo, path: { id: created.id } })).data).toEqual(created);
  });

  it('create answers 404 for an unknown contact or channel, or one of another account, and writes nothing', async () => {
    const contact = await newContact(main.demo);
    expectNotFound(await createConversation({ client: main.demo, body: { contact_id: contact.id, contact_field_type_id: 987654, happened_at: '2024-01-01' } }));
    expectNotFound(await createConversation({ client: main.demo, body: { contact_id: contact.id, contact_field_type_id: otherChannel, happened_at: '2024-01-01' } }));
    expectNotFound(await createConversation({ client: main.demo, body: { contact_id: 987654, contact_field_type_id: channel, happened_at: '2024-01-01' } }));
    expectNotFound(await createConversation({ client: main.other, body: { contact_id: contact.id, contact_field_type_id: otherChannel, happened_at: '2024-01-01' } }));
    expectValidationError(await createConversation({ client: main.demo, body: { contact_id: contact.id, contact_field_type_id: channel, happened_at: '2024-02-30' } }));
    expect(ok(await listContactConversations({ client: main.demo, path: { id: contact.id } })).meta.total).toBe(0);
    expectValidationError(await createConversation({ client: main.demo, body: unchecked({ contact_id: contact.id, contact_field_type_id: channel }) }));
  });

  it('messages: add answers 200 with the whole conversation; they take the conversation contact and come in writing order', async () => {
    const contact = await newContact(main.demo);
    const stranger = await newContact(main.demo);
    const conversation = await newConversation(main.demo, contact.id, channel);

    const afterFirst = await addMessage(main.demo, conversation.id, { written_at: '2024-02-05', written_by_me: true, content: 'Later message', contact_id: stranger.id });
    expect(afterFirst.id).toBe(conversation.id);
    expect(afterFirst.messages).toHaveLength(1);
    const first = afterFirst.messages[0]!;
    expect(sorted(Object.keys(first))).toEqual(sorted(MESSAGE_KEYS));
    expect(first).toMatchObject({
      object: 'message',
      content: 'Later message',
      written_at: '2024-02-05T00:00:00Z',
      written_by_me: true,
      conversation: { id: conversation.id },
    });
    expect(first.contact.id).toBe(contact.id);

    const afterSecond = ok(
      await addConversationMessage({ client: main.demo, path: { id: conversation.id }, body: { written_at: '2024-02-01', written_by_me: '0', content: 'Earlier message' } }),
    ).data;
    expect(afterSecond.messages.map((m) => m.content)).toEqual(['Earlier message', 'Later message']);
    expect(afterSecond.messages[0]!.written_by_me).toBe(false);
    expect(afterSecond.messages.every((m) => m.contact.id === contact.id)).toBe(true);
    expect(ok(await getConversation({ client: main.demo, path: { id: conversation.id } })).data).toEqual(afterSecond);

    // The lists embed every message too.
    const listed = ok(await listContactConversations({ client: main.demo, path: { id: contact.id } })).data;
    expect(listed.map((c) => c.messages.length)).toEqual([2]);

    expectValidationError(await addConversationMessage({ client: main.demo, path: { id: conversation.id }, body: { written_at: '2024-02-01', written_by_me: true, content: '   ' } }));
    expectValidationError(await addConversationMessage({ client: main.demo, path: { id: conversation.id }, body: unchecked({ written_at: '2024-02-01', content: 'no author' }) }));
    expectValidationError(await addConversationMessage({ client: main.demo, path: { id: conversation.id }, body: { written_at: '2024-00-10', written_by_me: true, content: 'bad day' } }));
    expectNotFound(await addConversationMessage({ client: main.demo, path: { id: 987654 }, body: { written_at: '2024-02-01', written_by_me: true, content: 'lost' } }));
    expect(ok(await getConversation({ client: main.demo, path: { id: conversation.id } })).data.messages).toHaveLength(2);
  });

  it('messages: update answers with the whole conversation; a message of another conversation answers 404; delete answers the message id', async () => {
    const contact = await newContact(main.demo);
    const conversation = await newConversation(main.demo, contact.id, channel);
    const elsewhere = await newConversation(main.demo, contact.id, channel);
    const [message] = (await addMessage(main.demo, conversation.id, { written_at: '2024-02-01', content: 'Hi' })).messages;
    await addMessage(main.demo, conversation.id, { written_at: '2024-02-03', content: 'Bye' });
    const [foreign] = (await addMessage(main.demo, elsewhere.id, { content: 'Elsewhere' })).messages;
    main.clock.advance(30);

    const updated = ok(
      await updateConversationMessage({
        client: main.demo,
        path: { id: conversation.id, messageId: message!.id },
        body: { written_at: '2024-02-04', written_by_me: false, content: 'Hi, edited' },
      }),
    ).data;
    expect(updated.id).toBe(conversation.id);
    expect(updated.messages.map((m) => m.content)).toEqual(['Bye', 'Hi, edited']); // moved after "Bye" by its new day
    expect(updated.messages[1]).toMatchObject({ id: message!.id, written_by_me: false, written_at: '2024-02-04T00:00:00Z', updated_at: main.clock.stamp() });

    expectNotFound(await updateConversationMessage({ client: main.demo, path: { id: conversation.id, messageId: foreign!.id }, body: { written_at: '2024-02-04', written_by_me: false, content: 'x' } }));
    expectNotFound(await deleteConversationMessage({ client: main.demo, path: { id: conversation.id, messageId: foreign!.id } }));
    expect(ok(await getConversation({ client: main.demo, path: { id: elsewhere.id } })).data.messages.map((m) => m.content)).toEqual(['Elsewhere']);

    expect(ok(await deleteConversationMessage({ client: main.demo, path: { id: conversation.id, messageId: message!.id } }))).toEqual({ deleted: true, id: message!.id });
    expect(ok(await getConversation({ client: main.demo, path: { id: conversation.id } })).data.messages.map((m) => m.content)).toEqual(['Bye']);
    expectNotFound(await deleteConversationMessage({ client: main.demo, path: { id: conversation.id, messageId: message!.id } }));
  });

  it('update changes day and channel, keeps contact and messages; an unknown channel answers 404 and changes nothing', async () => {
    const ch = await channelOf(withDb.demo);
    const contact = await newContact(withDb.demo);
    const conversation = await newConversation(withDb.demo, contact.id, ch, '2024-01-01');
    const withMessage = await addMessage(withDb.demo, conversation.id, { content: 'Kept' });
    const secondChannel = (
      withDb.db
        .prepare('SELECT id FROM contact_field_types WHERE account_id = ? AND id <> ? ORDER BY id LIMIT 1')
        .get(contact.account.id, ch) as { id: number }
    ).id;
    withDb.clock.advance(45);

    const updated = ok(
      await updateConversation({ client: withDb.demo, path: { id: conversation.id }, body: { happened_at: '2024-03-03', contact_field_type_id: String(secondChannel) } }),
    ).data;
    expect(updated).toMatchObject({ happened_at: '2024-03-03T00:00:00Z', updated_at: withDb.clock.stamp(), created_at: conversation.created_at });
    expect(updated.contact_field_type.id).toBe(secondChannel);
    expect(updated.contact.id).toBe(contact.id);
    expect(updated.messages).toEqual(withMessage.messages);

    const foreignChannel = await channelOf(withDb.other);
    expectNotFound(await updateConversation({ client: withDb.demo, path: { id: conversation.id }, body: { happened_at: '2025-01-01', contact_field_type_id: foreignChannel } }));
    expectNotFound(await updateConversation({ client: withDb.demo, path: { id: conversation.id }, body: { happened_at: '2025-01-01', contact_field_type_id: 987654 } }));
    expectNotFound(await updateConversation({ client: withDb.demo, path: { id: 987654 }, body: { happened_at: '2025-01-01', contact_field_type_id: ch } }));
    expectValidationError(await updateConversation({ client: withDb.demo, path: { id: conversation.id }, body: unchecked({ happened_at: '2025-01-01' }) }));
    expect(ok(await getConversation({ client: withDb.demo, path: { id: conversation.id } })).data).toEqual(updated);
  });

  it('lists page and sort, per account and per contact', async () => {
    const server = lists;
    const ch = await channelOf(server.demo);
    const a = await newContact(server.demo);
    const b = await newContact(server.demo);
    const first = await newConversation(server.demo, a.id, ch);
    server.clock.advance(10);
    const second = await newConversation(server.demo, b.id, ch);
    server.clock.advance(10);
    const third = await newConversation(server.demo, a.id, ch);
    server.clock.advance(10);
    ok(await updateConversation({ client: server.demo, path: { id: first.id }, body: { happened_at: '2024-05-05', contact_field_type_id: ch } }));

    expect(ids(ok(await listConversations({ client: server.demo })).data)).toEqual([first.id, second.id, third.id]);
    expect(ids(ok(await listConversations({ client: server.demo, query: { sort: '-updated_at' } })).data)).toEqual([first.id, third.id, second.id]);
    const page = ok(await listConversations({ client: server.demo, query: { limit: 1, page: 3 } }));
    expect(ids(page.data)).toEqual([third.id]);
    expect(page.meta).toMatchObject({ total: 3, last_page: 3, path: `${server.url}/conversations` });
    expect(page.meta).not.toHaveProperty('statistics');
    expect(ids(ok(await listContactConversations({ client: server.demo, path: { id: a.id }, query: { sort: '-created_at' } })).data)).toEqual([third.id, first.id]);
    expectNotFound(await listContactConversations({ client: server.demo, path: { id: 987654 } }));
    expectError(await listConversations({ client: server.demo, query: unchecked({ sort: 'called_at' }) }), 400, 39);
  });

  it('another account gets 404 on conversations and messages, and nothing changes', async () => {
    const contact = await newContact(main.demo);
    const conversation = await newConversation(main.demo, contact.id, channel);
    const before = await addMessage(main.demo, conversation.id, { content: 'Private' });
    const messageId = before.messages[0]!.id;
    const message = { written_at: '2024-09-09', written_by_me: false, content: 'Hijacked' };

    expectNotFound(await getConversation({ client: main.other, path: { id: conversation.id } }));
    expectNotFound(await updateConversation({ client: main.other, path: { id: conversation.id }, body: { happened_at: '2025-01-01', contact_field_type_id: otherChannel } }));
    expectNotFound(await deleteConversation({ client: main.other, path: { id: conversation.id } }));
    expectNotFound(await addConversationMessage({ client: main.other, path: { id: conversation.id }, body: message }));
    expectNotFound(await updateConversationMessage({ client: main.other, path: { id: conversation.id, messageId }, body: message }));
    expectNotFound(await deleteConversationMessage({ client: main.other, path: { id: conversation.id, messageId } }));
    expectNotFound(await listContactConversations({ client: main.other, path: { id: contact.id } }));
    // The demo account may not point its conversation at the other account's channel either.
    expectNotFound(await updateConversation({ client: main.demo, path: { id: conversation.id }, body: { happened_at: '2025-01-01', contact_field_type_id: otherChannel } }));

    expect(ok(await getConversation({ client: main.demo, path: { id: conversation.id } })).data).toEqual(before);
    expect(ids(ok(await listConversations({ client: main.other, query: { limit: 100 } })).data)).not.toContain(conversation.id);
  });

  it('a conversation with an archived contact cannot be updated, nor its messages (422); nothing changes', async () => {
    const ch = await channelOf(withDb.demo);
    const contact = await newContact(withDb.demo);
    const conversation = await newConversation(withDb.demo, contact.id, ch);
    const before = await addMessage(withDb.demo, conversation.id, { content: 'Before archiving' });
    archiveContact(withDb.db, contact.id);

    expectValidationError(await updateConversation({ client: withDb.demo, path: { id: conversation.id }, body: { happened_at: '2025-01-01', contact_field_type_id: ch } }));
    expectValidationError(
      await updateConversationMessage({
        client: withDb.demo,
        path: { id: conversation.id, messageId: before.messages[0]!.id },
        body: { written_at: '2025-01-01', written_by_me: false, content: 'After' },
      }),
    );
    const now = ok(await getConversation({ client: withDb.demo, path: { id: conversation.id } })).data;
    expect(now).toEqual({ ...before, contact: { ...before.contact, is_active: false }, messages: before.messages.map((m) => ({ ...m, contact: { ...m.contact, is_active: false } })) });
  });

  it('deleting a conversation deletes its messages; deleting a contact deletes its conversations', async () => {
    const ch = await channelOf(withDb.demo);
    const contact = await newContact(withDb.demo);
    const conversation = await newConversation(withDb.demo, contact.id, ch);
    const full = await addMessage(withDb.demo, conversation.id, { content: 'One' });
    await addMessage(withDb.demo, conversation.id, { content: 'Two' });
    expect(countRows(withDb.db, 'messages', 'conversation_id', conversation.id)).toBe(2);

    expect(ok(await deleteConversation({ client: withDb.demo, path: { id: conversation.id } }))).toEqual({ deleted: true, id: conversation.id });
    expect(countRows(withDb.db, 'messages', 'conversation_id', conversation.id)).toBe(0);
    expectNotFound(await getConversation({ client: withDb.demo, path: { id: conversation.id } }));
    expectNotFound(await deleteConversationMessage({ client: withDb.demo, path: { id: conversation.id, messageId: full.messages[0]!.id } }));
    expectNotFound(await deleteConversation({ client: withDb.demo, path: { id: conversation.id } }));

    const another = await newConversation(withDb.demo, contact.id, ch);
    await addMessage(withDb.demo, another.id, { content: 'Three' });
    ok(await deleteContact({ client: withDb.demo, path: { id: contact.id } }));
    expectNotFound(await getConversation({ client: withDb.demo, path: { id: another.id } }));
    expect(countRows(withDb.db, 'conversations', 'contact_id', contact.id)).toBe(0);
    expect(countRows(withDb.db, 'messages', 'contact_id', contact.id)).toBe(0);
  });

  it('timestamps and ids of what the lists return have the API forms', async () => {
    const contact = await newContact(main.demo);
    const conversation = await newConversation(main.demo, contact.id, channel);
    await addMessage(main.demo, conversation.id);
    const [listed] = ok(await listContactConversations({ client: main.demo, path: { id: contact.id } })).data;
    for (const value of [listed!.happened_at, listed!.created_at, listed!.messages[0]!.written_at, listed!.messages[0]!.created_at]) {
      expect(value).toMatch(TIMESTAMP);
    }
  });
});
