// Addresses through the generated SDK: create with lenient values and country codes, replace (never to another
// contact), a contact's list, the account's list, delete, cascades, validation and account isolation; at the store level, the embedding
// helper, the labels and the archived-contact rule.
import { describe, expect, it } from 'vitest';
import type { Client } from '../../generated/client/client/index.js';
import { createAddress, deleteAddress, deleteContact, getAddress, listAddresses, listContactAddresses, updateAddress } from '../../generated/client/sdk.gen.js';
import type { Address, AddressWrite } from '../../generated/client/types.gen.js';
import type { Context } from '../../server/context.js';
import { addressesHandlers } from '../../server/handlers/addresses.js';
import { ApiError } from '../../server/http/errors.js';
import { addressesForContacts } from '../../server/present/addresses.js';
import { createAddress as storeCreateAddress, updateAddress as storeUpdateAddress } from '../../server/store/addresses.js';
import { createContact as storeCreateContact, getContact as storeGetContact } from '../../server/store/contacts.js';
import { labelsForAddresses } from '../../server/store/labels.js';
import { expectError, expectNotFound, expectObject, expectValidationError, ok } from '../helpers/expect.js';
import { ids, newContact, unchecked, uniqueWord } from '../helpers/factories.js';
import { serversForFile, startTestServer } from '../helpers/server.js';
import { NOW, person, world } from '../helpers/storeWorld.js';

const [main] = await serversForFile();

const createAddressHandler = addressesHandlers.createAddress;

async function newAddress(client: Client, contactId: number, overrides: Partial<AddressWrite> = {}): Promise<Address> {
  return ok(await createAddress({ client, body: { contact_id: contactId, name: uniqueWord('Place'), city: 'Scranton', country: 'US', ...overrides } }), 201).data;
}

const addressInput = (contactId: number, city: string, labels: string[] | null = null) => ({
  contact_id: contactId,
  name: null,
  street: null,
  city,
  province: null,
  postal_code: null,
  country: 'DE',
  latitude: null,
  longitude: null,
  labels,
});

