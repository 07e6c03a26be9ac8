// Relationships through the generated SDK, always stored both ways: create, change the type, delete, a contact's
// list, validation and account isolation. The last block drives the store and the presenter directly, for what the
// API cannot show (transactions, a missing group, several contacts at once).
import { describe, expect, it } from 'vitest';
import {
  createRelationship,
  deleteContact,
  deleteRelationship,
  getContact,
  getRelationship,
  listContactRelationships,
  updateRelationship,
} from '../../generated/client/sdk.gen.js';
import { relationshipsForContacts } from '../../server/present/relationships.js';
import { seedAccountReferenceData } from '../../server/seed/referenceData.js';
import { createAccount } from '../../server/store/accounts.js';
import { createContact, getContact as getContactRow } from '../../server/store/contacts.js';
import { openDatabase, stmt, type Db } from '../../server/store/db.js';
import { getRelationshipTypeByName } from '../../server/store/relationshipTypes.js';
import { createRelationship as createRelationshipInStore, updateRelationshipType } from '../../server/store/relationships.js';
import { expectNotFound, expectValidationError, ok } from '../helpers/expect.js';
import { ids, linksOf, newContact, newPartialContact, newRelationship, typesOf, unchecked } from '../helpers/factories.js';
import { serversForFile } from '../helpers/server.js';

const [main] = await serversForFile();
/** Each account's relationship types by name. */
const [types, otherTypes] = await Promise.all([typesOf(main.demo), typesOf(main.other)]);

const typeId = (name: string): number => {
  const type = types.get(name);
  if (!type) throw new Error(`no relationship type ${name}`);
  return type.id;
};

/** Two new contacts of the demo account, the first related to the second by `type`. */
async function twoRelated(type: string) {
  const a = await newContact(main.demo);
  const b = await newContact(main.demo);
  return { a, b, rel: await newRelationship(main.demo, a.id, type, b.id) };
}

