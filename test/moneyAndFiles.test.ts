// Debts, gifts, photos and documents on the reference server, through the generated SDK: amounts and the user's
// currency, whole-gift updates, photos on gifts, uploads stored under the files directory (and removed with their
// record), size and type checks that write nothing, account isolation, cascades when a contact is deleted, and
// validation. Dredd's one example per status cannot show these.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDebt,
  createDocument,
  createGift,
  createPhoto,
  deleteContact,
  deleteDebt,
  deleteDocument,
  deleteGift,
  deletePhoto,
  getDebt,
  getDocument,
  getGift,
  getPhoto,
  listContactDocuments,
  listContactGifts,
  listContactPhotos,
  listDebts,
  listDocuments,
  listGifts,
  listPhotos,
  setGiftPhoto,
  updateDebt,
  updateGift,
} from '../generated/client/sdk.gen.js';
import type { Client } from '../generated/client/client/index.js';
import type { Debt, DebtWrite, GiftWrite } from '../generated/client/types.gen.js';
import { filesOfContact } from '../server/store/files.js';
import { rawRequest } from './helpers/client.js';
import { expectNotFound, expectValidationError, ok, TIMESTAMP } from './helpers/expect.js';
import { collectPages, file, GIF, ids, newContact, newDebt, newDocument, newGift, newPartialContact, newPhoto, PDF, PNG, unchecked } from './helpers/factories.js';
import { archiveContact, setUserCurrency, startFilesServer, storedFiles, type FilesTestServer } from './helpers/filesServer.js';

let server: FilesTestServer;
let demo: Client;
let other: Client;

beforeAll(async () => {
  server = await startFilesServer();
  demo = server.demo;
  other = server.other;
});

afterAll(async () => {
  await server.close();
});

const MB = 1024 * 1024;