describe('addresses', () => {
  it('create answers 201 with the address, its country and its contact; lenient values are converted', async () => {
    const contact = await newContact(main.demo);
    main.clock.set('2024-06-15T10:00:00Z');
    const created = ok(
      await createAddress({
        client: main.demo,
        body: {
          contact_id: String(contact.id),
          name: '  Work (The Office) ',
          street: '1725 Slough Avenue',
          city: 'Scranton',
          province: 'PA',
          postal_code: '',
          country: 'us',
          latitude: '41.41',
          longitude: -75.66,
          labels: ['work'],
        },
      }),
      201,
    ).data;
    const keys = ['id', 'uuid', 'object', 'name', 'street', 'city', 'province', 'postal_code', 'latitude', 'longitude', 'country', 'url', 'account', 'contact', 'created_at', 'updated_at'];
    expectObject(created, keys, {
      object: 'address',
      name: 'Work (The Office)',
      street: '1725 Slough Avenue',
      postal_code: null,
      latitude: 41.41,
      longitude: -75.66,
      country: { id: 'US', object: 'country', name: 'United States', iso: 'US' },
      url: `${main.url}/addresses/${created.id}`,
      contact: { id: contact.id, object: 'contact', complete_name: contact.complete_name },
      created_at: '2024-06-15T10:00:00Z',
      updated_at: '2024-06-15T10:00:00Z',
    });
    expect(created.uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(ok(await getAddress({ client: main.demo, path: { id: created.id } })).data).toEqual(created);
  });

  it('takes alpha-3 codes as alpha-2, keeps an unknown code without showing a country, and allows no country', async () => {
    const contact = await newContact(main.demo);
    expect((await newAddress(main.demo, contact.id, { country: 'FRA' })).country).toMatchObject({ id: 'FR', name: 'France' });
    expect((await newAddress(main.demo, contact.id, { country: 'XX' })).country).toBeNull();
    expect((await newAddress(main.demo, contact.id, { country: null })).country).toBeNull();
  });

  it('update replaces the address: fields left out are cleared, the contact stays', async () => {
    const contact = await newContact(main.demo);
    const address = await newAddress(main.demo, contact.id, { street: '1 Main St', province: 'PA', latitude: 1.5 });
    main.clock.advance(60);
    const updated = ok(await updateAddress({ client: main.demo, path: { id: address.id }, body: { contact_id: contact.id, city: 'Stamford', country: 'CA' } })).data;
    expect(updated).toMatchObject({ id: address.id, name: null, street: null, province: null, latitude: null, city: 'Stamford', country: { id: 'CA' } });
    expect(updated.created_at).toBe(address.created_at);
    expect(updated.updated_at).not.toBe(address.updated_at);
  });

  it('cannot move to another contact, even one of the account: 404 and nothing changes', async () => {
    const contact = await newContact(main.demo);
    const another = await newContact(main.demo);
    const address = await newAddress(main.demo, contact.id);
    expectNotFound(await updateAddress({ client: main.demo, path: { id: address.id }, body: { contact_id: another.id, city: 'Elsewhere' } }));
    expect(ok(await getAddress({ client: main.demo, path: { id: address.id } })).data).toEqual(address);
  });

  it("lists a contact's addresses oldest first, paginated, whatever the sort", async () => {
    const contact = await newContact(main.demo);
    const made: Address[] = [];
    for (let i = 0; i < 3; i += 1) {
      main.clock.advance(10);
      made.push(await newAddress(main.demo, contact.id));
    }
    await newAddress(main.demo, (await newContact(main.demo)).id); // someone else's
    const page1 = ok(await listContactAddresses({ client: main.demo, path: { id: contact.id }, query: { limit: 2, sort: '-created_at' } }));
    expect(page1.data.map((a) => a.id)).toEqual([made[0]!.id, made[1]!.id]);
    expect(page1.meta).toMatchObject({ total: 3, last_page: 2, per_page: 2, path: `${main.url}/contacts/${contact.id}/addresses` });
    const page2 = ok(await listContactAddresses({ client: main.demo, path: { id: contact.id }, query: { limit: 2, page: 2 } }));
    expect(page2.data.map((a) => a.id)).toEqual([made[2]!.id]);
    expectNotFound(await listContactAddresses({ client: main.demo, path: { id: 999999 } }));
  });

  it('delete answers {deleted, id}; then 404', async () => {
    const contact = await newContact(main.demo);
    const address = await newAddress(main.demo, contact.id);
    expect(ok(await deleteAddress({ client: main.demo, path: { id: address.id } }))).toEqual({ deleted: true, id: address.id });
    expectNotFound(await getAddress({ client: main.demo, path: { id: address.id } }));
    expectNotFound(await deleteAddress({ client: main.demo, path: { id: address.id } }));
  });

  it('go with their contact when it is deleted', async () => {
    const contact = await newContact(main.demo);
    const address = await newAddress(main.demo, contact.id);
    ok(await deleteContact({ client: main.demo, path: { id: contact.id } }));
    expectNotFound(await getAddress({ client: main.demo, path: { id: address.id } }));
  });

  it('validate the body: 422 with one message per problem; an unknown contact is 404', async () => {
    const contact = await newContact(main.demo);
    expectValidationError(await createAddress({ client: main.demo, body: unchecked({ city: 'No contact' }) }), ['The contact id field is required.']);
    expectValidationError(
      await createAddress({ client: main.demo, body: { contact_id: contact.id, name: 'x'.repeat(256) } }),
      ['The name may not be greater than 255 characters.'],
    );
    expectValidationError(
      await createAddress({ client: main.demo, body: { contact_id: contact.id, country: 'LONG' } }),
      ['The country may not be greater than 3 characters.'],
    );
    expectValidationError(await createAddress({ client: main.demo, body: { contact_id: contact.id, latitude: 'north' } }), ['The latitude format is invalid.']);
    expectNotFound(await createAddress({ client: main.demo, body: { contact_id: 999999, city: 'Nowhere' } }));
    expect(ok(await listContactAddresses({ client: main.demo, path: { id: contact.id } })).meta.total).toBe(0);
  });

  it('are invisible to another account: 404 on its ids and on body references, and nothing changes', async () => {
    const contact = await newContact(main.demo);
    const address = await newAddress(main.demo, contact.id);
    expectNotFound(await getAddress({ client: main.other, path: { id: address.id } }));
    expectNotFound(await updateAddress({ client: main.other, path: { id: address.id }, body: { contact_id: contact.id, city: 'Hacked' } }));
    expectNotFound(await deleteAddress({ client: main.other, path: { id: address.id } }));
    expectNotFound(await listContactAddresses({ client: main.other, path: { id: contact.id } }));
    expectNotFound(await createAddress({ client: main.other, body: { contact_id: contact.id, city: 'Intruder' } }));
    // The other account's own address cannot be pointed at the first account's contact either.
    const theirs = await newAddress(main.other, (await newContact(main.other)).id);
    expectNotFound(await updateAddress({ client: main.other, path: { id: theirs.id }, body: { contact_id: contact.id } }));
    expect(ok(await getAddress({ client: main.demo, path: { id: address.id } })).data).toEqual(address);
    expect(ok(await listContactAddresses({ client: main.demo, path: { id: contact.id } })).data.map((a) => a.id)).toEqual([address.id]);
  });
});

describe("the account's addresses", () => {
  it('lists every contact\'s addresses, oldest first, paged and sorted; another account sees none of them', { timeout: 30_000 }, async () => {
    const server = await startTestServer();
    const a = await newContact(server.demo);
    const b = await newContact(server.demo);
    const made: Address[] = [];
    for (const contact of [a, b, a]) {
      server.clock.advance(60);
      made.push(await newAddress(server.demo, contact.id));
    }
    const all = ok(await listAddresses({ client: server.demo }));
    expect(all.data).toEqual([...made]);
    expect(all.meta).toMatchObject({ total: 3, per_page: 15, path: `${server.url}/addresses` });
    expect(ok(await listAddresses({ client: server.demo, query: { page: 2, limit: 2 } })).data).toEqual([made[2]]);
    expect(ids(ok(await listAddresses({ client: server.demo, query: { sort: '-created_at' } })).data)).toEqual(ids(made).reverse());
    server.clock.advance(60);
    ok(await updateAddress({ client: server.demo, path: { id: made[0]!.id }, body: { contact_id: a.id, city: 'Elsewhere' } }));
    expect(ok(await listAddresses({ client: server.demo, query: { sort: '-updated_at', limit: 1 } })).data[0]).toMatchObject({ id: made[0]!.id, city: 'Elsewhere' });
    expectError(await listAddresses({ client: server.demo, query: unchecked({ sort: '-favorited_at' }) }), 400, 39);
    expect(ok(await listAddresses({ client: server.other })).meta.total).toBe(0);
    ok(await deleteContact({ client: server.demo, path: { id: a.id } }));
    expect(ids(ok(await listAddresses({ client: server.demo })).data)).toEqual([made[1]!.id]);
  });
});

describe('at the store level', () => {
  it('addressesForContacts gives every contact of a page its addresses, oldest first, and ignores other accounts', () => {
    const { db, a, b } = world();
    const ann = storeCreateContact(db, a, person('Ann'), NOW);
    const bo = storeCreateContact(db, a, person('Bo'), NOW);
    const stranger = storeCreateContact(db, b, person('Stranger'), NOW);
    const first = storeCreateAddress(db, a, addressInput(ann.id, 'Berlin'), '2024-06-15T10:00:00Z');
    const second = storeCreateAddress(db, a, addressInput(ann.id, 'Hamburg'), '2024-06-15T11:00:00Z');
    storeCreateAddress(db, b, addressInput(stranger.id, 'Munich'), NOW);
    const ctx = { baseUrl: 'http://localhost:8080/api' };
    const map = addressesForContacts(db, a, [ann, bo, stranger], ctx);
    expect([...map.keys()].sort()).toEqual([ann.id, bo.id].sort());
    expect(map.get(ann.id)!.map((x) => [x.id, x.city])).toEqual([
      [first.id, 'Berlin'],
      [second.id, 'Hamburg'],
    ]);
    expect(map.get(ann.id)![0]).toMatchObject({ object: 'address', country: { id: 'DE', name: 'Germany' }, contact: { id: ann.id }, url: `http://localhost:8080/api/addresses/${first.id}` });
    expect(map.get(bo.id)).toEqual([]);
    expect(addressesForContacts(db, b, [ann], ctx).size).toBe(0);
  });

  it('stores address labels: a non-empty list replaces them, an empty list or null keeps them', () => {
    const { db, a } = world();
    const ann = storeCreateContact(db, a, person('Ann'), NOW);
    const address = storeCreateAddress(db, a, addressInput(ann.id, 'Berlin', ['Home', 'Summer house']), NOW);
    const names = () => labelsForAddresses(db, a, [address.id]).get(address.id)!.map((l) => l.label_i18n ?? l.label);
    expect(names()).toEqual(['home', 'Summer house']);
    storeUpdateAddress(db, a, address.id, addressInput(ann.id, 'Berlin', []), NOW);
    expect(names()).toEqual(['home', 'Summer house']);
    storeUpdateAddress(db, a, address.id, addressInput(ann.id, 'Berlin', ['WORK']), NOW);
    expect(names()).toEqual(['work']);
  });

  it('refuses a new address for an archived contact with 422, writing nothing', () => {
    const { db, a, userA } = world();
    const ann = storeCreateContact(db, a, person('Ann'), NOW);
    db.prepare('UPDATE contacts SET is_active = 0 WHERE id = ?').run(ann.id);
    const context: Context = {
      db,
      caller: { accountId: a, userId: userA, userName: 'Jane Doe' },
      now: () => new Date(NOW),
      baseUrl: 'http://localhost:8080/api',
      filesDir: '/tmp',
    };
    let thrown: unknown;
    try {
      createAddressHandler({ context, path: undefined as never, query: undefined as never, body: { contact_id: ann.id, city: 'Berlin' } });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ApiError);
    expect(thrown).toMatchObject({ status: 422, code: 32 });
    expect((thrown as ApiError).messages).toEqual(['The contact is archived: it cannot take a new address.']);
    expect(addressesForContacts(db, a, [storeGetContact(db, a, ann.id)!], { baseUrl: 'x' }).get(ann.id)).toEqual([]);
  });
});
