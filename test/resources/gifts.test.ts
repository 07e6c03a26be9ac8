// Gifts through the generated SDK: recipients and prices, whole-gift updates, validation, a contact's list, photos on
// gifts, and archived contacts.
import { describe, expect, it } from 'vitest';
import {
  createDocument,
  createGift,
  createPhoto,
  deleteGift,
  deletePhoto,
  getGift,
  getPhoto,
  listContactGifts,
  listGifts,
  setGiftPhoto,
  updateGift,
} from '../../generated/client/sdk.gen.js';
import type { GiftWrite } from '../../generated/client/types.gen.js';
import { expectNotFound, expectValidationError, ok } from '../helpers/expect.js';
import { collectPages, file, GIF, ids, newContact, newDebt, newGift, newPartialContact, newPhoto, PDF, PNG, unchecked } from '../helpers/factories.js';
import { archiveContact, storedFiles, filesServerForFile } from '../helpers/filesServer.js';

const server = await filesServerForFile();
const demo = server.demo;

describe('gifts', () => {
  it('create answers 201 with recipient, price forms, the date alone and no photos; no price gives null and empty strings', async () => {
    const contact = await newContact(demo);
    const child = await newPartialContact(demo);
    const gift = ok(
      await createGift({
        client: demo,
        body: { contact_id: contact.id, recipient_id: String(child.id), name: ' Lego set ', comment: 'Star Wars', url: 'https://example.com/lego', amount: 49.9, status: 'offered', date: '2024-12-24' },
      }),
      201,
    ).data;
    expect(gift).toMatchObject({
      object: 'gift',
      name: 'Lego set',
      comment: 'Star Wars',
      url: 'https://example.com/lego',
      amount: '49.90',
      value: '49.90',
      amount_with_currency: '$49.90',
      status: 'offered',
      date: '2024-12-24',
      photos: [],
    });
    expect(gift.contact.id).toBe(contact.id);
    expect(gift.recipient?.id).toBe(child.id);
    expect(gift.recipient?.is_partial).toBe(true);

    const idea = await newGift(demo, contact.id);
    expect([idea.amount, idea.value, idea.amount_with_currency, idea.recipient, idea.date]).toEqual([null, '', '', null, null]);
  });

  it('update replaces the whole gift: left-out fields are cleared, photos stay attached', async () => {
    const contact = await newContact(demo);
    const child = await newPartialContact(demo);
    const gift = await newGift(demo, contact.id, { recipient_id: child.id, comment: 'c', url: 'u', amount: 5, date: '2024-01-01' });
    const photo = await newPhoto(demo, contact.id);
    ok(await setGiftPhoto({ client: demo, path: { id: gift.id, photoId: photo.id } }));
    const updated = ok(await updateGift({ client: demo, path: { id: gift.id }, body: { contact_id: contact.id, name: 'Renamed', status: 'received' } })).data;
    expect(updated).toMatchObject({ name: 'Renamed', status: 'received', comment: null, url: null, amount: null, date: null, recipient: null });
    expect(ids(updated.photos)).toEqual([photo.id]);
  });

  it('refuses a date that does not exist, a blank name and an unknown status with 422', async () => {
    const contact = await newContact(demo);
    const base: GiftWrite = { contact_id: contact.id, name: 'Scarf', status: 'idea' };
    expectValidationError(await createGift({ client: demo, body: { ...base, date: '2015-02-30' } }), ['The date is not a valid date.']);
    expectValidationError(await createGift({ client: demo, body: { ...base, name: '   ' } }), ['The name field is required.']);
    expectValidationError(await createGift({ client: demo, body: { ...base, status: unchecked('given') } }), ['The selected status is invalid.']);
    expect(ok(await listContactGifts({ client: demo, path: { id: contact.id } })).meta.total).toBe(0);
  });

  it('listContactGifts lists only that contact’s gifts; an unknown contact is 404', async () => {
    const contact = await newContact(demo);
    const another = await newContact(demo);
    const mine = [await newGift(demo, contact.id), await newGift(demo, contact.id)];
    await newGift(demo, another.id);
    const listed = ok(await listContactGifts({ client: demo, path: { id: contact.id } }));
    expect(ids(listed.data)).toEqual(ids(mine));
    expect(listed.meta.path).toMatch(new RegExp(`/contacts/${contact.id}/gifts$`));
    expectNotFound(await listContactGifts({ client: demo, path: { id: 999999 } }));
    const everything = await collectPages(async (page) => ok(await listGifts({ client: demo, query: { page, limit: 100 } })));
    expect(ids(everything)).toEqual(expect.arrayContaining(ids(mine)));
  });

  it('setGiftPhoto attaches once however often it is called; deleting the gift keeps the photo; deleting the photo detaches it', async () => {
    const contact = await newContact(demo);
    const gift = await newGift(demo, contact.id);
    const photo = await newPhoto(demo, contact.id);
    const second = await newPhoto(demo, contact.id, file(GIF, 'dot.gif', 'image/gif'));
    ok(await setGiftPhoto({ client: demo, path: { id: gift.id, photoId: photo.id } }));
    const twice = ok(await setGiftPhoto({ client: demo, path: { id: gift.id, photoId: photo.id } })).data;
    expect(ids(twice.photos)).toEqual([photo.id]);
    const both = ok(await setGiftPhoto({ client: demo, path: { id: gift.id, photoId: second.id } })).data;
    expect(ids(both.photos)).toEqual([photo.id, second.id]);
    expect(both.photos[0]).toEqual(ok(await getPhoto({ client: demo, path: { id: photo.id } })).data);

    ok(await deletePhoto({ client: demo, path: { id: second.id } }));
    expect(ids(ok(await getGift({ client: demo, path: { id: gift.id } })).data.photos)).toEqual([photo.id]);

    expectNotFound(await setGiftPhoto({ client: demo, path: { id: gift.id, photoId: 999999 } }));
    expectNotFound(await setGiftPhoto({ client: demo, path: { id: 999999, photoId: photo.id } }));
    ok(await deleteGift({ client: demo, path: { id: gift.id } }));
    expectNotFound(await getGift({ client: demo, path: { id: gift.id } }));
    expect(ok(await getPhoto({ client: demo, path: { id: photo.id } })).data.id).toBe(photo.id);
  });

  it('an archived contact gets no new gifts, photos, documents or photos on its gifts (422); debts are still allowed', async () => {
    const contact = await newContact(demo);
    const gift = await newGift(demo, contact.id);
    const photo = await newPhoto(demo, contact.id);
    archiveContact(server.db, contact.id);
    const filesBefore = storedFiles(server.filesDir);
    expectValidationError(
      await createGift({ client: demo, body: { contact_id: contact.id, name: 'x', status: 'idea' } }),
      ['The contact is archived: unarchive it before adding gifts.'],
    );
    expectValidationError(
      await updateGift({ client: demo, path: { id: gift.id }, body: { contact_id: contact.id, name: 'x', status: 'idea' } }),
      ['The contact is archived: unarchive it before adding gifts.'],
    );
    expectValidationError(
      await setGiftPhoto({ client: demo, path: { id: gift.id, photoId: photo.id } }),
      ['The contact is archived: unarchive it before adding photos to its gifts.'],
    );
    expectValidationError(
      await createPhoto({ client: demo, body: { contact_id: contact.id, photo: file(PNG, 'a.png', 'image/png') } }),
      ['The contact is archived: unarchive it before adding photos.'],
    );
    expectValidationError(
      await createDocument({ client: demo, body: { contact_id: contact.id, document: file(PDF, 'a.pdf', 'application/pdf') } }),
      ['The contact is archived: unarchive it before adding documents.'],
    );
    expect(storedFiles(server.filesDir)).toEqual(filesBefore);
    expect(ok(await getGift({ client: demo, path: { id: gift.id } })).data.photos).toEqual([]);
    await newDebt(demo, contact.id);
  });
});

