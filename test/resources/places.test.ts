// Places through the generated SDK: create/read/replace/delete, the places behind the contacts' addresses (changed
// and deleted with them, both ways), lists, validation, account isolation, the demo's places, and the migration
// that moved the addresses' locations into places.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  createAddress,
  createPlace as sdkCreatePlace,
  deleteAddress,
  deleteContact,
  deletePlace,
  getAddress,
  getPlace,
  listAddresses,
  listPlaces,
  updateAddress,
  updatePlace,
} from '../../generated/client/sdk.gen.js';
import type { Place } from '../../generated/client/types.gen.js';
import { getAddress as storeGetAddress } from '../../server/store/addresses.js';
import { migrate, unicodeFold, unicodeLower } from '../../server/store/db.js';
import { migrations } from '../../server/store/migrations.js';
import { getPlace as storeGetPlace } from '../../server/store/places.js';
import { expectError, expectNotFound, expectObject, expectValidationError, ok } from '../helpers/expect.js';
import { allPlaces, collectPages, newContact, newPlace, unchecked } from '../helpers/factories.js';
import { demoObjects, serversForFile, type TestServer } from '../helpers/server.js';

const [main, lists] = await serversForFile(2);

const PLACE_KEYS = ['account', 'city', 'country', 'created_at', 'id', 'latitude', 'longitude', 'object', 'postal_code', 'province', 'street', 'updated_at'];

