// Genders through the generated SDK: the three every account starts with, create, replace and delete, paging and
// sorting, validation and account isolation.
import { describe, expect, it } from 'vitest';
import { createGender, deleteGender, getContact, getGender, listGenders, updateGender } from '../../generated/client/sdk.gen.js';
import { expectNotFound, expectValidationError, ok } from '../helpers/expect.js';
import { ids, newContact, unchecked, uniqueWord } from '../helpers/factories.js';
import { serversForFile } from '../helpers/server.js';

/** `clean`: a server whose accounts only the tests that need untouched lists use (each its own list). */
const [main, clean] = await serversForFile(2);

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
    expectValidationError(await createGender({ client: main.demo, body: unchecked({ name: 'No type' }) }), ['The type field is required.']);
    expectValidationError(await createGender({ client: main.demo, body: unchecked({ name: 'Unknown', type: 'U' }) }), ['The selected type is invalid.']);
    expectValidationError(await createGender({ client: main.demo, body: { name: '   ', type: 'F' } }), ['The name field is required.']);
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