describe("the day of a gift, in any form Monica's clients send", () => {
  it('is taken on create and update, and kept as written: the gift shows the date alone', async () => {
    const contact = await newContact(demo);
    for (const date of ['2015-02-24T10:00:00Z', '2015-02-24 10:00:00', '2015-02-24T23:00:00-05:00', '2015-02-24T00:00:00.000000Z']) {
      const gift = await newGift(demo, contact.id, { date });
      expect(gift.date, date).toBe('2015-02-24');
    }
  });

  it('comes back as it was read: GET a gift, PUT its own values, 200 and the same gift', async () => {
    const contact = await newContact(demo);
    const recipient = await newContact(demo);
    const gift = await newGift(demo, contact.id, { recipient_id: recipient.id, comment: 'Wrapped', url: 'https://example.com/scarf', amount: 42.5, status: 'offered', date: '2020-12-24T18:00:00+01:00' });
    const read = ok(await getGift({ client: demo, path: { id: gift.id } })).data;
    const body: GiftWrite = {
      contact_id: read.contact.id,
      recipient_id: read.recipient?.id ?? null,
      name: read.name,
      comment: read.comment,
      url: read.url,
      amount: read.amount,
      status: read.status,
      date: read.date,
    };
    const written = ok(await updateGift({ client: demo, path: { id: gift.id }, body })).data;
    expect(written).toEqual({ ...read, updated_at: written.updated_at });
    expect(written.date).toBe('2020-12-24');
  });

  it('a day that does not exist is refused with 422, whatever the time after it', async () => {
    const contact = await newContact(demo);
    for (const date of ['2015-02-30T10:00:00Z', '2015-02-29 10:00']) {
      expectValidationError(await createGift({ client: demo, body: { contact_id: contact.id, name: 'Scarf', status: 'idea', date } }), ['The date is not a valid date.'], date);
    }
    expect(ok(await listContactGifts({ client: demo, path: { id: contact.id } })).meta.total).toBe(0);
  });
});