describe('debts', () => {
  it('create answers 201 with amount as a decimal string, value grouped and the dollar sign by default', async () => {
    const contact = await newContact(demo);
    const created = ok(
      await createDebt({ client: demo, body: { contact_id: String(contact.id), in_debt: 'no', status: 'inprogress', amount: '1234.505', reason: '  Pizza  ' } }),
      201,
    ).data;
    expect(created).toMatchObject({
      object: 'debt',
      in_debt: 'no',
      status: 'inprogress',
      amount: '1234.51',
      value: '1,234.51',
      amount_with_currency: '$1,234.51',
      reason: 'Pizza',
      account: { id: server.accounts.demo.accountId },
    });
    expect(created.contact.id).toBe(contact.id);
    expect(created.created_at).toMatch(TIMESTAMP);
    expect(ok(await getDebt({ client: demo, path: { id: created.id } })).data).toEqual(created);

    const whole = await newDebt(demo, contact.id, { amount: 325 });
    expect([whole.amount, whole.value, whole.amount_with_currency]).toEqual(['325.00', '325.00', '$325.00']);
    const negative = await newDebt(demo, contact.id, { amount: -0.5 });
    expect([negative.amount, negative.value, negative.amount_with_currency]).toEqual(['-0.50', '-0.50', '-$0.50']);
  });

  it("amounts use the user's currency when recorded; an amount recorded without one follows the viewer's", async () => {
    const contact = await newContact(demo);
    const { userId } = server.accounts.demo;
    try {
      const inDollars = await newDebt(demo, contact.id, { amount: 20 });
      expect(inDollars.amount_with_currency).toBe('$20.00');

      const euro = setUserCurrency(server.db, userId, 'EUR');
      const inEuros = await newDebt(demo, contact.id, { amount: 1500 });
      expect(inEuros.amount_with_currency).toBe(`${euro}1,500.00`);
      expect(inEuros.amount).toBe('1500.00');
      // Recorded without a currency: shown in the viewer's currency now.
      expect(ok(await getDebt({ client: demo, path: { id: inDollars.id } })).data.amount_with_currency).toBe(`${euro}20.00`);

      const pound = setUserCurrency(server.db, userId, 'GBP');
      expect(pound).not.toBe(euro);
      // Recorded in euros: stays in euros.
      expect(ok(await getDebt({ client: demo, path: { id: inEuros.id } })).data.amount_with_currency).toBe(`${euro}1,500.00`);
      // An update records the amount again, in the user's currency of now.
      const updated = ok(
        await updateDebt({ client: demo, path: { id: inEuros.id }, body: { contact_id: contact.id, in_debt: 'yes', status: 'inprogress', amount: 7 } }),
      ).data;
      expect(updated.amount_with_currency).toBe(`${pound}7.00`);
    } finally {
      setUserCurrency(server.db, userId, null);
    }
  });

  it('update replaces the fields; a missing reason is kept and null clears it; settling sets completed', async () => {
    const contact = await newContact(demo);
    const second = await newContact(demo);
    const debt = await newDebt(demo, contact.id, { reason: 'Theatre tickets' });
    server.clock.advance(60);
    const body = { contact_id: second.id, in_debt: 'no', status: 'completed', amount: '80' } as const;
    const kept = ok(await updateDebt({ client: demo, path: { id: debt.id }, body })).data;
    expect(kept).toMatchObject({ status: 'completed', in_debt: 'no', amount: '80.00', reason: 'Theatre tickets' });
    expect(kept.contact.id).toBe(second.id);
    expect(kept.updated_at).not.toBe(debt.updated_at);
    expect(kept.created_at).toBe(debt.created_at);
    const cleared = ok(await updateDebt({ client: demo, path: { id: debt.id }, body: { ...body, reason: null } })).data;
    expect(cleared.reason).toBeNull();
  });

  it("refuses the docs' status `complete`, a non-number and an amount out of range with 422, creating nothing", async () => {
    const contact = await newContact(demo);
    const before = ok(await listDebts({ client: demo, query: { limit: 1 } })).meta.total;
    const base: DebtWrite = { contact_id: contact.id, in_debt: 'yes', status: 'inprogress', amount: 1 };
    const complete = expectValidationError(await createDebt({ client: demo, body: { ...base, status: unchecked('complete') } }));
    expect(complete.join(' ')).toMatch(/status/);
    expectValidationError(await createDebt({ client: demo, body: { ...base, amount: 'ten' } }));
    const tooBig = expectValidationError(await createDebt({ client: demo, body: { ...base, amount: '1e15' } }));
    expect(tooBig.join(' ')).toMatch(/amount must be between/);
    const missing = expectValidationError(await createDebt({ client: demo, body: unchecked({ contact_id: contact.id }) }));
    expect(missing.length).toBeGreaterThanOrEqual(3);
    expect(ok(await listDebts({ client: demo, query: { limit: 1 } })).meta.total).toBe(before);
  });

  it('lists 15 a page, oldest first, or by -created_at / updated_at', async () => {
    const contact = await newContact(demo);
    const made: Debt[] = [];
    for (let i = 0; i < 3; i += 1) {
      server.clock.advance(3600);
      made.push(await newDebt(demo, contact.id, { amount: i + 1 }));
    }
    const all = await collectPages(async (page) => ok(await listDebts({ client: demo, query: { page, limit: 100 } })));
    const mine = all.filter((d) => ids(made).includes(d.id));
    expect(ids(mine)).toEqual(ids(made));
    const first = ok(await listDebts({ client: demo }));
    expect(first.meta.per_page).toBe(15);
    const newest = ok(await listDebts({ client: demo, query: { sort: '-created_at', limit: 3 } })).data;
    expect(ids(newest)).toEqual(ids(made).reverse());

    server.clock.advance(3600);
    ok(await updateDebt({ client: demo, path: { id: made[0]!.id }, body: { contact_id: contact.id, in_debt: 'yes', status: 'completed', amount: 1 } }));
    const byUpdate = ok(await listDebts({ client: demo, query: { sort: '-updated_at', limit: 1 } })).data;
    expect(byUpdate[0]!.id).toBe(made[0]!.id);
    const windowed = ok(await listDebts({ client: demo, query: { sort: '-created_at', limit: 2, page: 2 } }));
    expect(windowed.data[0]!.id).toBe(made[0]!.id);
    expect(windowed.meta.current_page).toBe(2);
    expect(windowed.links.prev).toMatch(/\/debts\?page=1$/);
  });

  it('delete answers {deleted, id} and the debt is gone', async () => {
    const contact = await newContact(demo);
    const debt = await newDebt(demo, contact.id);
    expect(ok(await deleteDebt({ client: demo, path: { id: debt.id } }))).toEqual({ deleted: true, id: debt.id });
    expectNotFound(await getDebt({ client: demo, path: { id: debt.id } }));
    expectNotFound(await deleteDebt({ client: demo, path: { id: debt.id } }));
  });
});

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
    const date = expectValidationError(await createGift({ client: demo, body: { ...base, date: '2015-02-30' } }));
    expect(date.join(' ')).toMatch(/The date (does not match the format Y-m-d|is not a valid date)\./);
    expectValidationError(await createGift({ client: demo, body: { ...base, name: '   ' } }));
    expectValidationError(await createGift({ client: demo, body: { ...base, status: unchecked('given') } }));
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
    expect(expectValidationError(await createGift({ client: demo, body: { contact_id: contact.id, name: 'x', status: 'idea' } })).join(' ')).toMatch(/archived/);
    expectValidationError(await updateGift({ client: demo, path: { id: gift.id }, body: { contact_id: contact.id, name: 'x', status: 'idea' } }));
    expectValidationError(await setGiftPhoto({ client: demo, path: { id: gift.id, photoId: photo.id } }));
    expectValidationError(await createPhoto({ client: demo, body: { contact_id: contact.id, photo: file(PNG, 'a.png', 'image/png') } }));
    expectValidationError(await createDocument({ client: demo, body: { contact_id: contact.id, document: file(PDF, 'a.pdf', 'application/pdf') } }));
    expect(storedFiles(server.filesDir)).toEqual(filesBefore);
    expect(ok(await getGift({ client: demo, path: { id: gift.id } })).data.photos).toEqual([]);
    await newDebt(demo, contact.id);
  });
});

