// Photos through the generated SDK: uploads (a file part, or a data: URL in `data`) stored under the files directory
// and removed with their record, size and type checks that write nothing, and a contact's list.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDocument, createPhoto, deleteDocument, deletePhoto, getPhoto, listContactPhotos, listPhotos } from '../../generated/client/sdk.gen.js';
import { expectNotFound, expectValidationError, ok } from '../helpers/expect.js';
import { file, GIF, ids, newContact, newPhoto, PDF, PNG, unchecked } from '../helpers/factories.js';
import { storedFiles, filesServerForFile } from '../helpers/filesServer.js';

const server = await filesServerForFile();
const demo = server.demo;

const MB = 1024 * 1024;

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
    expectValidationError(
      await createPhoto({ client: demo, body: { contact_id: contact.id, data: huge } }),
      ['The data may not be greater than 10240 kilobytes.'],
    );
    expect(storedFiles(server.filesDir)).toEqual(before);
  });

  it('refuses what is not an image, or a form without one, with 422 and writes nothing', async () => {
    const contact = await newContact(demo);
    const before = storedFiles(server.filesDir);
    const total = ok(await listPhotos({ client: demo, query: { limit: 1 } })).meta.total;
    expectValidationError(
      await createPhoto({ client: demo, body: { contact_id: contact.id, photo: file('plain text', 'a.png', 'image/png') } }),
      ['The photo must be an image (JPEG, PNG, GIF, BMP, SVG or WebP).'],
    );
    expectValidationError(
      await createPhoto({ client: demo, body: { contact_id: contact.id, photo: file(PDF, 'a.pdf', 'application/pdf') } }),
      ['The photo must be an image (JPEG, PNG, GIF, BMP, SVG or WebP).'],
    );
    expectValidationError(
      await createPhoto({ client: demo, body: { contact_id: contact.id, data: 'not base64 at all!' } }),
      ['The data must be an image written as a data: URL or in base64.'],
    );
    expectValidationError(
      await createPhoto({ client: demo, body: { contact_id: contact.id, data: Buffer.from('hello').toString('base64') } }),
      ['The data must be an image (JPEG, PNG, GIF, BMP, SVG or WebP).'],
    );
    expectValidationError(
      await createPhoto({ client: demo, body: unchecked({ contact_id: contact.id }) }),
      ['The photo field is required.', 'The data field is required.', 'The body must match a schema in anyOf.'],
    );
    expect(storedFiles(server.filesDir)).toEqual(before);
    expect(ok(await listPhotos({ client: demo, query: { limit: 1 } })).meta.total).toBe(total);
  });

  it('refuses a file over 10 MB with 422 code 32 and a clear message, and writes nothing', async () => {
    const contact = await newContact(demo);
    const before = storedFiles(server.filesDir);
    const big = Buffer.concat([PNG, Buffer.alloc(10 * MB)]);
    const tooBig = ['The file may not be greater than 10240 kilobytes (10 MB).'];
    expectValidationError(await createPhoto({ client: demo, body: { contact_id: contact.id, photo: file(big, 'huge.png', 'image/png') } }), tooBig);
    expectValidationError(await createDocument({ client: demo, body: { contact_id: contact.id, document: file(big, 'huge.bin', 'application/octet-stream') } }), tooBig);
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
