// Contact fields through the generated SDK: values with their type, labels and contact, replace, a contact's list,
// delete, validation, account isolation and the e-mail uniqueness rule shared with POST /contacts; at the store
// level, the transaction that writes a field with its labels.
import { describe, expect, it } from 'vitest';
import {
  createContact,
  createContactField,
  deleteContact,
  deleteContactField,
  getContact,
  getContactField,
  getContactFieldType,
  listContactContactFields,
  updateContactField,
} from '../../generated/client/sdk.gen.js';
import type { Contact } from '../../generated/client/types.gen.js';
import { createContactField as storeCreateContactField } from '../../server/store/contactFields.js';
import { listContactFieldTypes as storeListTypes } from '../../server/store/contactFieldTypes.js';
import { createContact as storeCreateContact } from '../../server/store/contacts.js';
import { expectError, expectNotFound, expectObject, expectValidationError, ok } from '../helpers/expect.js';
import { newContact, newField, newType, typeNamed, unchecked, uniqueWord } from '../helpers/factories.js';
import { serversForFile } from '../helpers/server.js';
import { NOW, person, world } from '../helpers/storeWorld.js';

const [main] = await serversForFile();


const uniqueEmail = () => `${uniqueWord('mail')}@example.com`;

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
    expectObject(field, ['id', 'uuid', 'object', 'content', 'contact_field_type', 'labels', 'account', 'contact', 'created_at', 'updated_at'], {
      object: 'contactfield',
      content: '+1 555 0199',
      contact_field_type: phone,
      contact: { id: contact.id },
    });
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
    expectValidationError(
      await createContactField({ client: main.demo, body: unchecked({ contact_id: contact.id, contact_field_type_id: phone.id }) }),
      ['The data field is required.'],
    );
    expectValidationError(
      await createContactField({ client: main.demo, body: { contact_id: contact.id, contact_field_type_id: phone.id, data: '  ' } }),
      ['The data field is required.'],
    );
    expectValidationError(
      await createContactField({ client: main.demo, body: { contact_id: contact.id, contact_field_type_id: phone.id, data: 'x'.repeat(256) } }),
      ['The data may not be greater than 255 characters.'],
    );
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
    expectValidationError(
      await createContactField({ client: main.demo, body: { contact_id: someoneElse.id, contact_field_type_id: emailType.id, data: ` ${email.toUpperCase()} ` } }),
      ['This email address is already taken'],
    );
    expectValidationError(
      await createContactField({ client: main.demo, body: { contact_id: owner.id, contact_field_type_id: emailType.id, data: email } }),
      ['This email address is already taken'],
    );
    // The same text in a field of another type is not an e-mail address.
    await newField(main.demo, { contact_id: someoneElse.id, contact_field_type_id: (await typeNamed(main.demo, 'Twitter')).id, data: email });
    // An address added through the contact field API is then taken for POST /contacts (code 35)...
    const second = uniqueEmail();
    const field = await newField(main.demo, { contact_id: someoneElse.id, contact_field_type_id: emailType.id, data: second });
    const refused = await createContact({ client: main.demo, body: { first_name: 'Dup', is_birthdate_known: false, is_deceased: false, is_deceased_date_known: false, email: second } });
    expectError(refused, 422, 35);
    // ...and for moving another field onto it, while a field keeps its own value on update.
    const third = await newField(main.demo, { contact_id: owner.id, contact_field_type_id: emailType.id, data: uniqueEmail() });
    expectValidationError(
      await updateContactField({ client: main.demo, path: { id: third.id }, body: { contact_id: owner.id, contact_field_type_id: emailType.id, data: second } }),
      ['This email address is already taken'],
    );
    ok(await updateContactField({ client: main.demo, path: { id: field.id }, body: { contact_id: someoneElse.id, contact_field_type_id: emailType.id, data: second.toUpperCase() } }));
    // Another account has its own addresses.
    const theirs = await newContact(main.other);
    await newField(main.other, { contact_id: theirs.id, contact_field_type_id: (await typeNamed(main.other, 'Email')).id, data: email });
  });
});

describe('at the store level', () => {
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
});