describe('photos', () => {
  it('an uploaded image is stored under a random name; the response carries the client name, the real type and the image', async () => {
    const contact = await newContact(demo);
    const before = storedFiles(server.filesDir);
    // The client lies about the type and sends a path as the name: neither is trusted.
    const photo = await newPhoto(demo, contact.id, file(PNG, '../../etc/avatar.png', 'image/jpeg'));
    expect(photo).toMatchObject({ object: 'photo', original_filename: 'avatar.png', filesize: PNG.length, mime_type: 'image/png' });
    expect(photo.new_filename).toMatch(/^photos\/[A-Za-z0-9]{40}\.png$/);
    expect(photo.dataUrl).toBe(`data:image/png;base64,${PNG.toString('base64')}`);
    expect(photo.link).toBe(`${server.url.replace(/\/api$/, '')}/storage/${photo.new_filename}`);
    expect(photo.contact?.id).toBe(contact.id);
    expect(storedFiles(server.filesDir)).toEqual([...before, photo.new_filename].sort());
    expect(readFileSync(join(server.filesDir, photo.new_filename)).equals(PNG)).toBe(true);
    expect(ok(await getPhoto({ client: demo, path: { id: photo.id } })).data).toEqual(photo);
  });

  it('takes the image as a data: URL or bare base64 in `data`, with a generated name', async () => {
    const contact = await newContact(demo);
    const fromUrl = ok(await createPhoto({ client: demo, body: { contact_id: contact.id, data: `data:image/gif;base64,${GIF.toString('base64')}` } }), 201).data;
    expect(fromUrl.mime_type).toBe('image/gif');
    expect(fromUrl.original_filename).toMatch(/^[A-Za-z0-9]{40}\.gif$/);
    const bare = ok(await createPhoto({ client: demo, body: { contact_id: contact.id, data: PNG.toString('base64'), extension: 'exe' } }), 201).data;
    expect(bare.new_filename).toMatch(/\.png$/);
    expect(readFileSync(join(server.filesDir, bare.new_filename)).equals(PNG)).toBe(true);
    const svg = '<?xml version="1.0"?>\n<!-- drawn by hand -->\n<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>';
    const drawn = ok(await createPhoto({ client: demo, body: { contact_id: contact.id, data: `data:image/svg+xml,${encodeURIComponent(svg)}` } }), 201).data;
    expect([drawn.mime_type, drawn.filesize]).toEqual(['image/svg+xml', Buffer.byteLength(svg)]);
    expect(drawn.new_filename).toMatch(/\.svg$/);
  });

  it('refuses an image sent as text that is larger than the limit with 422, writing nothing', async () => {
    const contact = await newContact(demo);
    const before = storedFiles(server.filesDir);
    const huge = Buffer.concat([PNG, Buffer.alloc(10 * MB)]).toString('base64');
    const messages = expectValidationError(await createPhoto({ client: demo, body: { contact_id: contact.id, data: huge } }));
    expect(messages.join(' ')).toMatch(/may not be (greater|longer) than/);
    expect(storedFiles(server.filesDir)).toEqual(before);
  });

  it('refuses what is not an image, or a form without one, with 422 and writes nothing', async () => {
    const contact = await newContact(demo);
    const before = storedFiles(server.filesDir);
    const total = ok(await listPhotos({ client: demo, query: { limit: 1 } })).meta.total;
    const text = expectValidationError(await createPhoto({ client: demo, body: { contact_id: contact.id, photo: file('plain text', 'a.png', 'image/png') } }));
    expect(text.join(' ')).toMatch(/must be an image/);
    expectValidationError(await createPhoto({ client: demo, body: { contact_id: contact.id, photo: file(PDF, 'a.pdf', 'application/pdf') } }));
    expectValidationError(await createPhoto({ client: demo, body: { contact_id: contact.id, data: 'not base64 at all!' } }));
    expectValidationError(await createPhoto({ client: demo, body: { contact_id: contact.id, data: Buffer.from('hello').toString('base64') } }));
    expectValidationError(await createPhoto({ client: demo, body: unchecked({ contact_id: contact.id }) }));
    expect(storedFiles(server.filesDir)).toEqual(before);
    expect(ok(await listPhotos({ client: demo, query: { limit: 1 } })).meta.total).toBe(total);
  });

  it('refuses a file over 10 MB with 422 code 32 and a clear message, and writes nothing', async () => {
    const contact = await newContact(demo);
    const before = storedFiles(server.filesDir);
    const big = Buffer.concat([PNG, Buffer.alloc(10 * MB)]);
    const messages = expectValidationError(await createPhoto({ client: demo, body: { contact_id: contact.id, photo: file(big, 'huge.png', 'image/png') } }));
    expect(messages).toEqual(['The file may not be greater than 10240 kilobytes (10 MB).']);
    const doc = expectValidationError(await createDocument({ client: demo, body: { contact_id: contact.id, document: file(big, 'huge.bin', 'application/octet-stream') } }));
    expect(doc).toEqual(messages);
    expect(storedFiles(server.filesDir)).toEqual(before);
    // Exactly 10 MB is allowed.
    const limit = ok(await createDocument({ client: demo, body: { contact_id: contact.id, document: file(Buffer.alloc(10 * MB), 'max.bin', 'application/octet-stream') } }), 201).data;
    expect(limit.filesize).toBe(10 * MB);
    ok(await deleteDocument({ client: demo, path: { id: limit.id } }));
  });

  it('refuses two files in one form with 422', async () => {
    const contact = await newContact(demo);
    const form = new FormData();
    form.append('contact_id', String(contact.id));
    form.append('photo', file(PNG, 'a.png', 'image/png'));
    form.append('photo', file(PNG, 'b.png', 'image/png'));
    const before = storedFiles(server.filesDir);
    const response = await fetch(`${server.url}/photos`, { method: 'POST', headers: { Authorization: `Bearer ${server.tokens.demo}` }, body: form });
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({ error: { message: ['Only one file may be uploaded at a time.'], error_code: 32 } });
    expect(storedFiles(server.filesDir)).toEqual(before);
  });

  it('delete removes the record and the stored file', async () => {
    const contact = await newContact(demo);
    const photo = await newPhoto(demo, contact.id);
    const path = join(server.filesDir, photo.new_filename);
    expect(existsSync(path)).toBe(true);
    expect(ok(await deletePhoto({ client: demo, path: { id: photo.id } }))).toEqual({ deleted: true, id: photo.id });
    expect(existsSync(path)).toBe(false);
    expectNotFound(await getPhoto({ client: demo, path: { id: photo.id } }));
  });

  it('a photo whose file has gone shows dataUrl null', async () => {
    const contact = await newContact(demo);
    const photo = await newPhoto(demo, contact.id);
    server.db.prepare("UPDATE photos SET new_filename = 'photos/' || substr(new_filename, 8, 39) || 'x.png' WHERE id = ?").run(photo.id);
    expect(ok(await getPhoto({ client: demo, path: { id: photo.id } })).data.dataUrl).toBeNull();
  });

  it('listContactPhotos lists only that contact’s photos, sorted as asked', async () => {
    const contact = await newContact(demo);
    const another = await newContact(demo);
    const first = await newPhoto(demo, contact.id);
    server.clock.advance(60);
    const second = await newPhoto(demo, contact.id);
    await newPhoto(demo, another.id);
    expect(ids(ok(await listContactPhotos({ client: demo, path: { id: contact.id } })).data)).toEqual([first.id, second.id]);
    expect(ids(ok(await listContactPhotos({ client: demo, path: { id: contact.id }, query: { sort: '-created_at' } })).data)).toEqual([second.id, first.id]);
    expectNotFound(await listContactPhotos({ client: demo, path: { id: 999999 } }));
  });
});

