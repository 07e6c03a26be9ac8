// The places group through the generated SDK: currencies (public), countries, addresses, contact fields with their
// labels, and contact field types. Pagination, account isolation, cascades, validation, the e-mail uniqueness rule
// shared with POST /contacts, and (at the store level) the transaction guarantee and the embedding helper.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAddress,
  createContact,
  createContactField,
  createContactFieldType,
  deleteAddress,
  deleteContact,
  deleteContactField,
  deleteContactFieldType,
  getAddress,
  getContact,
  getContactField,
  getContactFieldType,
  getCurrency,
  listContactAddresses,
  listContactContactFields,
  listContactFieldTypes,
  listCountries,
  listCurrencies,
  updateAddress,
  updateContactField,
  updateContactFieldType,
} from '../generated/client/sdk.gen.js';
import type { Client } from '../generated/client/client/index.js';
import type { Address, AddressWrite, Contact, ContactField, ContactFieldType, ContactFieldWrite } from '../generated/client/types.gen.js';
import type { Context } from '../server/context.js';
import { addressesHandlers } from '../server/handlers/addresses.js';
import { ApiError } from '../server/http/errors.js';
import { addressesForContacts } from '../server/present/addresses.js';
import { seedAccountReferenceData } from '../server/seed/referenceData.js';
import { createAccount } from '../server/store/accounts.js';
import { createAddress as storeCreateAddress, updateAddress as storeUpdateAddress } from '../server/store/addresses.js';
import { labelsForAddresses } from '../server/store/labels.js';
import { createContactField as storeCreateContactField } from '../server/store/contactFields.js';
import { listContactFieldTypes as storeListTypes } from '../server/store/contactFieldTypes.js';
import { COUNTRIES } from '../server/store/countries.js';
import { createContact as storeCreateContact, getContact as storeGetContact } from '../server/store/contacts.js';
import { openDatabase, type Db } from '../server/store/db.js';
import { responseLog } from './helpers/client.js';
import { expectEnvelope, expectError, expectNotFound, expectUnauthenticated, expectValidationError, ok, TIMESTAMP, UNAUTHENTICATED_BODY } from './helpers/expect.js';
import { collectPages, newContact, uniqueWord, unchecked } from './helpers/factories.js';
import { closeTestServers, startTestServer, type TestServer } from './helpers/server.js';

let main: TestServer;

beforeAll(async () => {
  main = await startTestServer();
});

afterAll(async () => {
  await closeTestServers();
});

const sorted = (keys: string[]) => [...keys].sort();
const createAddressHandler = addressesHandlers.createAddress;

// ---------------------------------------------------------------------------------------------------------------
// Helpers

async function newAddress(client: Client, contactId: number, overrides: Partial<AddressWrite> = {}): Promise<Address> {
  return ok(await createAddress({ client, body: { contact_id: contactId, name: uniqueWord('Place'), city: 'Scranton', country: 'US', ...overrides } }), 201).data;
}

async function typesOf(client: Client): Promise<ContactFieldType[]> {
  return ok(await listContactFieldTypes({ client, query: { limit: 100 } })).data;
}

async function typeNamed(client: Client, name: string): Promise<ContactFieldType> {
  const found = (await typesOf(client)).find((t) => t.name === name);
  if (!found) throw new Error(`no contact field type ${name}`);
  return found;
}

async function newField(client: Client, body: ContactFieldWrite): Promise<ContactField> {
  return ok(await createContactField({ client, body }), 201).data;
}

async function newType(client: Client, name = uniqueWord('Type')): Promise<ContactFieldType> {
  return ok(await createContactFieldType({ client, body: { name } }), 201).data;
}

const uniqueEmail = () => `${uniqueWord('mail')}@example.com`;

// ---------------------------------------------------------------------------------------------------------------

