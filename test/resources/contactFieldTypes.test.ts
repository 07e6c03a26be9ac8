// Contact field types through the generated SDK: the built-in types of a new account, create, update only what is
// sent, delete (with every field of the type) and account isolation.
import { describe, expect, it } from 'vitest';
import {
  createContactField,
  createContactFieldType,
  deleteContactFieldType,
  getContactField,
  getContactFieldType,
  listContactContactFields,
  listContactFieldTypes,
  updateContactFieldType,
} from '../../generated/client/sdk.gen.js';
import { expectNotFound, expectValidationError, ok, TIMESTAMP } from '../helpers/expect.js';
import { newContact, newField, newType, typeNamed, unchecked, uniqueWord } from '../helpers/factories.js';
import { serversForFile } from '../helpers/server.js';

const [main] = await serversForFile();

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
    expectValidationError(await createContactFieldType({ client: main.demo, body: { name: '   ' } }), ['The name field is required.']);
    expectValidationError(
      await createContactFieldType({ client: main.demo, body: unchecked({ name: 'X', delible: 2 }) }),
      ['The selected delible is invalid.'],
    );
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
