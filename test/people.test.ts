// People around a contact, through the generated SDK against real servers: genders, companies, occupations,
// relationships (always stored both ways), relationship types and groups, and the deprecated partners/kids calls.
// The last block drives the store and presenter directly, for what the API cannot show (transactions, a
// missing group, several contacts at once).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createCompany,
  createGender,
  createOccupation,
  createRelationship,
  deleteCompany,
  deleteContact,
  deleteGender,
  deleteOccupation,
  deleteRelationship,
  getCompany,
  getContact,
  getGender,
  getOccupation,
  getRelationship,
  getRelationshipType,
  getRelationshipTypeGroup,
  linkContactChild,
  linkContactPartner,
  listCompanies,
  listContactRelationships,
  listGenders,
  listOccupations,
  listRelationshipTypeGroups,
  listRelationshipTypes,
  unlinkContactChild,
  unlinkContactPartner,
  updateCompany,
  updateGender,
  updateOccupation,
  updateRelationship,
} from '../generated/client/sdk.gen.js';
import type { Client } from '../generated/client/client/index.js';
import type { Company, Contact, Relationship, RelationshipType } from '../generated/client/types.gen.js';
import { expectError, expectNotFound, expectValidationError, ok, TIMESTAMP } from './helpers/expect.js';
import { collectPages, ids, newContact, newPartialContact, uniqueWord, unchecked } from './helpers/factories.js';
import { archiveContact, startFilesServer } from './helpers/filesServer.js';
import { closeTestServers, startTestServer, type TestServer } from './helpers/server.js';
import { openDatabase, stmt, type Db } from '../server/store/db.js';
import { createAccount } from '../server/store/accounts.js';
import { seedAccountReferenceData } from '../server/seed/referenceData.js';
import { createContact, getContact as getContactRow } from '../server/store/contacts.js';
import { getRelationshipTypeByName } from '../server/store/relationshipTypes.js';
import { createRelationship as createRelationshipInStore, updateRelationshipType } from '../server/store/relationships.js';
import { relationshipsForContacts } from '../server/present/relationships.js';

// Every operation's first call compiles its validators: give busy machines some room.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

afterAll(closeTestServers);

let main: TestServer;
/** A server whose accounts only the tests that need untouched lists use (each its own list). */
let clean: TestServer;
/** The demo account's relationship types by name. */
let types: Map<string, RelationshipType>;
/** The other account's relationship types by name. */
let otherTypes: Map<string, RelationshipType>;

async function typesOf(client: Client): Promise<Map<string, RelationshipType>> {
  const all = await collectPages(async (page) => ok(await listRelationshipTypes({ client, query: { page, limit: 100 } })));
  return new Map(all.map((t) => [t.name, t]));
}

const typeId = (name: string): number => {
  const type = types.get(name);
  if (!type) throw new Error(`no relationship type ${name}`);
  return type.id;
};

beforeAll(async () => {
  [main, clean] = await Promise.all([startTestServer(), startTestServer()]);
  types = await typesOf(main.demo);
  otherTypes = await typesOf(main.other);
});

async function relationshipsOf(client: Client, contactId: number): Promise<Relationship[]> {
  return ok(await listContactRelationships({ client, path: { id: contactId } })).data;
}

/** [type name, of_contact id] of every relationship of a contact. */
async function linksOf(client: Client, contactId: number): Promise<[string, number][]> {
  return (await relationshipsOf(client, contactId)).map((r) => [r.relationship_type.name, r.of_contact.id]);
}

async function newRelationship(client: Client, contactIs: number, type: string, ofContact: number): Promise<Relationship> {
  const body = { contact_is: contactIs, relationship_type_id: typeId(type), of_contact: ofContact };
  return ok(await createRelationship({ client, body }), 201).data;
}

async function newCompany(client: Client, overrides: Partial<{ name: string; website: string | null; number_of_employees: number | string | null }> = {}): Promise<Company> {
  return ok(await createCompany({ client, body: { name: uniqueWord('Company'), ...overrides } }), 201).data;
}

