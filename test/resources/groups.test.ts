// Groups through the generated SDK: create, attach real contacts, rename, delete, what contact changes do to groups,
// paging, validation and account isolation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attachContactsToGroup,
  createContact,
  createGroup,
  deleteContact,
  deleteGroup,
  getContact,
  getGroup,
  listGroups,
  updateContact,
  updateGroup,
} from '../../generated/client/sdk.gen.js';
import { expectError, expectNotFound, expectObject, expectValidationError, ok, requiredTextRefusals } from '../helpers/expect.js';
import { allGroups, contactBody, ids, newContact, newGroup, newPartialContact, unchecked, uniqueWord } from '../helpers/factories.js';
import { closeTestServers, startTestServer, type TestServer } from '../helpers/server.js';

afterAll(closeTestServers);

describe('groups', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ startAt: '2024-04-01T12:00:00Z' });
  });

  it('create answers 200 with an empty group; get and list return it', async () => {
    server.clock.advance(10);
    const name = uniqueWord('Friends');
    const group = ok(await createGroup({ client: server.demo, body: { name: `  ${name} ` } })).data;
    expectObject(group, ['account', 'contacts', 'created_at', 'id', 'name', 'object', 'updated_at'], { object: 'group', name, contacts: [], created_at: server.clock.stamp(), updated_at: server.clock.stamp() });
    expect(ok(await getGroup({ client: server.demo, path: { id: group.id } })).data).toEqual(group);
    expect(ids(await allGroups(server))).toContain(group.id);
  });

  it('lists oldest first, paginated; sort is checked but not applied', async () => {
    const local = await startTestServer({ startAt: '2024-04-01T12:00:00Z' });
    local.clock.set('2024-04-01T12:00:30Z');
    const late = await newGroup(local);
    local.clock.set('2024-04-01T12:00:10Z');
    const early = await newGroup(local);
    local.clock.set('2024-04-01T12:00:20Z');
    const middle = await newGroup(local);

    const page1 = ok(await listGroups({ client: local.demo, query: { limit: 2 } }));
    expect(ids(page1.data)).toEqual([early.id, middle.id]);
    expect(page1.meta).toMatchObject({ total: 3, last_page: 2, per_page: 2, path: `${local.url}/groups` });
    expect(page1.links.next).toBe(`${local.url}/groups?page=2`);
    expect(ids(ok(await listGroups({ client: local.demo, query: { limit: 2, page: 2 } })).data)).toEqual([late.id]);
    expect(ids(ok(await listGroups({ client: local.demo, query: { sort: '-created_at' } })).data)).toEqual([early.id, middle.id, late.id]);
    expectError(await listGroups({ client: local.demo, query: { sort: unchecked('name') } }), 400, 39);
  });

  it('attach adds real contacts in full, in the order given; repeats and string ids join once', async () => {
    const group = await newGroup(server);
    const [a, b, c] = [await newContact(server.demo), await newContact(server.demo), await newContact(server.demo)];
    server.clock.advance(60);
    const attached = ok(
      await attachContactsToGroup({ client: server.demo, path: { id: group.id }, body: { contacts: [b.id, String(a.id), b.id] } }),
    ).data;
    expect(ids(attached.contacts)).toEqual([b.id, a.id]);
    expect(attached.contacts[0]).toEqual(ok(await getContact({ client: server.demo, path: { id: b.id } })).data);
    expect(attached.updated_at).toBe(server.clock.stamp());
    expect(attached.created_at).toBe(group.created_at);

    server.clock.advance(60);
    const again = ok(await attachContactsToGroup({ client: server.demo, path: { id: group.id }, body: { contacts: [a.id, c.id] } })).data;
    expect(ids(again.contacts)).toEqual([b.id, a.id, c.id]);
    expect(ok(await getGroup({ client: server.demo, path: { id: group.id } })).data).toEqual(again);

    // Nothing new: the group is unchanged, updated_at included.
    server.clock.advance(60);
    const same = ok(await attachContactsToGroup({ client: server.demo, path: { id: group.id }, body: { contacts: [c.id] } })).data;
    expect(same).toEqual(again);
  });

  it('an unknown contact answers 404 and a partial one 422; either way nothing is added', async () => {
    const group = await newGroup(server);
    const real = await newContact(server.demo);
    const partial = await newPartialContact(server.demo);

    expectNotFound(await attachContactsToGroup({ client: server.demo, path: { id: group.id }, body: { contacts: [real.id, 999999] } }));
    expectValidationError(
      await attachContactsToGroup({ client: server.demo, path: { id: group.id }, body: { contacts: [real.id, partial.id] } }),
      ['The contacts.1 must be a real contact, not a partial one.'],
    );
    const refused: [object, string][] = [
      [{}, 'The contacts field is required.'],
      [{ contacts: [] }, 'The contacts must NOT have fewer than 1 items.'],
      [{ contacts: ['abc'] }, 'The contacts.0 format is invalid.'],
      [{ contacts: [0] }, 'The contacts.0 must be >= 1.'],
    ];
    for (const [body, message] of refused) {
      expectValidationError(await attachContactsToGroup({ client: server.demo, path: { id: group.id }, body: unchecked(body) }), [message]);
    }
    expect(ok(await getGroup({ client: server.demo, path: { id: group.id } })).data).toEqual(group);
    expectNotFound(await attachContactsToGroup({ client: server.demo, path: { id: 999999 }, body: { contacts: [real.id] } }));
  });

  it('update renames and keeps the contacts; a blank, missing or too long name answers 422', async () => {
    const group = await newGroup(server);
    const contact = await newContact(server.demo);
    ok(await attachContactsToGroup({ client: server.demo, path: { id: group.id }, body: { contacts: [contact.id] } }));
    server.clock.advance(30);
    const renamed = ok(await updateGroup({ client: server.demo, path: { id: group.id }, body: { name: 'loving friends' } })).data;
    expect(renamed).toMatchObject({ id: group.id, name: 'loving friends', created_at: group.created_at, updated_at: server.clock.stamp() });
    expect(ids(renamed.contacts)).toEqual([contact.id]);

    for (const [body, message] of requiredTextRefusals('name')) {
      const what = JSON.stringify(body).slice(0, 40);
      expectValidationError(await updateGroup({ client: server.demo, path: { id: group.id }, body: unchecked(body) }), [message], what);
      expectValidationError(await createGroup({ client: server.demo, body: unchecked(body) }), [message], what);
    }
    expect(ok(await getGroup({ client: server.demo, path: { id: group.id } })).data).toEqual(renamed);
    expectNotFound(await updateGroup({ client: server.demo, path: { id: 999999 }, body: { name: 'x' } }));
  });

  it('delete removes the group, not its contacts', async () => {
    const group = await newGroup(server);
    const contact = await newContact(server.demo);
    ok(await attachContactsToGroup({ client: server.demo, path: { id: group.id }, body: { contacts: [contact.id] } }));
    expect(ok(await deleteGroup({ client: server.demo, path: { id: group.id } }))).toEqual({ deleted: true, id: group.id });
    expectNotFound(await getGroup({ client: server.demo, path: { id: group.id } }));
    expectNotFound(await deleteGroup({ client: server.demo, path: { id: group.id } }));
    expect(ids(await allGroups(server))).not.toContain(group.id);
    ok(await getContact({ client: server.demo, path: { id: contact.id } }));
  });

  it('a deleted contact leaves its groups; a contact made partial no longer shows in them', async () => {
    const group = await newGroup(server);
    const [gone, staying, turning] = [await newContact(server.demo), await newContact(server.demo), await newContact(server.demo)];
    ok(await attachContactsToGroup({ client: server.demo, path: { id: group.id }, body: { contacts: [gone.id, staying.id, turning.id] } }));

    ok(await deleteContact({ client: server.demo, path: { id: gone.id } }));
    ok(await updateContact({ client: server.demo, path: { id: turning.id }, body: { ...contactBody({ first_name: turning.first_name }), is_partial: true } }));
    expect(ids(ok(await getGroup({ client: server.demo, path: { id: group.id } })).data.contacts)).toEqual([staying.id]);
    const listed = (await allGroups(server)).find((g) => g.id === group.id)!;
    expect(ids(listed.contacts)).toEqual([staying.id]);
  });

  it("the other account gets 404 on the group and on the first account's contacts, and nothing changes", async () => {
    const group = await newGroup(server);
    const contact = await newContact(server.demo);
    const before = ok(await attachContactsToGroup({ client: server.demo, path: { id: group.id }, body: { contacts: [contact.id] } })).data;

    expectNotFound(await getGroup({ client: server.other, path: { id: group.id } }));
    expectNotFound(await updateGroup({ client: server.other, path: { id: group.id }, body: { name: 'hijacked' } }));
    expectNotFound(await deleteGroup({ client: server.other, path: { id: group.id } }));
    const theirContact = ok(await createContact({ client: server.other, body: contactBody() }), 201).data;
    expectNotFound(await attachContactsToGroup({ client: server.other, path: { id: group.id }, body: { contacts: [theirContact.id] } }));
    expect(ids(await allGroups(server, server.other))).not.toContain(group.id);

    // A group of the other account cannot take the first account's contacts.
    const theirs = await newGroup(server, uniqueWord('Theirs'), server.other);
    expectNotFound(await attachContactsToGroup({ client: server.other, path: { id: theirs.id }, body: { contacts: [theirContact.id, contact.id] } }));
    expect(ok(await getGroup({ client: server.other, path: { id: theirs.id } })).data.contacts).toEqual([]);
    // Nor can the first account's group take theirs.
    expectNotFound(await attachContactsToGroup({ client: server.demo, path: { id: group.id }, body: { contacts: [theirContact.id] } }));

    expect(ok(await getGroup({ client: server.demo, path: { id: group.id } })).data).toEqual(before);
  });
});