describe('relationships', () => {
  it('create answers 201 with the relationship asked for, and creates its reverse', async () => {
    const john = await newContact(main.demo);
    const peter = await newContact(main.demo);
    const rel = await newRelationship(main.demo, john.id, 'uncle', peter.id);
    expect(rel).toMatchObject({
      object: 'relationship',
      contact_is: { id: john.id },
      of_contact: { id: peter.id },
      relationship_type: { name: 'uncle', name_reverse_relationship: 'nephew' },
      url: `${main.url}/relationships/${rel.id}`,
    });
    expect(ok(await getRelationship({ client: main.demo, path: { id: rel.id } })).data).toEqual(rel);
    expect(await linksOf(main.demo, john.id)).toEqual([['uncle', peter.id]]);
    expect(await linksOf(main.demo, peter.id)).toEqual([['nephew', john.id]]);
  });

  it('update changes the type, and the reverse takes the new type’s reverse', async () => {
    const { a, b, rel } = await twoRelated('uncle');
    const updated = ok(await updateRelationship({ client: main.demo, path: { id: rel.id }, body: { relationship_type_id: String(typeId('boss')) } })).data;
    expect(updated.relationship_type.name).toBe('boss');
    expect(await linksOf(main.demo, a.id)).toEqual([['boss', b.id]]);
    expect(await linksOf(main.demo, b.id)).toEqual([['subordinate', a.id]]);
  });

  it('delete removes the relationship and its reverse, and a partial other contact with it', async () => {
    const { a, b, rel } = await twoRelated('friend');
    expect(ok(await deleteRelationship({ client: main.demo, path: { id: rel.id } }))).toEqual({ deleted: true, id: rel.id });
    expectNotFound(await getRelationship({ client: main.demo, path: { id: rel.id } }));
    expect(await linksOf(main.demo, a.id)).toEqual([]);
    expect(await linksOf(main.demo, b.id)).toEqual([]);
    ok(await getContact({ client: main.demo, path: { id: b.id } }));

    const partial = await newPartialContact(main.demo);
    const withPartial = await newRelationship(main.demo, a.id, 'child', partial.id);
    ok(await deleteRelationship({ client: main.demo, path: { id: withPartial.id } }));
    expectNotFound(await getContact({ client: main.demo, path: { id: partial.id } }));
    ok(await getContact({ client: main.demo, path: { id: a.id } }));
  });

  it('deleting a contact removes the relationships on both sides', async () => {
    const { a, b, rel } = await twoRelated('sibling');
    ok(await deleteContact({ client: main.demo, path: { id: b.id } }));
    expect(await linksOf(main.demo, a.id)).toEqual([]);
    expectNotFound(await getRelationship({ client: main.demo, path: { id: rel.id } }));
  });

  it('listContactRelationships is one unpaginated list; an unknown contact is 404', async () => {
    const a = await newContact(main.demo);
    const others = [];
    for (let i = 0; i < 17; i += 1) others.push(await newContact(main.demo));
    for (const o of others) await newRelationship(main.demo, a.id, 'friend', o.id);
    const body = ok(await listContactRelationships({ client: main.demo, path: { id: a.id } }));
    expect(Object.keys(body)).toEqual(['data']);
    expect(body.data.map((r) => r.of_contact.id)).toEqual(ids(others));
    expectNotFound(await listContactRelationships({ client: main.demo, path: { id: 999_999 } }));
  });

  it('refuses a relationship of a contact with itself, and a body without of_contact, with 422', async () => {
    const a = await newContact(main.demo);
    expectValidationError(
      await createRelationship({ client: main.demo, body: { contact_is: a.id, relationship_type_id: typeId('friend'), of_contact: a.id } }),
      ['The contact and the other contact must be different.'],
    );
    expectValidationError(
      await createRelationship({ client: main.demo, body: unchecked({ contact_is: a.id, relationship_type_id: typeId('friend') }) }),
      ['The of contact field is required.'],
    );
    expect(await linksOf(main.demo, a.id)).toEqual([]);
  });

  it("the other account gets 404 on the relationship, and on body ids of the first account; nothing changes", async () => {
    const { a, b, rel } = await twoRelated('friend');
    const stranger = await newContact(main.other);
    const stranger2 = await newContact(main.other);

    expectNotFound(await getRelationship({ client: main.other, path: { id: rel.id } }));
    expectNotFound(await updateRelationship({ client: main.other, path: { id: rel.id }, body: { relationship_type_id: otherTypes.get('ex')!.id } }));
    expectNotFound(await deleteRelationship({ client: main.other, path: { id: rel.id } }));
    expectNotFound(await listContactRelationships({ client: main.other, path: { id: a.id } }));
    // Body ids of the first account, from the second account.
    expectNotFound(await createRelationship({ client: main.other, body: { contact_is: stranger.id, relationship_type_id: otherTypes.get('friend')!.id, of_contact: a.id } }));
    expectNotFound(await createRelationship({ client: main.other, body: { contact_is: stranger.id, relationship_type_id: typeId('friend'), of_contact: stranger2.id } }));
    // And the first account cannot use the second account's type.
    expectNotFound(await updateRelationship({ client: main.demo, path: { id: rel.id }, body: { relationship_type_id: otherTypes.get('ex')!.id } }));

    expect(ok(await getRelationship({ client: main.demo, path: { id: rel.id } })).data).toEqual(rel);
    expect(await linksOf(main.demo, a.id)).toEqual([['friend', b.id]]);
    expect(await linksOf(main.other, stranger.id)).toEqual([]);
    expect(await linksOf(main.other, stranger2.id)).toEqual([]);
  });
});

