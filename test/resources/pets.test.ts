// Pets through the generated SDK: the 11 global categories, create/read/update/delete, a contact's pets, lists,
// validation, account isolation, the contact's deletion and the demo's pets.
import { describe, expect, it } from 'vitest';
import { createPet, deleteContact, deletePet, getPet, listContactPets, listPets, updatePet } from '../../generated/client/sdk.gen.js';
import { expectError, expectNotFound, expectValidationError, expectVariety, ok } from '../helpers/expect.js';
import { allPets, collectPages, ids, newContact, newPet, unchecked } from '../helpers/factories.js';
import { demoObjects, serversForFile } from '../helpers/server.js';

const [main, lists] = await serversForFile(2);

describe('pets', () => {
  it('create answers 201 with the pet, its category and its contact; lenient ids are taken', async () => {
    const contact = await newContact(main.demo);
    const pet = ok(await createPet({ client: main.demo, body: { contact_id: String(contact.id), pet_category_id: '3', name: '  Miso ' } }), 201).data;
    expect(pet).toMatchObject({
      object: 'pet',
      name: 'Miso',
      pet_category: { id: 3, object: 'pet_category', name: 'cat', is_common: true },
      account: { id: contact.account.id },
      contact: { id: contact.id },
      created_at: main.clock.stamp(),
    });
    expect(Object.keys(pet).sort()).toEqual(['account', 'contact', 'created_at', 'id', 'name', 'object', 'pet_category', 'updated_at', 'uuid']);
    expect(ok(await getPet({ client: main.demo, path: { id: pet.id } })).data).toEqual(pet);
    expect((await newPet(main.demo, contact.id, { name: null })).name).toBeNull();
  });

  it('every instance has the same 11 categories; another id answers 422', async () => {
    const contact = await newContact(main.demo);
    const names = ['reptile', 'bird', 'cat', 'dog', 'fish', 'hamster', 'horse', 'rabbit', 'rat', 'small_animal', 'other'];
    for (const [i, name] of names.entries()) {
      const pet = await newPet(main.other, (await newContact(main.other)).id, { pet_category_id: i + 1 });
      expect(pet.pet_category).toEqual({ id: i + 1, object: 'pet_category', name, is_common: ['cat', 'dog', 'fish'].includes(name) });
    }
    expectValidationError(await createPet({ client: main.demo, body: { contact_id: contact.id, pet_category_id: 12 } }), ['The selected pet category id is invalid.']);
    expect(ok(await listContactPets({ client: main.demo, path: { id: contact.id } })).meta.total).toBe(0);
  });

  it('update sets category and contact, keeps the name when it is left out and clears it with null', async () => {
    const contact = await newContact(main.demo);
    const other = await newContact(main.demo);
    const pet = await newPet(main.demo, contact.id, { name: 'Rex' });
    main.clock.advance(30);
    const kept = ok(await updatePet({ client: main.demo, path: { id: pet.id }, body: { contact_id: contact.id, pet_category_id: 8 } })).data;
    expect(kept).toMatchObject({ name: 'Rex', pet_category: { id: 8, name: 'rabbit' }, updated_at: main.clock.stamp(), created_at: pet.created_at });
    const moved = ok(await updatePet({ client: main.demo, path: { id: pet.id }, body: { contact_id: other.id, pet_category_id: 8, name: null } })).data;
    expect(moved).toMatchObject({ name: null, contact: { id: other.id } });
    expect(ok(await listContactPets({ client: main.demo, path: { id: contact.id } })).meta.total).toBe(0);
    expect(ids(ok(await listContactPets({ client: main.demo, path: { id: other.id } })).data)).toEqual([pet.id]);
  });

  it('an unknown pet answers 404 before its category or contact is looked at; a bad body answers 422 and changes nothing', async () => {
    const contact = await newContact(main.demo);
    const pet = await newPet(main.demo, contact.id);
    expectNotFound(await updatePet({ client: main.demo, path: { id: 99999999 }, body: { contact_id: 99999999, pet_category_id: 99 } }));
    expectValidationError(await updatePet({ client: main.demo, path: { id: pet.id }, body: unchecked({ contact_id: contact.id }) }), ['The pet category id field is required.']);
    expectValidationError(await updatePet({ client: main.demo, path: { id: pet.id }, body: { contact_id: contact.id, pet_category_id: 4, name: 'x'.repeat(256) } }), [
      'The name may not be greater than 255 characters.',
    ]);
    expectValidationError(await createPet({ client: main.demo, body: unchecked({ pet_category_id: 4 }) }), ['The contact id field is required.']);
    expectNotFound(await createPet({ client: main.demo, body: { contact_id: 99999999, pet_category_id: 4 } }));
    expect(ok(await getPet({ client: main.demo, path: { id: pet.id } })).data).toEqual(pet);
  });

  it('lists the account\'s pets oldest first with paging and sort; a contact\'s pets in the order they came, sort checked only', async () => {
    const a = await newContact(lists.demo);
    const b = await newContact(lists.demo);
    const made = [];
    for (const contact of [a, b, a, a]) {
      lists.clock.advance(60);
      made.push(await newPet(lists.demo, contact.id));
    }
    const first = ok(await listPets({ client: lists.demo, query: { limit: 3 } }));
    expect(ids(first.data)).toEqual(ids(made.slice(0, 3)));
    expect(first.meta).toMatchObject({ total: 4, last_page: 2, path: `${lists.url}/pets` });
    expect(ids(await collectPages(async (page) => ok(await listPets({ client: lists.demo, query: { page, limit: 3 } }))))).toEqual(ids(made));
    expect(ids(ok(await listPets({ client: lists.demo, query: { sort: '-created_at' } })).data)).toEqual(ids(made).reverse());
    expectError(await listPets({ client: lists.demo, query: unchecked({ sort: 'name' }) }), 400, 39);
    const mine = ok(await listContactPets({ client: lists.demo, path: { id: a.id }, query: { sort: '-created_at' } }));
    expect(ids(mine.data)).toEqual([made[0]!.id, made[2]!.id, made[3]!.id]);
    expect(mine.meta.path).toBe(`${lists.url}/contacts/${a.id}/pets`);
    expectError(await listContactPets({ client: lists.demo, path: { id: a.id }, query: unchecked({ sort: 'nope' }) }), 400, 39);
    expectNotFound(await listContactPets({ client: lists.demo, path: { id: 99999999 } }));
  });

  it('another account\'s pet or contact is not found: nothing is read, changed or deleted', async () => {
    const contact = await newContact(main.demo);
    const theirs = await newContact(main.other);
    const pet = await newPet(main.demo, contact.id, { name: 'Mine' });
    expectNotFound(await getPet({ client: main.other, path: { id: pet.id } }));
    expectNotFound(await updatePet({ client: main.other, path: { id: pet.id }, body: { contact_id: theirs.id, pet_category_id: 1 } }));
    expectNotFound(await deletePet({ client: main.other, path: { id: pet.id } }));
    expectNotFound(await createPet({ client: main.other, body: { contact_id: contact.id, pet_category_id: 1 } }));
    expectNotFound(await listContactPets({ client: main.other, path: { id: contact.id } }));
    // Nor can a pet move to another account's contact.
    expectNotFound(await updatePet({ client: main.demo, path: { id: pet.id }, body: { contact_id: theirs.id, pet_category_id: 1 } }));
    expect(ok(await getPet({ client: main.demo, path: { id: pet.id } })).data).toEqual(pet);
  });

  it('delete answers the id; deleting the contact deletes its pets', async () => {
    const contact = await newContact(main.demo);
    const gone = await newPet(main.demo, contact.id);
    const stays = await newPet(main.demo, contact.id);
    expect(ok(await deletePet({ client: main.demo, path: { id: gone.id } }))).toEqual({ deleted: true, id: gone.id });
    expectNotFound(await getPet({ client: main.demo, path: { id: gone.id } }));
    expectNotFound(await deletePet({ client: main.demo, path: { id: gone.id } }));
    ok(await deleteContact({ client: main.demo, path: { id: contact.id } }));
    expectNotFound(await getPet({ client: main.demo, path: { id: stays.id } }));
  });
});

describe('demo pets', () => {
  it('several demo contacts have pets of several kinds; the other account has none', async () => {
    const { objects: pets } = await demoObjects(allPets);
    expectVariety(pets, (p) => p.pet_category.id, { count: 8, contacts: 4, kinds: 5 });
    expect(pets.some((p) => p.name === null)).toBe(true);
  }, 60_000);
});