describe('documents', () => {
  it('an upload is stored under a random name with the extension as type; delete removes the file', async () => {
    const contact = await newContact(demo);
    const document = await newDocument(demo, contact.id, file(PDF, 'Quarterly report.PDF', 'application/x-whatever'));
    expect(document).toMatchObject({
      object: 'document',
      original_filename: 'Quarterly report.PDF',
      filesize: PDF.length,
      type: 'pdf',
      mime_type: 'application/pdf',
      number_of_downloads: 0,
      url: `${server.url}/documents/${document.id}`,
    });
    expect(document.new_filename).toMatch(/^documents\/[A-Za-z0-9]{40}\.pdf$/);
    expect(document.link).toBe(`${server.url.replace(/\/api$/, '')}/storage/${document.new_filename}`);
    const path = join(server.filesDir, document.new_filename);
    expect(readFileSync(path).equals(PDF)).toBe(true);
    expect(ok(await getDocument({ client: demo, path: { id: document.id } })).data).toEqual(document);

    const text = await newDocument(demo, contact.id, file('name,age\n', 'people', 'text/csv'));
    expect([text.type, text.mime_type]).toEqual(['csv', 'text/csv']);
    expect(text.new_filename).toMatch(/\.csv$/);

    expect(ok(await deleteDocument({ client: demo, path: { id: document.id } }))).toEqual({ deleted: true, id: document.id });
    expect(existsSync(path)).toBe(false);
    expectNotFound(await getDocument({ client: demo, path: { id: document.id } }));
  });

  it('a form without the file, or with text in its place, answers 422 and writes nothing', async () => {
    const contact = await newContact(demo);
    const before = storedFiles(server.filesDir);
    expectValidationError(await createDocument({ client: demo, body: unchecked({ contact_id: contact.id }) }));
    const form = new FormData();
    form.append('contact_id', String(contact.id));
    form.append('document', 'just text, not a file');
    const response = await fetch(`${server.url}/documents`, { method: 'POST', headers: { Authorization: `Bearer ${server.tokens.demo}` }, body: form });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: { message: string[] } }).error.message).toEqual(['The document must be a file.']);
    expect(storedFiles(server.filesDir)).toEqual(before);
  });

  it('lists the account’s documents and a contact’s documents', async () => {
    const contact = await newContact(demo);
    const mine = [await newDocument(demo, contact.id), await newDocument(demo, contact.id)];
    expect(ids(ok(await listContactDocuments({ client: demo, path: { id: contact.id } })).data)).toEqual(ids(mine));
    const all = await collectPages(async (page) => ok(await listDocuments({ client: demo, query: { page, limit: 100 } })));
    expect(ids(all)).toEqual(expect.arrayContaining(ids(mine)));
    expect(all.every((d) => d.contact !== null)).toBe(true);
  });
});