/** The place behind an address: the one with the same location (the API does not name it). */
async function placeOf(server: TestServer, city: string): Promise<Place> {
  const found = (await allPlaces(server.demo)).filter((p) => p.city === city);
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('places', () => {
  it('create answers 201 with the place and its country; every field is optional; numbers may come as text', async () => {
    const place = ok(
      await createPlace({
        street: ' 1725 Slough Avenue ',
        city: 'Scranton',
        province: 'PA',
        postal_code: '18505',
        country: 'us',
        latitude: '41.4034',
        longitude: -75.6649,
      }),
      201,
    ).data;
    expectObject(place, PLACE_KEYS, {
      object: 'place',
      street: '1725 Slough Avenue',
      city: 'Scranton',
      latitude: 41.4034,
      longitude: -75.6649,
      country: { id: 'US', object: 'country', name: 'United States', iso: 'US' },
      created_at: main.clock.stamp(),
    });
    expect(ok(await getPlace({ client: main.demo, path: { id: place.id } })).data).toEqual(place);
    const empty = ok(await createPlace({}), 201).data;
    expect(empty).toMatchObject({ street: null, city: null, province: null, postal_code: null, country: null, latitude: null, longitude: null });
    // A code that names no country is kept but shows no country, as in Monica.
    expect(ok(await createPlace({ country: 'ZZ' }), 201).data.country).toBeNull();
  });

  it('update replaces the place: whatever is left out is cleared', async () => {
    const place = await newPlace(main.demo, { street: 'Old street', city: 'Oldtown', country: 'FR', latitude: 1, longitude: 2 });
    main.clock.advance(60);
    const updated = ok(await updatePlace({ client: main.demo, path: { id: place.id }, body: { city: 'Newtown' } })).data;
    expect(updated).toEqual({ ...place, street: null, city: 'Newtown', country: null, latitude: null, longitude: null, updated_at: main.clock.stamp() });
    expect(ok(await getPlace({ client: main.demo, path: { id: place.id } })).data).toEqual(updated);
  });

  it('refuses what the contract refuses with 422 and changes nothing', async () => {
    const place = await newPlace(main.demo);
    expectValidationError(await updatePlace({ client: main.demo, path: { id: place.id }, body: { country: 'FRAN' } }), ['The country may not be greater than 3 characters.']);
    // 4.x's `numeric` rule would say 'The latitude must be a number.'; the server answers its pattern's sentence.
    expectValidationError(await updatePlace({ client: main.demo, path: { id: place.id }, body: unchecked({ latitude: 'north' }) }), ['The latitude format is invalid.']);
    expectValidationError(await updatePlace({ client: main.demo, path: { id: place.id }, body: { city: 'x'.repeat(256) } }), ['The city may not be greater than 255 characters.']);
    expectValidationError(await updatePlace({ client: main.demo, path: { id: place.id }, body: { latitude: '1e999' } }), ['The latitude must be a number.']);
    expect(ok(await getPlace({ client: main.demo, path: { id: place.id } })).data).toEqual(place);
  });

  it('lists every place of the account, those behind addresses too, oldest first, with paging and sort', async () => {
    const contact = await newContact(lists.demo);
    lists.clock.advance(60);
    const first = await newPlace(lists.demo, { city: 'Alpha' });
    lists.clock.advance(60);
    ok(await createAddress({ client: lists.demo, body: { contact_id: contact.id, city: 'Beta' } }), 201);
    lists.clock.advance(60);
    const third = await newPlace(lists.demo, { city: 'Gamma' });
    const all = ok(await listPlaces({ client: lists.demo }));
    expect(all.data.map((p) => p.city)).toEqual(['Alpha', 'Beta', 'Gamma']);
    expect(all.meta).toMatchObject({ total: 3, path: `${lists.url}/places` });
    expect(ok(await listPlaces({ client: lists.demo, query: { page: 2, limit: 2 } })).data.map((p) => p.id)).toEqual([third.id]);
    expect(ok(await listPlaces({ client: lists.demo, query: { sort: '-created_at' } })).data.map((p) => p.city)).toEqual(['Gamma', 'Beta', 'Alpha']);
    lists.clock.advance(60);
    ok(await updatePlace({ client: lists.demo, path: { id: first.id }, body: { city: 'Alpha 2' } }));
    expect(ok(await listPlaces({ client: lists.demo, query: { sort: '-updated_at' } })).data[0]!.id).toBe(first.id);
    expectError(await listPlaces({ client: lists.demo, query: unchecked({ sort: 'city' }) }), 400, 39);
    expect(ok(await listPlaces({ client: lists.other })).meta.total).toBe(0);
  });

  it("an address's place is changed and deleted with it, and changing or deleting the place changes or deletes the address", async () => {
    const contact = await newContact(main.demo);
    const city = `Town ${contact.id}`;
    const address = ok(await createAddress({ client: main.demo, body: { contact_id: contact.id, name: 'Home', city, country: 'DE', latitude: 52.5 } }), 201).data;
    const place = await placeOf(main, city);
    expect(place).toMatchObject({ city, country: { id: 'DE' }, latitude: 52.5, created_at: address.created_at });

    main.clock.advance(60);
    const moved = ok(await updateAddress({ client: main.demo, path: { id: address.id }, body: { contact_id: contact.id, name: 'Home', city, street: 'Hauptstraße 1' } })).data;
    expect(ok(await getPlace({ client: main.demo, path: { id: place.id } })).data).toMatchObject({ street: 'Hauptstraße 1', country: null, latitude: null });

    ok(await updatePlace({ client: main.demo, path: { id: place.id }, body: { city, street: 'Nebenstraße 2', country: 'AT' } }));
    expect(ok(await getAddress({ client: main.demo, path: { id: address.id } })).data).toEqual({
      ...moved,
      street: 'Nebenstraße 2',
      country: { id: 'AT', object: 'country', name: 'Austria', iso: 'AT' },
    });

    expect(ok(await deletePlace({ client: main.demo, path: { id: place.id } }))).toEqual({ deleted: true, id: place.id });
    expectNotFound(await getAddress({ client: main.demo, path: { id: address.id } }));

    const second = ok(await createAddress({ client: main.demo, body: { contact_id: contact.id, city: `${city} bis` } }), 201).data;
    const secondPlace = await placeOf(main, `${city} bis`);
    ok(await deleteAddress({ client: main.demo, path: { id: second.id } }));
    expectNotFound(await getPlace({ client: main.demo, path: { id: secondPlace.id } }));

    const third = ok(await createAddress({ client: main.demo, body: { contact_id: contact.id, city: `${city} ter` } }), 201).data;
    const thirdPlace = await placeOf(main, `${city} ter`);
    ok(await deleteContact({ client: main.demo, path: { id: contact.id } }));
    expectNotFound(await getAddress({ client: main.demo, path: { id: third.id } }));
    expectNotFound(await getPlace({ client: main.demo, path: { id: thirdPlace.id } }));
  });

  it("another account's place is not found: nothing is read, changed or deleted", async () => {
    const place = await newPlace(main.demo, { city: 'Private' });
    expectNotFound(await getPlace({ client: main.other, path: { id: place.id } }));
    expectNotFound(await updatePlace({ client: main.other, path: { id: place.id }, body: { city: 'Taken' } }));
    expectNotFound(await deletePlace({ client: main.other, path: { id: place.id } }));
    expect(ok(await getPlace({ client: main.demo, path: { id: place.id } })).data).toEqual(place);
    expect(ok(await deletePlace({ client: main.demo, path: { id: place.id } }))).toEqual({ deleted: true, id: place.id });
    expectNotFound(await getPlace({ client: main.demo, path: { id: place.id } }));
    expectNotFound(await deletePlace({ client: main.demo, path: { id: place.id } }));
  });
});

/** POST /places for the demo account with any body. */
function createPlace(body: Record<string, unknown>) {
  return sdkCreatePlace({ client: main.demo, body: unchecked(body) });
}

describe('demo places', () => {
  it('the demo account has its addresses\' places and a few of its own; the other account none', async () => {
    const { server, objects: places } = await demoObjects(allPlaces);
    const addresses = await collectPages(async (page) => ok(await listAddresses({ client: server.demo, query: { page, limit: 100 } })));
    expect(addresses.length).toBeGreaterThan(10);
    expect(places.length).toBeGreaterThanOrEqual(addresses.length + 3);
    for (const address of addresses) expect(places.some((p) => p.street === address.street && p.city === address.city), address.city ?? '').toBe(true);
  }, 60_000);
});

describe('migration 10', () => {
  it("moves each address's location into a place with the same id, and the address keeps showing it", () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    db.function('unicode_lower', { deterministic: true }, (v: unknown) => (typeof v === 'string' ? unicodeLower(v) : v));
    db.function('unicode_fold', { deterministic: true }, (v: unknown) => (typeof v === 'string' ? unicodeFold(v) : v));
    for (const m of migrations.filter((m) => m.version < 10)) {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
    db.exec(`INSERT INTO accounts (id, name, created_at) VALUES (1, 'A', '2024-01-01T00:00:00Z');
      INSERT INTO contacts (id, account_id, first_name) VALUES (5, 1, 'Ann');
      INSERT INTO addresses (id, account_id, uuid, contact_id, name, street, city, province, postal_code, country, latitude, longitude, created_at, updated_at)
        VALUES (3, 1, 'u', 5, 'Home', '1 Main St', 'Springfield', 'IL', '62701', 'US', 39.8, -89.6, '2024-01-02T00:00:00Z', '2024-01-03T00:00:00Z');`);
    migrate(db);
    expect(storeGetPlace(db, 1, 3)).toMatchObject({ street: '1 Main St', city: 'Springfield', country: 'US', latitude: 39.8, created_at: '2024-01-02T00:00:00Z', updated_at: '2024-01-03T00:00:00Z' });
    expect(storeGetAddress(db, 1, 3)).toMatchObject({ place_id: 3, name: 'Home', street: '1 Main St', city: 'Springfield', province: 'IL', postal_code: '62701', longitude: -89.6 });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});