// ---------------------------------------------------------------------------------------------------------

describe('genders', () => {
  it('every account starts with three; create answers 201 with the trimmed name and the type', async () => {
    const server = clean;
    const initial = ok(await listGenders({ client: server.demo }));
    expect(initial.data.map((g) => [g.name, g.type])).toEqual([['Man', 'M'], ['Woman', 'F'], ['Rather not say', 'O']]);
    expect(initial.meta.total).toBe(3);

    const created = ok(await createGender({ client: server.demo, body: { name: '  Non-binary ', type: 'O' } }), 201).data;
    expect(created).toMatchObject({ object: 'gender', name: 'Non-binary', type: 'O', created_at: server.clock.stamp() });
    expect(ok(await getGender({ client: server.demo, path: { id: created.id } })).data).toEqual(created);
  });

  it('sorts by updated_at and pages with limit', async () => {
    const server = { ...clean, demo: clean.other };
    const [man, woman, other] = ok(await listGenders({ client: server.demo })).data;
    server.clock.advance(60);
    ok(await updateGender({ client: server.demo, path: { id: man!.id }, body: { name: 'Male', type: 'M' } }));
    const newest = ok(await listGenders({ client: server.demo, query: { sort: '-updated_at', limit: 1 } }));
    expect(ids(newest.data)).toEqual([man!.id]);
    expect(newest.meta).toMatchObject({ total: 3, last_page: 3, per_page: 1 });
    // Equal timestamps fall back to the id, in the same direction.
    const all = ok(await listGenders({ client: server.demo, query: { sort: '-updated_at' } }));
    expect(ids(all.data)).toEqual([man!.id, other!.id, woman!.id]);
    const oldest = ok(await listGenders({ client: server.demo, query: { sort: 'updated_at' } }));
    expect(ids(oldest.data)).toEqual([woman!.id, other!.id, man!.id]);
  });

  it('update replaces name and type; contacts with the gender show the new name', async () => {
    const gender = ok(await createGender({ client: main.demo, body: { name: uniqueWord('Gender'), type: 'F' } }), 201).data;
    const contact = await newContact(main.demo, { gender_id: gender.id });
    expect(contact.gender).toBe(gender.name);
    main.clock.advance(5);
    const updated = ok(await updateGender({ client: main.demo, path: { id: gender.id }, body: { name: 'Renamed', type: 'M' } })).data;
    expect(updated).toMatchObject({ id: gender.id, name: 'Renamed', type: 'M', updated_at: main.clock.stamp() });
    const fetched = ok(await getContact({ client: main.demo, path: { id: contact.id } })).data;
    expect([fetched.gender, fetched.gender_type]).toEqual(['Renamed', 'M']);
  });

  it('delete answers {deleted, id}; the contacts that had it keep existing without a gender', async () => {
    const gender = ok(await createGender({ client: main.demo, body: { name: uniqueWord('Gender'), type: 'O' } }), 201).data;
    const contact = await newContact(main.demo, { gender_id: gender.id });
    expect(ok(await deleteGender({ client: main.demo, path: { id: gender.id } }))).toEqual({ deleted: true, id: gender.id });
    expectNotFound(await getGender({ client: main.demo, path: { id: gender.id } }));
    const fetched = ok(await getContact({ client: main.demo, path: { id: contact.id } })).data;
    expect([fetched.gender, fetched.gender_type]).toEqual([null, null]);
  });

  it('refuses a missing type, a type other than M/F/O and a blank name with 422', async () => {
    const before = ok(await listGenders({ client: main.demo, query: { limit: 100 } })).meta.total;
    expect(expectValidationError(await createGender({ client: main.demo, body: unchecked({ name: 'No type' }) })).length).toBeGreaterThan(0);
    expectValidationError(await createGender({ client: main.demo, body: unchecked({ name: 'Unknown', type: 'U' }) }));
    expectValidationError(await createGender({ client: main.demo, body: { name: '   ', type: 'F' } }));
    expect(ok(await listGenders({ client: main.demo, query: { limit: 100 } })).meta.total).toBe(before);
  });

  it("another account's gender is 404 on get, update and delete, and stays unchanged", async () => {
    const gender = ok(await createGender({ client: main.demo, body: { name: uniqueWord('Gender'), type: 'F' } }), 201).data;
    expectNotFound(await getGender({ client: main.other, path: { id: gender.id } }));
    expectNotFound(await updateGender({ client: main.other, path: { id: gender.id }, body: { name: 'Stolen', type: 'M' } }));
    expectNotFound(await deleteGender({ client: main.other, path: { id: gender.id } }));
    expect(ok(await getGender({ client: main.demo, path: { id: gender.id } })).data).toEqual(gender);
    const theirs = ok(await listGenders({ client: main.other, query: { limit: 100 } })).data;
    expect(ids(theirs)).not.toContain(gender.id);
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('companies', () => {
  it('create takes a numeric string for number_of_employees and answers an integer', async () => {
    const company = await newCompany(main.demo, { name: 'ACME', website: 'http://url.com', number_of_employees: '3' });
    expect(company).toMatchObject({ object: 'company', name: 'ACME', website: 'http://url.com', number_of_employees: 3, account: { id: expect.any(Number) } });
    expect(company.created_at).toMatch(TIMESTAMP);
    expect(ok(await getCompany({ client: main.demo, path: { id: company.id } })).data).toEqual(company);
  });

  it('update replaces the company: website and number_of_employees left out are cleared', async () => {
    const company = await newCompany(main.demo, { website: 'https://example.com', number_of_employees: 40 });
    const updated = ok(await updateCompany({ client: main.demo, path: { id: company.id }, body: { name: 'Renamed Ltd' } })).data;
    expect(updated).toMatchObject({ id: company.id, name: 'Renamed Ltd', website: null, number_of_employees: null });
  });

  it('lists oldest first, newest first with sort=-created_at, and pages', async () => {
    const server = clean;
    const made: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      made.push((await newCompany(server.demo)).id);
      server.clock.advance(10);
    }
    expect(ids(ok(await listCompanies({ client: server.demo })).data)).toEqual(made);
    expect(ids(ok(await listCompanies({ client: server.demo, query: { sort: '-created_at' } })).data)).toEqual([...made].reverse());
    const page2 = ok(await listCompanies({ client: server.demo, query: { limit: 3, page: 2 } }));
    expect(ids(page2.data)).toEqual([made[3]]);
    expect(page2.meta).toMatchObject({ total: 4, last_page: 2, from: 4, to: 4 });
  });

  it('refuses a blank name and a non-numeric number of employees with 422', async () => {
    expectValidationError(await createCompany({ client: main.demo, body: { name: ' ' } }));
    expectValidationError(await createCompany({ client: main.demo, body: unchecked({ name: 'X', number_of_employees: 'many' }) }));
  });

  it("another account's company is 404 and stays unchanged", async () => {
    const company = await newCompany(main.demo);
    expectNotFound(await getCompany({ client: main.other, path: { id: company.id } }));
    expectNotFound(await updateCompany({ client: main.other, path: { id: company.id }, body: { name: 'Stolen' } }));
    expectNotFound(await deleteCompany({ client: main.other, path: { id: company.id } }));
    expect(ok(await getCompany({ client: main.demo, path: { id: company.id } })).data).toEqual(company);
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('occupations', () => {
  it('create answers 201 with the company and the contact; lenient values are converted', async () => {
    const contact = await newContact(main.demo);
    const company = await newCompany(main.demo);
    const result = await createOccupation({
      client: main.demo,
      body: {
        contact_id: String(contact.id),
        company_id: String(company.id),
        title: ' Waiter ',
        description: 'Served beverages',
        salary: '12000',
        salary_unit: 'year',
        currently_works_here: '1',
        start_date: '1990-01-01',
        end_date: '1994-02-02',
      },
    });
    const occupation = ok(result, 201).data;
    expect(occupation).toMatchObject({
      object: 'occupation',
      title: 'Waiter',
      description: 'Served beverages',
      salary: 12000,
      salary_unit: 'year',
      currently_works_here: true,
      start_date: '1990-01-01',
      end_date: '1994-02-02',
      company,
      contact: { id: contact.id, object: 'contact', url: contact.url },
    });
    expect(ok(await getOccupation({ client: main.demo, path: { id: occupation.id } })).data).toEqual(occupation);
  });

  it('update replaces the details (left-out fields cleared) but not the contact or the company', async () => {
    const contact = await newContact(main.demo);
    const company = await newCompany(main.demo);
    const other = await newCompany(main.demo);
    const body = { contact_id: contact.id, company_id: company.id, title: 'Chef', salary: 100, salary_unit: 'hour' as const, currently_works_here: true };
    const occupation = ok(await createOccupation({ client: main.demo, body }), 201).data;

    const updated = ok(await updateOccupation({ client: main.demo, path: { id: occupation.id }, body: { contact_id: contact.id, company_id: company.id, title: 'Head chef' } })).data;
    expect(updated).toMatchObject({ title: 'Head chef', salary: null, salary_unit: null, currently_works_here: false, start_date: null });

    expectNotFound(await updateOccupation({ client: main.demo, path: { id: occupation.id }, body: { contact_id: contact.id, company_id: other.id, title: 'Moved' } }));
    const another = await newContact(main.demo);
    expectNotFound(await updateOccupation({ client: main.demo, path: { id: occupation.id }, body: { contact_id: another.id, company_id: company.id, title: 'Moved' } }));
    expect(ok(await getOccupation({ client: main.demo, path: { id: occupation.id } })).data).toEqual(updated);
  });

  it('a contact or company of another account answers 404 and creates nothing', async () => {
    const server = clean;
    const mine = await newContact(server.demo);
    const myCompany = await newCompany(server.demo);
    const theirs = await newContact(server.other);
    const theirCompany = await newCompany(server.other);
    expectNotFound(await createOccupation({ client: server.demo, body: { contact_id: theirs.id, company_id: myCompany.id, title: 'Spy' } }));
    expectNotFound(await createOccupation({ client: server.demo, body: { contact_id: mine.id, company_id: theirCompany.id, title: 'Spy' } }));
    expect(ok(await listOccupations({ client: server.demo })).meta.total).toBe(0);
    expect(ok(await listOccupations({ client: server.other })).meta.total).toBe(0);
  });

  it("another account's occupation is 404 on get, update and delete", async () => {
    const contact = await newContact(main.demo);
    const company = await newCompany(main.demo);
    const occupation = ok(await createOccupation({ client: main.demo, body: { contact_id: contact.id, company_id: company.id, title: 'Pilot' } }), 201).data;
    expectNotFound(await getOccupation({ client: main.other, path: { id: occupation.id } }));
    expectNotFound(await updateOccupation({ client: main.other, path: { id: occupation.id }, body: { contact_id: contact.id, company_id: company.id, title: 'X' } }));
    expectNotFound(await deleteOccupation({ client: main.other, path: { id: occupation.id } }));
    expect(ok(await getOccupation({ client: main.demo, path: { id: occupation.id } })).data.title).toBe('Pilot');
  });

  it('deleting the contact or the company deletes its occupations; deleting an occupation keeps both', async () => {
    const contact = await newContact(main.demo);
    const company = await newCompany(main.demo);
    const make = async (contactId: number, companyId: number) =>
      ok(await createOccupation({ client: main.demo, body: { contact_id: contactId, company_id: companyId, title: 'Job' } }), 201).data.id;
    const first = await make(contact.id, company.id);
    ok(await deleteOccupation({ client: main.demo, path: { id: first } }));
    ok(await getContact({ client: main.demo, path: { id: contact.id } }));
    ok(await getCompany({ client: main.demo, path: { id: company.id } }));

    const byContact = await make(contact.id, company.id);
    ok(await deleteContact({ client: main.demo, path: { id: contact.id } }));
    expectNotFound(await getOccupation({ client: main.demo, path: { id: byContact } }));

    const other = await newContact(main.demo);
    const byCompany = await make(other.id, company.id);
    ok(await deleteCompany({ client: main.demo, path: { id: company.id } }));
    expectNotFound(await getOccupation({ client: main.demo, path: { id: byCompany } }));
  });

  it('an archived contact answers 422 on create and update, and nothing changes', async () => {
    // A database file, so that the test can archive a contact (the API has no call for it).
    const server = await startFilesServer();
    try {
      const client = server.demo;
      const contact = await newContact(client);
      const company = await newCompany(client);
      const body = { contact_id: contact.id, company_id: company.id, title: 'Job' };
      const occupation = ok(await createOccupation({ client, body }), 201).data;
      archiveContact(server.db, contact.id);

      expectValidationError(await createOccupation({ client, body }));
      expectValidationError(await updateOccupation({ client, path: { id: occupation.id }, body: { ...body, title: 'Changed' } }));
      const list = ok(await listOccupations({ client }));
      expect(list.data.map((o) => [o.id, o.title])).toEqual([[occupation.id, 'Job']]);
    } finally {
      await server.close();
    }
  });

  it('refuses a bad salary unit, a bad date and a missing title with 422 and a message array', async () => {
    const contact = await newContact(main.demo);
    const company = await newCompany(main.demo);
    const base = { contact_id: contact.id, company_id: company.id, title: 'Job' };
    expectValidationError(await createOccupation({ client: main.demo, body: unchecked({ ...base, salary_unit: 'decade' }) }));
    expectValidationError(await createOccupation({ client: main.demo, body: unchecked({ ...base, start_date: '1990-13-45' }) }));
    expectValidationError(await createOccupation({ client: main.demo, body: unchecked({ contact_id: contact.id, company_id: company.id }) }));
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('relationship types and groups', () => {
  it('every account has the four groups and the 24 default types, in a fixed order, 15 a page', async () => {
    const groups = ok(await listRelationshipTypeGroups({ client: main.demo }));
    expect(groups.data.map((g) => g.name)).toEqual(['love', 'family', 'friend', 'work']);
    expect(groups.data.every((g) => g.delible === false && g.created_at === null)).toBe(true);

    const page1 = ok(await listRelationshipTypes({ client: main.demo }));
    expect(page1.data).toHaveLength(15);
    expect(page1.meta).toMatchObject({ total: 24, last_page: 2, per_page: 15 });
    expect(page1.data.slice(0, 9).map((t) => `${t.name}/${t.name_reverse_relationship}`)).toEqual([
      'partner/partner', 'spouse/spouse', 'date/date', 'lover/lover', 'inlovewith/lovedby', 'lovedby/inlovewith', 'ex/ex',
      'parent/child', 'child/parent',
    ]);
    // sort is accepted but not applied.
    const sorted = ok(await listRelationshipTypes({ client: main.demo, query: { sort: '-created_at' } }));
    expect(ids(sorted.data)).toEqual(ids(page1.data));

    // Every type's reverse exists, in the same group.
    const byGroup = new Map(groups.data.map((g) => [g.id, g.name]));
    for (const type of types.values()) {
      const reverse = types.get(type.name_reverse_relationship);
      expect(reverse, type.name).toBeDefined();
      expect(reverse!.relationship_type_group_id).toBe(type.relationship_type_group_id);
      expect(byGroup.has(type.relationship_type_group_id)).toBe(true);
    }
    expect([...types.keys()]).toEqual(expect.arrayContaining(['godfather', 'godson', 'bestfriend', 'colleague', 'boss', 'subordinate', 'mentor', 'protege']));
  });

  it("get returns one; another account's type or group is 404", async () => {
    const uncle = types.get('uncle')!;
    expect(ok(await getRelationshipType({ client: main.demo, path: { id: uncle.id } })).data).toEqual(uncle);
    expectNotFound(await getRelationshipType({ client: main.other, path: { id: uncle.id } }));
    const family = ok(await getRelationshipTypeGroup({ client: main.demo, path: { id: uncle.relationship_type_group_id } })).data;
    expect(family.name).toBe('family');
    expectNotFound(await getRelationshipTypeGroup({ client: main.other, path: { id: family.id } }));
    expect(otherTypes.get('uncle')!.id).not.toBe(uncle.id);
  });
});

// ---------------------------------------------------------------------------------------------------------

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
    const a = await newContact(main.demo);
    const b = await newContact(main.demo);
    const rel = await newRelationship(main.demo, a.id, 'uncle', b.id);
    const updated = ok(await updateRelationship({ client: main.demo, path: { id: rel.id }, body: { relationship_type_id: String(typeId('boss')) } })).data;
    expect(updated.relationship_type.name).toBe('boss');
    expect(await linksOf(main.demo, a.id)).toEqual([['boss', b.id]]);
    expect(await linksOf(main.demo, b.id)).toEqual([['subordinate', a.id]]);
  });

  it('delete removes the relationship and its reverse, and a partial other contact with it', async () => {
    const a = await newContact(main.demo);
    const b = await newContact(main.demo);
    const rel = await newRelationship(main.demo, a.id, 'friend', b.id);
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
    const a = await newContact(main.demo);
    const b = await newContact(main.demo);
    const rel = await newRelationship(main.demo, a.id, 'sibling', b.id);
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
    expectValidationError(await createRelationship({ client: main.demo, body: { contact_is: a.id, relationship_type_id: typeId('friend'), of_contact: a.id } }));
    const messages = expectValidationError(await createRelationship({ client: main.demo, body: unchecked({ contact_is: a.id, relationship_type_id: typeId('friend') }) }));
    expect(messages.join(' ')).toMatch(/of.contact/i);
    expect(await linksOf(main.demo, a.id)).toEqual([]);
  });

  it("the other account gets 404 on the relationship, and on body ids of the first account; nothing changes", async () => {
    const a = await newContact(main.demo);
    const b = await newContact(main.demo);
    const rel = await newRelationship(main.demo, a.id, 'friend', b.id);
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

// ---------------------------------------------------------------------------------------------------------

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
    expectValidationError(await linkContactPartner({ client: main.demo, path: { id: a.id }, body: unchecked({}) }));
    const stranger = await newContact(main.other);
    expectNotFound(await linkContactPartner({ client: main.demo, path: { id: a.id }, body: { partner_id: stranger.id } }));
    expectNotFound(await linkContactChild({ client: main.other, path: { id: stranger.id }, body: { child_id: a.id } }));
    expectNotFound(await linkContactPartner({ client: main.other, path: { id: a.id }, body: { partner_id: stranger.id } }));
    expect(await linksOf(main.demo, a.id)).toEqual([]);
    expect(await linksOf(main.other, stranger.id)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------

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

  it('the demo account gets companies, occupations and relationships, each with its reverse', async () => {
    const server = await startTestServer({ demoData: true });
    expect(ok(await listCompanies({ client: server.demo })).meta.total).toBeGreaterThan(5);
    expect(ok(await listOccupations({ client: server.demo })).meta.total).toBeGreaterThan(5);
    const first = ok(await listOccupations({ client: server.demo, query: { limit: 1 } })).data[0]!;
    const links = await linksOf(server.demo, first.contact.id);
    expect(links.length).toBeGreaterThan(0);
    const demoTypes = await typesOf(server.demo);
    for (const [name, other] of links) {
      const reverse = demoTypes.get(name)!.name_reverse_relationship;
      expect(await linksOf(server.demo, other)).toContainEqual([reverse, first.contact.id]);
    }
    expect(ok(await listOccupations({ client: server.other })).meta.total).toBe(0);
  });
});