describe('account isolation', () => {
  it("the second account gets 404 on the first account's debts, gifts, photos and documents, which stay unchanged", async () => {
    const contact = await newContact(demo);
    const debt = await newDebt(demo, contact.id);
    const gift = await newGift(demo, contact.id);
    const photo = await newPhoto(demo, contact.id);
    const document = await newDocument(demo, contact.id);

    expectNotFound(await getDebt({ client: other, path: { id: debt.id } }));
    expectNotFound(await updateDebt({ client: other, path: { id: debt.id }, body: { contact_id: contact.id, in_debt: 'no', status: 'completed', amount: 1 } }));
    expectNotFound(await deleteDebt({ client: other, path: { id: debt.id } }));
    expectNotFound(await getGift({ client: other, path: { id: gift.id } }));
    expectNotFound(await updateGift({ client: other, path: { id: gift.id }, body: { contact_id: contact.id, name: 'x', status: 'idea' } }));
    expectNotFound(await deleteGift({ client: other, path: { id: gift.id } }));
    expectNotFound(await setGiftPhoto({ client: other, path: { id: gift.id, photoId: photo.id } }));
    expectNotFound(await getPhoto({ client: other, path: { id: photo.id } }));
    expectNotFound(await deletePhoto({ client: other, path: { id: photo.id } }));
    expectNotFound(await getDocument({ client: other, path: { id: document.id } }));
    expectNotFound(await deleteDocument({ client: other, path: { id: document.id } }));
    expectNotFound(await listContactGifts({ client: other, path: { id: contact.id } }));
    expectNotFound(await listContactPhotos({ client: other, path: { id: contact.id } }));
    expectNotFound(await listContactDocuments({ client: other, path: { id: contact.id } }));

    expect(ok(await getDebt({ client: demo, path: { id: debt.id } })).data).toEqual(debt);
    expect(ok(await getGift({ client: demo, path: { id: gift.id } })).data).toEqual(gift);
    expect(ok(await getPhoto({ client: demo, path: { id: photo.id } })).data).toEqual(photo);
    expect(ok(await getDocument({ client: demo, path: { id: document.id } })).data).toEqual(document);
    expect(existsSync(join(server.filesDir, photo.new_filename))).toBe(true);
    expect(existsSync(join(server.filesDir, document.new_filename))).toBe(true);

    await newDebt(other, (await newContact(other)).id);
    const theirDebts = ok(await listDebts({ client: other, query: { limit: 100 } })).data;
    expect(theirDebts.length).toBeGreaterThan(0);
    expect(ids(theirDebts)).not.toContain(debt.id);
    expect(ids(ok(await listGifts({ client: other, query: { limit: 100 } })).data)).not.toContain(gift.id);
    expect(ids(ok(await listPhotos({ client: other, query: { limit: 100 } })).data)).not.toContain(photo.id);
    expect(ids(ok(await listDocuments({ client: other, query: { limit: 100 } })).data)).not.toContain(document.id);
  });

  it("a body naming the first account's contact, recipient or gift answers 404 to the second, and nothing changes", async () => {
    const contact = await newContact(demo);
    const theirContact = await newContact(other);
    const theirGift = await newGift(other, theirContact.id);
    const theirDebt = await newDebt(other, theirContact.id, { amount: 3 });
    const before = storedFiles(server.filesDir);

    expectNotFound(await createDebt({ client: other, body: { contact_id: contact.id, in_debt: 'yes', status: 'inprogress', amount: 1 } }));
    expectNotFound(await updateDebt({ client: other, path: { id: theirDebt.id }, body: { contact_id: contact.id, in_debt: 'yes', status: 'inprogress', amount: 9 } }));
    expectNotFound(await createGift({ client: other, body: { contact_id: contact.id, name: 'x', status: 'idea' } }));
    expectNotFound(await createGift({ client: other, body: { contact_id: theirContact.id, recipient_id: contact.id, name: 'x', status: 'idea' } }));
    expectNotFound(await updateGift({ client: other, path: { id: theirGift.id }, body: { contact_id: theirContact.id, recipient_id: contact.id, name: 'y', status: 'idea' } }));
    expectNotFound(await createPhoto({ client: other, body: { contact_id: contact.id, photo: file(PNG, 'a.png', 'image/png') } }));
    expectNotFound(await createDocument({ client: other, body: { contact_id: contact.id, document: file(PDF, 'a.pdf', 'application/pdf') } }));
    const myPhoto = await newPhoto(demo, contact.id);
    expectNotFound(await setGiftPhoto({ client: other, path: { id: theirGift.id, photoId: myPhoto.id } }));

    expect(ok(await getGift({ client: other, path: { id: theirGift.id } })).data).toEqual(theirGift);
    expect(ok(await getDebt({ client: other, path: { id: theirDebt.id } })).data).toEqual(theirDebt);
    expect(ok(await listContactGifts({ client: demo, path: { id: contact.id } })).meta.total).toBe(0);
    expect(storedFiles(server.filesDir)).toEqual([...before, myPhoto.new_filename].sort());
  });
});

