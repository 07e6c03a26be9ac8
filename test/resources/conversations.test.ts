// Conversations (with their messages) through the generated SDK against real servers on port 0: lenient input,
// messages in writing order, ordering and pagination, account isolation, archived contacts and cascades.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addConversationMessage,
  createConversation,
  deleteContact,
  deleteConversation,
  deleteConversationMessage,
  getConversation,
  listContactConversations,
  listConversations,
  updateConversation,
  updateConversationMessage,
} from '../../generated/client/sdk.gen.js';
import { expectError, expectNotFound, expectObject, expectValidationError, ok, TIMESTAMP } from '../helpers/expect.js';
import { addMessage, channelOf, ids, newContact, newConversation, unchecked } from '../helpers/factories.js';
import { archiveContact, countRows, filesServerForFile } from '../helpers/filesServer.js';
import { serversForFile } from '../helpers/server.js';

const CONVERSATION_KEYS = ['id', 'uuid', 'object', 'happened_at', 'messages', 'contact_field_type', 'url', 'account', 'contact', 'created_at', 'updated_at'];
const MESSAGE_KEYS = ['id', 'uuid', 'object', 'content', 'written_at', 'written_by_me', 'account', 'contact', 'conversation', 'created_at', 'updated_at'];

/** Shared by most tests (each makes its own contacts); `lists` starts empty for exact lists. */
const [[main, lists], withDb] = await Promise.all([serversForFile(2), filesServerForFile()]);

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
    expectObject(created, CONVERSATION_KEYS, {
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
    expectValidationError(
      await createConversation({ client: main.demo, body: { contact_id: contact.id, contact_field_type_id: channel, happened_at: '2024-02-30' } }),
      ['The happened at is not a valid date.'],
    );
    expect(ok(await listContactConversations({ client: main.demo, path: { id: contact.id } })).meta.total).toBe(0);
    expectValidationError(
      await createConversation({ client: main.demo, body: unchecked({ contact_id: contact.id, contact_field_type_id: channel }) }),
      ['The happened at field is required.'],
    );
  });

  it('messages: add answers 200 with the whole conversation; they take the conversation contact and come in writing order', async () => {
    const contact = await newContact(main.demo);
    const stranger = await newContact(main.demo);
    const conversation = await newConversation(main.demo, contact.id, channel);

    const afterFirst = await addMessage(main.demo, conversation.id, { written_at: '2024-02-05', written_by_me: true, content: 'Later message', contact_id: stranger.id });
    expect(afterFirst.id).toBe(conversation.id);
    expect(afterFirst.messages).toHaveLength(1);
    const first = afterFirst.messages[0]!;
    expectObject(first, MESSAGE_KEYS, {
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

    expectValidationError(
      await addConversationMessage({ client: main.demo, path: { id: conversation.id }, body: { written_at: '2024-02-01', written_by_me: true, content: '   ' } }),
      ['The content field is required.'],
    );
    expectValidationError(
      await addConversationMessage({ client: main.demo, path: { id: conversation.id }, body: unchecked({ written_at: '2024-02-01', content: 'no author' }) }),
      ['The written by me field is required.'],
    );
    expectValidationError(
      await addConversationMessage({ client: main.demo, path: { id: conversation.id }, body: { written_at: '2024-00-10', written_by_me: true, content: 'bad day' } }),
      ['The written at is not a valid date.'],
    );
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
    expectValidationError(
      await updateConversation({ client: withDb.demo, path: { id: conversation.id }, body: unchecked({ happened_at: '2025-01-01' }) }),
      ['The contact field type id field is required.'],
    );
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

    expectValidationError(
      await updateConversation({ client: withDb.demo, path: { id: conversation.id }, body: { happened_at: '2025-01-01', contact_field_type_id: ch } }),
      ['The contact is archived: it cannot be changed until it is unarchived.'],
    );
    expectValidationError(
      await updateConversationMessage({
        client: withDb.demo,
        path: { id: conversation.id, messageId: before.messages[0]!.id },
        body: { written_at: '2025-01-01', written_by_me: false, content: 'After' },
      }),
      ['The contact is archived: it cannot be changed until it is unarchived.'],
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

describe("the days of conversations and messages, in any form Monica's clients send", () => {
  let channel: number;
  beforeAll(async () => {
    channel = await channelOf(main.demo);
  });

  it('are taken on create and update; the day is kept as written and answered at midnight UTC', async () => {
    const contact = await newContact(main.demo);
    for (const day of ['2019-10-29T18:00:00Z', '2019-10-29 18:00', '2019-10-29T23:59:59-07:00', '2019-10-29T00:00:00.000Z']) {
      const conversation = await newConversation(main.demo, contact.id, channel, day);
      expect(conversation.happened_at, day).toBe('2019-10-29T00:00:00Z');
      const withMessage = await addMessage(main.demo, conversation.id, { written_at: day.replace('2019-10-29', '2019-10-30') });
      expect(withMessage.messages[0]!.written_at).toBe('2019-10-30T00:00:00Z');
    }
  });

  it('come back as they were read: GET a conversation, PUT its own day and channel, and each message its own values', async () => {
    const contact = await newContact(main.demo);
    const conversation = await newConversation(main.demo, contact.id, channel, '2021-03-04T09:00:00+09:00');
    await addMessage(main.demo, conversation.id, { written_at: '2021-03-04T09:05:00+09:00', content: 'Hi' });
    const read = ok(await getConversation({ client: main.demo, path: { id: conversation.id } })).data;
    const written = ok(await updateConversation({ client: main.demo, path: { id: read.id }, body: { happened_at: read.happened_at, contact_field_type_id: read.contact_field_type.id } })).data;
    expect(written).toEqual({ ...read, updated_at: written.updated_at });
    const message = read.messages[0]!;
    const after = ok(
      await updateConversationMessage({
        client: main.demo,
        path: { id: read.id, messageId: message.id },
        body: { written_at: message.written_at, written_by_me: message.written_by_me, content: message.content },
      }),
    ).data;
    expect(after.messages[0]).toEqual({ ...message, updated_at: after.messages[0]!.updated_at });
    expect(after.happened_at).toBe('2021-03-04T00:00:00Z');
  });

  it('a day that does not exist is refused with 422, whatever the time after it', async () => {
    const contact = await newContact(main.demo);
    const conversation = await newConversation(main.demo, contact.id, channel);
    const bad = '2021-02-29T12:00:00Z';
    expectValidationError(await createConversation({ client: main.demo, body: { contact_id: contact.id, contact_field_type_id: channel, happened_at: bad } }), [
      'The happened at is not a valid date.',
    ]);
    expectValidationError(await updateConversation({ client: main.demo, path: { id: conversation.id }, body: { happened_at: '2021-06-31 10:00', contact_field_type_id: channel } }), [
      'The happened at is not a valid date.',
    ]);
    expectValidationError(await addConversationMessage({ client: main.demo, path: { id: conversation.id }, body: { written_at: bad, written_by_me: true, content: 'x' } }), [
      'The written at is not a valid date.',
    ]);
    expect(ok(await getConversation({ client: main.demo, path: { id: conversation.id } })).data).toEqual(conversation);
  });
});