describe('currencies', () => {
  it('are public: listed and read without a token, with real symbols and USD among them', async () => {
    const all = await collectPages(async (page) => ok(await listCurrencies({ client: main.anonymous, query: { page, limit: 100 } })));
    expect(all.length).toBeGreaterThanOrEqual(40);
    expect(all.map((c) => c.id)).toEqual([...all.map((c) => c.id)].sort((a, b) => a - b));
    expect(new Set(all.map((c) => c.iso)).size).toBe(all.length);
    expect(all.slice(0, 5).map((c) => c.iso)).toEqual(['CAD', 'USD', 'GBP', 'EUR', 'RUB']);
    const usd = all.find((c) => c.iso === 'USD')!;
    expect(usd).toEqual({ id: 2, object: 'currency', iso: 'USD', name: 'US Dollar', symbol: '$' });
    for (const iso of ['EUR', 'GBP', 'JPY', 'INR', 'CHF', 'CNY', 'BRL', 'MXN', 'AUD', 'SEK']) {
      const currency = all.find((c) => c.iso === iso);
      expect(currency, iso).toBeDefined();
      expect(currency!.symbol.trim(), iso).not.toBe('');
    }
    expect(ok(await getCurrency({ client: main.anonymous, path: { id: usd.id } })).data).toEqual(usd);
  });

  it('paginate 15 a page by default, in a fixed order that sort does not change', async () => {
    const first = ok(await listCurrencies({ client: main.anonymous }));
    expect(first.data).toHaveLength(15);
    expect(first.meta).toMatchObject({ current_page: 1, per_page: 15, from: 1, to: 15 });
    expect(first.meta.path).toBe(`${main.url}/currencies`);
    const second = ok(await listCurrencies({ client: main.anonymous, query: { page: 2, limit: 15 } }));
    expect(second.data[0]!.id).toBe(first.data[14]!.id + 1);
    const sortedDesc = ok(await listCurrencies({ client: main.anonymous, query: { sort: '-created_at' } }));
    expect(sortedDesc.data).toEqual(first.data);
    const last = ok(await listCurrencies({ client: main.anonymous, query: { page: first.meta.last_page } }));
    expect(last.links.next).toBeNull();
    expect(last.meta.to).toBe(first.meta.total);
  });

  it('answers 404 for an unknown id, and the same with a token', async () => {
    expectNotFound(await getCurrency({ client: main.anonymous, path: { id: 999999 } }));
    expectNotFound(await getCurrency({ client: main.demo, path: { id: 999999 } }));
    expect(ok(await getCurrency({ client: main.demo, path: { id: 1 } })).data.iso).toBe('CAD');
  });
});

describe('countries', () => {
  it('need a token', async () => {
    expectUnauthenticated(await listCountries({ client: main.anonymous }));
  });

  it('are every ISO 3166 country at once, keyed by alpha-3, identified by alpha-2, ordered by name', async () => {
    const body = ok(await listCountries({ client: main.demo }));
    const entries = Object.entries(body.data);
    expect(entries.length).toBe(249);
    expect(body.data.USA).toEqual({ id: 'US', object: 'country', name: 'United States', iso: 'US' });
    expect(body.data.ALA).toEqual({ id: 'AX', object: 'country', name: 'Åland Islands', iso: 'AX' });
    expect(body.data.GBR!.id).toBe('GB');
    for (const [key, country] of entries) {
      expect(key).toMatch(/^[A-Z]{3}$/);
      expect(country.id).toMatch(/^[A-Z]{2}$/);
      expect(country.iso).toBe(country.id);
    }
    expect(new Set(entries.map(([, c]) => c.id)).size).toBe(249);
    const names = entries.map(([, c]) => c.name);
    const collator = new Intl.Collator('en', { sensitivity: 'base' });
    expect(names).toEqual([...names].sort(collator.compare));
    expect(entries.slice(0, 3).map(([k]) => k)).toEqual(['AFG', 'ALA', 'ALB']);
  });
});