describe('store and presenter', () => {
  const NOW = '2024-06-15T10:00:00Z';
  function freshAccount(): { db: Db; accountId: number; contact: (first: string) => number } {
    const db = openDatabase(':memory:');
    const { accountId } = createAccount(db, { name: 'A', userFirstName: 'Jane', userLastName: 'Doe', email: 'jane@example.com' }, NOW);
    seedAccountReferenceData(db, accountId, NOW);
    const contact = (first: string) =>
      createContact(db, accountId, { first_name: first, is_birthdate_known: false, is_deceased_date_known: false }, NOW).id;
    return { db, accountId, contact };
  }
  const count = (db: Db) => stmt<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM relationships').get()!.n;

  it('a relationship and its reverse are written in one transaction: if the reverse fails, neither exists', () => {
    const { db, accountId, contact } = freshAccount();
    const a = contact('A');
    const b = contact('B');
    const uncle = getRelationshipTypeByName(db, accountId, 'uncle')!;
    const nephew = getRelationshipTypeByName(db, accountId, 'nephew')!;
    db.exec(`CREATE TRIGGER no_nephews BEFORE INSERT ON relationships WHEN NEW.relationship_type_id = ${nephew.id}
             BEGIN SELECT RAISE(ABORT, 'no nephews'); END`);
    expect(() => createRelationshipInStore(db, accountId, { contact_is: a, of_contact: b, relationship_type_id: uncle.id }, NOW)).toThrow(/no nephews/);
    expect(count(db)).toBe(0);

    // An update whose reverse fails leaves the first row's type unchanged too.
    db.exec('DROP TRIGGER no_nephews');
    const friend = getRelationshipTypeByName(db, accountId, 'friend')!;
    const created = createRelationshipInStore(db, accountId, { contact_is: a, of_contact: b, relationship_type_id: friend.id }, NOW);
    if (!('row' in created)) throw new Error('not created');
    db.exec(`CREATE TRIGGER no_nephew_updates BEFORE UPDATE ON relationships WHEN NEW.relationship_type_id = ${nephew.id}
             BEGIN SELECT RAISE(ABORT, 'no nephews'); END`);
    expect(() => updateRelationshipType(db, accountId, created.row.id, uncle.id, NOW)).toThrow(/no nephews/);
    const types = stmt<{ relationship_type_id: number }>(db, 'SELECT relationship_type_id FROM relationships ORDER BY id').all();
    expect(types.map((t) => t.relationship_type_id)).toEqual([friend.id, friend.id]);
  });

  it('relationshipsForContacts fills each contact of a page; a group the account lacks has contacts null', () => {
    const { db, accountId, contact } = freshAccount();
    const [a, b, c] = [contact('Ann'), contact('Bob'), contact('Cid')];
    const type = (name: string) => getRelationshipTypeByName(db, accountId, name)!.id;
    createRelationshipInStore(db, accountId, { contact_is: a, of_contact: b, relationship_type_id: type('spouse') }, NOW);
    createRelationshipInStore(db, accountId, { contact_is: a, of_contact: c, relationship_type_id: type('mentor') }, NOW);
    stmt(db, "DELETE FROM relationship_type_groups WHERE account_id = ? AND name = 'friend'").run(accountId);

    const rows = [a, b, c].map((id) => getContactRow(db, accountId, id)!);
    const map = relationshipsForContacts(db, accountId, rows, { baseUrl: 'http://x/api' });
    expect([...map.keys()]).toEqual([a, b, c]);
    const ann = map.get(a)!;
    expect(ann.love.contacts?.map((x) => [x.relationship.name, x.contact.first_name])).toEqual([['spouse', 'Bob']]);
    expect(ann.work.contacts?.map((x) => [x.relationship.name, x.contact.first_name])).toEqual([['mentor', 'Cid']]);
    expect(ann.family).toEqual({ total: 0, contacts: [] });
    expect(ann.friend).toEqual({ total: 0, contacts: null });
    expect(map.get(b)!.love.contacts?.map((x) => [x.relationship.name, x.contact.id])).toEqual([['spouse', a]]);
    expect(map.get(c)!.work.contacts?.map((x) => [x.relationship.name, x.contact.id])).toEqual([['protege', a]]);
    expect(map.get(c)!.work.total).toBe(1);
  });
});
