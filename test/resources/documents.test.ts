// Documents through the generated SDK: uploads stored under the files directory and removed with their record, forms
// without a file, and the account's and a contact's lists.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDocument, deleteDocument, getDocument, listContactDocuments, listDocuments } from '../../generated/client/sdk.gen.js';
import { expectNotFound, expectValidationError, ok } from '../helpers/expect.js';
import { collectPages, file, ids, newContact, newDocument, PDF, unchecked } from '../helpers/factories.js';
import { storedFiles, filesServerForFile } from '../helpers/filesServer.js';

const server = await filesServerForFile();
const demo = server.demo;

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
    expectValidationError(await createDocument({ client: demo, body: unchecked({ contact_id: contact.id }) }), ['The document field is required.']);
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
