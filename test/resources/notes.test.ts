// Notes through the generated SDK: create, favourite, replace, the notes of one contact, and sorting.
import { describe, expect, it } from 'vitest';
import { createNote, getNote, listContactNotes, updateNote } from '../../generated/client/sdk.gen.js';
import { expectNotFound, ok } from '../helpers/expect.js';
import { ids, newContact, newNote } from '../helpers/factories.js';
import { serversForFile } from '../helpers/server.js';

const [main] = await serversForFile();

describe('notes', () => {
  it('create answers 201; is_favorited sets favorited_at, and an update without it un-favourites', async () => {
    const contact = await newContact(main.demo);
    main.clock.advance(60);
    const note = ok(await createNote({ client: main.demo, body: { contact_id: contact.id, body: 'Likes tea', is_favorited: true } }), 201).data;
    expect(note).toMatchObject({ object: 'note', body: 'Likes tea', is_favorited: true, favorited_at: main.clock.stamp(), contact: { id: contact.id } });
    expect(ok(await getNote({ client: main.demo, path: { id: note.id } })).data).toEqual(note);

    main.clock.advance(60);
    const updated = ok(await updateNote({ client: main.demo, path: { id: note.id }, body: { contact_id: contact.id, body: 'Likes coffee' } })).data;
    expect(updated).toMatchObject({ id: note.id, body: 'Likes coffee', is_favorited: false, favorited_at: null, updated_at: main.clock.stamp() });

    const plain = await newNote(main.demo, contact.id);
    expect(plain).toMatchObject({ is_favorited: false, favorited_at: null });
  });

  it('listContactNotes lists the notes of one contact only', async () => {
    const contact = await newContact(main.demo);
    const elsewhere = await newContact(main.demo);
    const mine = [await newNote(main.demo, contact.id), await newNote(main.demo, contact.id)];
    await newNote(main.demo, elsewhere.id);

    const body = ok(await listContactNotes({ client: main.demo, path: { id: contact.id } }));
    expect(ids(body.data)).toEqual(ids(mine));
    expect(body.meta.total).toBe(2);
    expect(body.data.every((n) => n.contact.id === contact.id)).toBe(true);
  });

  it('a note for a contact of another account answers 404', async () => {
    const contact = await newContact(main.demo);
    expectNotFound(await createNote({ client: main.other, body: { contact_id: contact.id, body: 'Sneaky' } }));
    expect(ok(await listContactNotes({ client: main.demo, path: { id: contact.id } })).meta.total).toBe(0);
  });

  it('sort=-favorited_at puts the latest favourite first', async () => {
    const contact = await newContact(main.demo);
    main.clock.advance(10);
    const older = await newNote(main.demo, contact.id, { is_favorited: true });
    main.clock.advance(10);
    const none = await newNote(main.demo, contact.id);
    main.clock.advance(10);
    const newer = await newNote(main.demo, contact.id, { is_favorited: true });

    const desc = ok(await listContactNotes({ client: main.demo, path: { id: contact.id }, query: { sort: '-favorited_at' } }));
    expect(ids(desc.data)).toEqual([newer.id, older.id, none.id]);
    const byCreation = ok(await listContactNotes({ client: main.demo, path: { id: contact.id } }));
    expect(ids(byCreation.data)).toEqual([older.id, none.id, newer.id]);
  });
});