// ---------------------------------------------------------------------------------------------------------------

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
    expect(sorted(Object.keys(created))).toEqual(
      sorted(['id', 'uuid', 'object', 'name', 'street', 'city', 'province', 'postal_code', 'latitude', 'longitude', 'country', 'url', 'account', 'contact', 'created_at', 'updated_at']),
    );
    expect(created).toMatchObject({
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
    expectValidationError(await createAddress({ client: main.demo, body: unchecked({ city: 'No contact' }) }));
    expectValidationError(await createAddress({ client: main.demo, body: { contact_id: contact.id, name: 'x'.repeat(256) } }));
    expectValidationError(await createAddress({ client: main.demo, body: { contact_id: contact.id, country: 'LONG' } }));
    expectValidationError(await createAddress({ client: main.demo, body: { contact_id: contact.id, latitude: 'north' } }));
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

// ---------------------------------------------------------------------------------------------------------------

describe('contact field types', () => {
  it('a new account has the built-in types, oldest first; Email and Phone are not deletable', async () => {
    const body = ok(await listContactFieldTypes({ client: main.demo }));
    expect(body.meta.path).toBe(`${main.url}/contactfieldtypes`);
    const builtIn = body.data.slice(0, 7);
    expect(builtIn.map((t) => t.name)).toEqual(['Email', 'Phone', 'Facebook', 'Twitter', 'Whatsapp', 'Telegram', 'LinkedIn']);
    expect(builtIn[0]).toMatchObject({ object: 'contactfieldtype', type: 'email', protocol: 'mailto:', delible: false });
    expect(builtIn[1]).toMatchObject({ type: 'phone', protocol: 'tel:', delible: false });
    expect(builtIn[2]).toMatchObject({ type: null, delible: true });
    const other = ok(await listContactFieldTypes({ client: main.other }));
    expect(other.data.map((t) => t.id)).not.toContain(builtIn[0]!.id);
  });

  it('create: deletable unless told otherwise; lenient delible; 422 for a blank name', async () => {
    const plain = await newType(main.demo);
    expect(plain).toMatchObject({ object: 'contactfieldtype', delible: true, fontawesome_icon: null, protocol: null, type: null });
    expect(plain.created_at).toMatch(TIMESTAMP);
    const fixed = ok(await createContactFieldType({ client: main.demo, body: { name: 'Signal', delible: '0', protocol: 'sgnl:', fontawesome_icon: 'fa fa-comment' } }), 201).data;
    expect(fixed).toMatchObject({ name: 'Signal', delible: false, protocol: 'sgnl:', fontawesome_icon: 'fa fa-comment' });
    expectValidationError(await createContactFieldType({ client: main.demo, body: { name: '   ' } }));
    expectValidationError(await createContactFieldType({ client: main.demo, body: unchecked({ name: 'X', delible: 2 }) }));
  });

  it('update changes the name and only the other fields sent', async () => {
    const type = ok(await createContactFieldType({ client: main.demo, body: { name: uniqueWord('T'), protocol: 'x:', fontawesome_icon: 'fa fa-x', delible: 1 } }), 201).data;
    const renamed = ok(await updateContactFieldType({ client: main.demo, path: { id: type.id }, body: { name: 'Renamed', delible: 0 } })).data;
    expect(renamed).toMatchObject({ name: 'Renamed', protocol: 'x:', fontawesome_icon: 'fa fa-x', delible: false });
    const cleared = ok(await updateContactFieldType({ client: main.demo, path: { id: type.id }, body: { name: 'Renamed', protocol: null } })).data;
    expect(cleared).toMatchObject({ protocol: null, fontawesome_icon: 'fa fa-x', delible: false });
    expect(ok(await getContactFieldType({ client: main.demo, path: { id: type.id } })).data).toEqual(cleared);
  });

  it('delete removes the type and every contact field of that type', async () => {
    const type = await newType(main.demo);
    const contact = await newContact(main.demo);
    const field = await newField(main.demo, { contact_id: contact.id, contact_field_type_id: type.id, data: 'gone soon' });
    const phone = await newField(main.demo, { contact_id: contact.id, contact_field_type_id: (await typeNamed(main.demo, 'Phone')).id, data: '+1 555 0100' });
    expect(ok(await deleteContactFieldType({ client: main.demo, path: { id: type.id } }))).toEqual({ deleted: true, id: type.id });
    expectNotFound(await getContactFieldType({ client: main.demo, path: { id: type.id } }));
    expectNotFound(await getContactField({ client: main.demo, path: { id: field.id } }));
    expect(ok(await listContactContactFields({ client: main.demo, path: { id: contact.id } })).data.map((f) => f.id)).toEqual([phone.id]);
  });

  it('are invisible to another account, which cannot use them in a contact field either', async () => {
    const type = await newType(main.demo);
    expectNotFound(await getContactFieldType({ client: main.other, path: { id: type.id } }));
    expectNotFound(await updateContactFieldType({ client: main.other, path: { id: type.id }, body: { name: 'Hacked' } }));
    expectNotFound(await deleteContactFieldType({ client: main.other, path: { id: type.id } }));
    const theirContact = await newContact(main.other);
    expectNotFound(await createContactField({ client: main.other, body: { contact_id: theirContact.id, contact_field_type_id: type.id, data: 'x' } }));
    expect(ok(await listContactContactFields({ client: main.other, path: { id: theirContact.id } })).meta.total).toBe(0);
    expect(ok(await getContactFieldType({ client: main.demo, path: { id: type.id } })).data).toEqual(type);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('contact fields', () => {
  it('create answers 201; data comes back as content, with the type, the labels and the contact', async () => {
    const contact = await newContact(main.demo);
    const phone = await typeNamed(main.demo, 'Phone');
    const custom = uniqueWord('Desk');
    const field = ok(
      await createContactField({
        client: main.demo,
        body: { contact_id: String(contact.id), contact_field_type_id: String(phone.id), data: ' +1 555 0199 ', labels: ['WORK', 'cell', custom, 'work'] },
      }),
      201,
    ).data;
    expect(sorted(Object.keys(field))).toEqual(sorted(['id', 'uuid', 'object', 'content', 'contact_field_type', 'labels', 'account', 'contact', 'created_at', 'updated_at']));
    expect(field).toMatchObject({ object: 'contactfield', content: '+1 555 0199', contact_field_type: phone, contact: { id: contact.id } });
    expect(field.labels.map((l) => [l.type, l.label])).toEqual([
      ['work', 'Work'],
      ['cell', 'Mobile'],
      [custom, custom],
    ]);
    expect(field.labels[0]).toMatchObject({ object: 'contactfieldlabel', account: { id: field.account.id } });
    expect(ok(await getContactField({ client: main.demo, path: { id: field.id } })).data).toEqual(field);
    // Labels belong to the account: the same label on another field is the same label.
    const other = await newField(main.demo, { contact_id: contact.id, contact_field_type_id: phone.id, data: '+1 555 0198', labels: ['work'] });
    expect(other.labels.map((l) => l.id)).toEqual([field.labels[0]!.id]);
  });

  it('update replaces value, type and contact; labels change only when new ones are sent', async () => {
    const contact = await newContact(main.demo);
    const another = await newContact(main.demo);
    const phone = await typeNamed(main.demo, 'Phone');
    const twitter = await typeNamed(main.demo, 'Twitter');
    const field = await newField(main.demo, { contact_id: contact.id, contact_field_type_id: phone.id, data: '+1 555 0101', labels: ['home'] });
    const kept = ok(await updateContactField({ client: main.demo, path: { id: field.id }, body: { contact_id: contact.id, contact_field_type_id: phone.id, data: '+1 555 0102', labels: [] } })).data;
    expect(kept.labels.map((l) => l.type)).toEqual(['home']);
    const keptNull = ok(await updateContactField({ client: main.demo, path: { id: field.id }, body: { contact_id: contact.id, contact_field_type_id: phone.id, data: '+1 555 0102', labels: null } })).data;
    expect(keptNull.labels.map((l) => l.type)).toEqual(['home']);
    const moved = ok(await updateContactField({ client: main.demo, path: { id: field.id }, body: { contact_id: another.id, contact_field_type_id: twitter.id, data: '@moved', labels: ['other'] } })).data;
    expect(moved).toMatchObject({ id: field.id, content: '@moved', contact_field_type: { id: twitter.id }, contact: { id: another.id } });
    expect(moved.labels.map((l) => l.type)).toEqual(['other']);
    expect(ok(await listContactContactFields({ client: main.demo, path: { id: contact.id } })).meta.total).toBe(0);
    expect(ok(await listContactContactFields({ client: main.demo, path: { id: another.id } })).data.map((f) => f.id)).toEqual([field.id]);
  });

  it("lists a contact's fields oldest first, paginated; ?with=contactfields shows the same fields", async () => {
    const contact = await newContact(main.demo, { email: uniqueEmail() });
    const phone = await typeNamed(main.demo, 'Phone');
    for (let i = 0; i < 3; i += 1) {
      main.clock.advance(5);
      await newField(main.demo, { contact_id: contact.id, contact_field_type_id: phone.id, data: `+1 555 01${i}0`, labels: ['cell'] });
    }
    const all = ok(await listContactContactFields({ client: main.demo, path: { id: contact.id }, query: { limit: 100 } })).data;
    expect(all.map((f) => f.content)).toEqual([expect.stringContaining('@example.com'), '+1 555 0100', '+1 555 0110', '+1 555 0120']);
    const page = ok(await listContactContactFields({ client: main.demo, path: { id: contact.id }, query: { limit: 2, page: 2, sort: '-created_at' } }));
    expect(page.data.map((f) => f.id)).toEqual(all.slice(2).map((f) => f.id));
    expect(page.meta).toMatchObject({ total: 4, last_page: 2, path: `${main.url}/contacts/${contact.id}/contactfields` });
    const full = ok(await getContact({ client: main.demo, path: { id: contact.id }, query: { with: 'contactfields' } })).data as Contact;
    expect(full.contactFields).toEqual(all);
    expectNotFound(await listContactContactFields({ client: main.demo, path: { id: 999999 } }));
  });

  it('delete answers {deleted, id}; the type stays; fields go with their contact', async () => {
    const contact = await newContact(main.demo);
    const type = await newType(main.demo);
    const a = await newField(main.demo, { contact_id: contact.id, contact_field_type_id: type.id, data: 'a', labels: ['home'] });
    const b = await newField(main.demo, { contact_id: contact.id, contact_field_type_id: type.id, data: 'b' });
    expect(ok(await deleteContactField({ client: main.demo, path: { id: a.id } }))).toEqual({ deleted: true, id: a.id });
    expectNotFound(await getContactField({ client: main.demo, path: { id: a.id } }));
    expect(ok(await getContactFieldType({ client: main.demo, path: { id: type.id } })).data.id).toBe(type.id);
    ok(await deleteContact({ client: main.demo, path: { id: contact.id } }));
    expectNotFound(await getContactField({ client: main.demo, path: { id: b.id } }));
  });

  it('validate the body; an unknown contact or type is 404 and nothing is written', async () => {
    const contact = await newContact(main.demo);
    const phone = await typeNamed(main.demo, 'Phone');
    expectValidationError(await createContactField({ client: main.demo, body: unchecked({ contact_id: contact.id, contact_field_type_id: phone.id }) }));
    expectValidationError(await createContactField({ client: main.demo, body: { contact_id: contact.id, contact_field_type_id: phone.id, data: '  ' } }));
    expectValidationError(await createContactField({ client: main.demo, body: { contact_id: contact.id, contact_field_type_id: phone.id, data: 'x'.repeat(256) } }));
    expectNotFound(await createContactField({ client: main.demo, body: { contact_id: 999999, contact_field_type_id: phone.id, data: 'x' } }));
    expectNotFound(await createContactField({ client: main.demo, body: { contact_id: contact.id, contact_field_type_id: 999999, data: 'x' } }));
    expect(ok(await listContactContactFields({ client: main.demo, path: { id: contact.id } })).meta.total).toBe(0);
    const field = await newField(main.demo, { contact_id: contact.id, contact_field_type_id: phone.id, data: '+1 555 0142' });
    expectNotFound(await updateContactField({ client: main.demo, path: { id: 999999 }, body: { contact_id: contact.id, contact_field_type_id: phone.id, data: 'x' } }));
    expectNotFound(await updateContactField({ client: main.demo, path: { id: field.id }, body: { contact_id: contact.id, contact_field_type_id: 999999, data: 'x' } }));
    expect(ok(await getContactField({ client: main.demo, path: { id: field.id } })).data).toEqual(field);
  });

  it('are invisible to another account: 404 on its ids and on body references, and nothing changes', async () => {
    const contact = await newContact(main.demo);
    const phone = await typeNamed(main.demo, 'Phone');
    const field = await newField(main.demo, { contact_id: contact.id, contact_field_type_id: phone.id, data: '+1 555 0177', labels: ['home'] });
    const theirPhone = await typeNamed(main.other, 'Phone');
    const theirContact = await newContact(main.other);
    expectNotFound(await getContactField({ client: main.other, path: { id: field.id } }));
    expectNotFound(await updateContactField({ client: main.other, path: { id: field.id }, body: { contact_id: theirContact.id, contact_field_type_id: theirPhone.id, data: 'stolen' } }));
    expectNotFound(await deleteContactField({ client: main.other, path: { id: field.id } }));
    expectNotFound(await listContactContactFields({ client: main.other, path: { id: contact.id } }));
    expectNotFound(await createContactField({ client: main.other, body: { contact_id: contact.id, contact_field_type_id: theirPhone.id, data: 'intruder' } }));
    // Their own field cannot be moved onto the first account's contact.
    const theirs = await newField(main.other, { contact_id: theirContact.id, contact_field_type_id: theirPhone.id, data: '+1 555 0000' });
    expectNotFound(await updateContactField({ client: main.other, path: { id: theirs.id }, body: { contact_id: contact.id, contact_field_type_id: theirPhone.id, data: 'moved' } }));
    expect(ok(await getContactField({ client: main.other, path: { id: theirs.id } })).data).toEqual(theirs);
    expect(ok(await getContactField({ client: main.demo, path: { id: field.id } })).data).toEqual(field);
    expect(ok(await listContactContactFields({ client: main.demo, path: { id: contact.id } })).meta.total).toBe(1);
  });

  it('keep each e-mail address on one Email field of the account, as POST /contacts requires', async () => {
    const email = uniqueEmail();
    const owner = await newContact(main.demo, { email });
    const someoneElse = await newContact(main.demo);
    const emailType = await typeNamed(main.demo, 'Email');
    // The contact field API refuses an address a contact already has (any case, spaces around), with 422.
    const dup = expectValidationError(await createContactField({ client: main.demo, body: { contact_id: someoneElse.id, contact_field_type_id: emailType.id, data: ` ${email.toUpperCase()} ` } }));
    expect(dup).toEqual(['This email address is already taken']);
    expectValidationError(await createContactField({ client: main.demo, body: { contact_id: owner.id, contact_field_type_id: emailType.id, data: email } }));
    // The same text in a field of another type is not an e-mail address.
    await newField(main.demo, { contact_id: someoneElse.id, contact_field_type_id: (await typeNamed(main.demo, 'Twitter')).id, data: email });
    // An address added through the contact field API is then taken for POST /contacts (code 35)...
    const second = uniqueEmail();
    const field = await newField(main.demo, { contact_id: someoneElse.id, contact_field_type_id: emailType.id, data: second });
    const refused = await createContact({ client: main.demo, body: { first_name: 'Dup', is_birthdate_known: false, is_deceased: false, is_deceased_date_known: false, email: second } });
    expectError(refused, 422, 35);
    // ...and for moving another field onto it, while a field keeps its own value on update.
    const third = await newField(main.demo, { contact_id: owner.id, contact_field_type_id: emailType.id, data: uniqueEmail() });
    expectValidationError(await updateContactField({ client: main.demo, path: { id: third.id }, body: { contact_id: owner.id, contact_field_type_id: emailType.id, data: second } }));
    ok(await updateContactField({ client: main.demo, path: { id: field.id }, body: { contact_id: someoneElse.id, contact_field_type_id: emailType.id, data: second.toUpperCase() } }));
    // Another account has its own addresses.
    const theirs = await newContact(main.other);
    await newField(main.other, { contact_id: theirs.id, contact_field_type_id: (await typeNamed(main.other, 'Email')).id, data: email });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Store level: what the API cannot show.

interface World {
  db: Db;
  a: number;
  b: number;
  userA: number;
}

const NOW = '2024-06-15T10:20:30Z';

function world(): World {
  const db = openDatabase(':memory:');
  const acc1 = createAccount(db, { name: 'A', userFirstName: 'Jane', userLastName: 'Doe', email: 'jane@example.com' }, NOW);
  const acc2 = createAccount(db, { name: 'B', userFirstName: 'John', userLastName: 'Roe', email: 'john@example.com' }, NOW);
  seedAccountReferenceData(db, acc1.accountId, NOW);
  seedAccountReferenceData(db, acc2.accountId, NOW);
  return { db, a: acc1.accountId, b: acc2.accountId, userA: acc1.userId };
}

const person = (first: string) => ({ first_name: first, is_birthdate_known: false, is_deceased: false, is_deceased_date_known: false });

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

describe('places at the store level', () => {
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

  it('writes a contact field and its labels in one transaction', () => {
    const { db, a } = world();
    const ann = storeCreateContact(db, a, person('Ann'), NOW);
    const phone = storeListTypes(db, a).find((t) => t.name === 'Phone')!;
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    db.exec(`CREATE TEMP TRIGGER refuse_labels BEFORE INSERT ON contact_field_contact_field_label
             BEGIN SELECT RAISE(ABORT, 'labels refused'); END`);
    expect(() =>
      storeCreateContactField(db, a, { contact_id: ann.id, contact_field_type_id: phone.id, data: '+1 555 0100', labels: ['home', 'Desk'] }, NOW),
    ).toThrow(/labels refused/);
    expect(count('SELECT COUNT(*) AS n FROM contact_fields')).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM contact_field_labels')).toBe(0);
    db.exec('DROP TRIGGER refuse_labels');
    const field = storeCreateContactField(db, a, { contact_id: ann.id, contact_field_type_id: phone.id, data: '+1 555 0100', labels: ['home', 'Desk'] }, NOW);
    expect(field).toMatchObject({ data: '+1 555 0100' });
    expect(count('SELECT COUNT(*) AS n FROM contact_field_contact_field_label')).toBe(2);
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
    expect(Array.isArray((thrown as ApiError).messages)).toBe(true);
    expect(addressesForContacts(db, a, [storeGetContact(db, a, ann.id)!], { baseUrl: 'x' }).get(ann.id)).toEqual([]);
  });

  it('knows every ISO 3166 country once', () => {
    expect(COUNTRIES).toHaveLength(249);
    expect(new Set(COUNTRIES.map((c) => c.alpha2)).size).toBe(249);
    expect(new Set(COUNTRIES.map((c) => c.alpha3)).size).toBe(249);
  });
});

describe('every answer of this file', () => {
  it('is JSON; errors use the envelope, 401 uses Laravel\'s body', () => {
    expect(responseLog.length).toBeGreaterThan(50);
    for (const r of responseLog) {
      const where = `${r.method} ${r.url} -> ${r.status}`;
      expect(r.contentType ?? '', where).toMatch(/^application\/json\b/);
      const body: unknown = JSON.parse(r.body);
      if (r.status === 401) expect(body, where).toEqual(UNAUTHENTICATED_BODY);
      else if (r.status >= 400) expectEnvelope(body);
    }
  });
});