describe('contact deletion', () => {
  it("removes the contact's debts, gifts, photos and documents; filesOfContact names its files beforehand; a deleted recipient becomes null", async () => {
    const contact = await newContact(demo);
    const friend = await newContact(demo);
    const debt = await newDebt(demo, contact.id);
    const gift = await newGift(demo, contact.id);
    const photo = await newPhoto(demo, contact.id);
    const document = await newDocument(demo, contact.id);
    const forFriend = await newGift(demo, friend.id, { recipient_id: contact.id });
    const friendPhoto = await newPhoto(demo, friend.id);
    ok(await setGiftPhoto({ client: demo, path: { id: forFriend.id, photoId: photo.id } }));
    ok(await setGiftPhoto({ client: demo, path: { id: forFriend.id, photoId: friendPhoto.id } }));

    const files = filesOfContact(server.db, server.accounts.demo.accountId, contact.id);
    expect([...files].sort()).toEqual([photo.new_filename, document.new_filename].sort());
    expect(filesOfContact(server.db, server.accounts.other.accountId, contact.id)).toEqual([]);

    ok(await deleteContact({ client: demo, path: { id: contact.id } }));
    expectNotFound(await getDebt({ client: demo, path: { id: debt.id } }));
    expectNotFound(await getGift({ client: demo, path: { id: gift.id } }));
    expectNotFound(await getPhoto({ client: demo, path: { id: photo.id } }));
    expectNotFound(await getDocument({ client: demo, path: { id: document.id } }));
    const kept = ok(await getGift({ client: demo, path: { id: forFriend.id } })).data;
    expect(kept.recipient).toBeNull();
    expect(ids(kept.photos)).toEqual([friendPhoto.id]);
  });
});

describe('requests the SDK cannot make', () => {
  it('a JSON body that is not JSON still answers 400 code 37 on debts and gifts', async () => {
    for (const path of ['/debts', '/gifts']) {
      const response = await rawRequest(server.url, 'POST', path, { token: server.tokens.demo, body: '{"contact_id": ', headers: { 'Content-Type': 'application/json' } });
      expect(response.status).toBe(400);
      expect(response.json).toEqual({ error: { message: 'Problems parsing JSON', error_code: 37 } });
    }
  });
});
